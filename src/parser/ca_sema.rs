//! Canada's Consolidated Canadian Autonomous Sanctions List (`sema-lmes.xml`):
//! `<data-set><record>...</record></data-set>`, one record per listed person, entity or ship.
//!
//! Our archived file uses plain tags (`<Country>`); the live feed uses bilingual ones
//! (`<Country-Pays>`, `<LastName-Nom>` ...). Both are read by keying on the part before the first
//! `-`, which is the English tag in either form.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{aside_alias, line_at, split_aliases, split_parenthesised, ParseError, ParsedList};
use crate::model::{clean_spaces, Entity, EntityType, IdKind, Identifier, Name, NameQuality, PartialDate, SourceKind};
use crate::source::RawPublication;

#[derive(Default)]
struct Record {
    country: String,
    last_name: String,
    given_name: String,
    entity_or_ship: String,
    title_or_ship: String,
    imo: String,
    dob: String,
    aliases: String,
    schedule: String,
    item: String,
}

pub(super) fn parse(publication: &RawPublication) -> Result<ParsedList, ParseError> {
    let file = publication.describe();
    let bytes = publication.single()?;
    let text = super::xml_text(&file, bytes, "")?;
    let mut reader = Reader::from_str(text);
    let mut lines = super::Lines::new(text);
    let mut entities = Vec::new();
    let mut root_seen = false;
    // Open elements, so that the end of the root element can be told from the end of the file:
    // a file cut after a `</record>` is well-formed up to there and would parse into fewer
    // records, every one of them valid.
    let mut depth = 0usize;
    let mut root_closed = false;
    let mut current: Option<(Record, u64)> = None;
    let mut field: Option<String> = None;
    loop {
        let pos = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| ParseError::line(&file, line_at(bytes, pos), format!("malformed XML: {e}")))?;
        match event {
            Event::Start(e) => {
                if root_closed {
                    return Err(ParseError::line(&file, line_at(bytes, pos), "element after the closing </data-set>"));
                }
                depth += 1;
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if !root_seen {
                    if name != "data-set" {
                        return Err(ParseError::file(
                            &file,
                            format!("not a Canadian SEMA list: root element is <{name}>, expected <data-set>"),
                        ));
                    }
                    root_seen = true;
                } else if name == "record" {
                    current = Some((Record::default(), lines.at(pos as u64)));
                } else if current.is_some() {
                    field = Some(name);
                }
            }
            Event::Text(t) => {
                if let (Some((rec, _)), Some(f)) = (current.as_mut(), field.as_deref()) {
                    let value = t
                        .xml_content()
                        .map_err(|e| ParseError::line(&file, line_at(bytes, pos), format!("bad text in <{f}>: {e}")))?;
                    append(rec, f, &value);
                }
            }
            // Text in a CDATA section is text as any other (read as empty, a name so written
            // was lost and its record kept, so no gate noticed).
            Event::CData(t) => {
                if let (Some((rec, _)), Some(f)) = (current.as_mut(), field.as_deref()) {
                    let value = t.decode().map_err(|e| {
                        ParseError::line(&file, line_at(bytes, pos), format!("bad CDATA in <{f}>: {e}"))
                    })?;
                    append(rec, f, &value);
                }
            }
            Event::GeneralRef(r) => {
                // Entity and character references (&amp;, &#233;) arrive as separate events.
                if let (Some((rec, _)), Some(f)) = (current.as_mut(), field.as_deref()) {
                    let raw = String::from_utf8_lossy(r.as_ref()).into_owned();
                    let resolved = resolve_ref(&raw).ok_or_else(|| {
                        ParseError::line(&file, line_at(bytes, pos), format!("unknown XML reference &{raw};"))
                    })?;
                    append(rec, f, &resolved);
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && root_seen {
                    root_closed = true;
                }
                let name = e.local_name();
                if name.as_ref() == b"record" {
                    if let Some((rec, line)) = current.take() {
                        entities.push(to_entity(rec).map_err(|m| ParseError::line(&file, line, m))?);
                    }
                }
                field = None;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err(ParseError::file(&file, "not a Canadian SEMA list: no <data-set> element"));
    }
    if current.is_some() {
        return Err(ParseError::file(&file, "file ends inside a <record>: the publication is cut short"));
    }
    if !root_closed {
        return Err(ParseError::file(
            &file,
            "file ends before the closing </data-set>: the publication is cut short or still being written",
        ));
    }
    Ok(ParsedList { entities, list_date: None, published: None })
}

fn resolve_ref(raw: &str) -> Option<String> {
    if let Some(num) = raw.strip_prefix('#') {
        let code = match num.strip_prefix('x') {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).map(String::from);
    }
    Some(
        match raw {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            _ => return None,
        }
        .to_string(),
    )
}

fn append(rec: &mut Record, field: &str, value: &str) {
    let english = field.split('-').next().unwrap_or(field);
    let slot = match english {
        "Country" => &mut rec.country,
        "LastName" => &mut rec.last_name,
        "GivenName" => &mut rec.given_name,
        "EntityOrShip" => &mut rec.entity_or_ship,
        "TitleOrShip" => &mut rec.title_or_ship,
        "ShipIMONumber" => &mut rec.imo,
        "DateOfBirthOrShipBuildDate" => &mut rec.dob,
        "Aliases" => &mut rec.aliases,
        "Schedule" => &mut rec.schedule,
        "Item" => &mut rec.item,
        _ => return,
    };
    slot.push_str(value);
}

/// `Belarus / Bélarus` → `belarus`; `1, Part 1.1` → `1-part-1.1`. The English name is the one
/// before the slash, however spaced (`Belarus/Bélarus` is the same record, with the same id).
fn id_part(s: &str) -> String {
    let english = s.split('/').next().unwrap_or(s);
    // Without accents when written with them (`Bélarus / Belarus`, the French name first): every
    // English name in the list is ASCII, so their ids are as they were.
    let folded;
    let english = if english.is_ascii() {
        english
    } else {
        folded = crate::normalize::fold(english);
        &folded
    };
    let mut out = String::new();
    for c in english.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '.' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn to_entity(rec: Record) -> Result<Entity, String> {
    let item = clean_spaces(&rec.item);
    if item.is_empty() {
        return Err("record has no <Item> number".into());
    }
    let country = clean_spaces(&rec.country);
    let schedule = clean_spaces(&rec.schedule);
    let id = format!("ca-sema:{}/{}/{}", id_part(&country), id_part(&schedule), item);
    let org = clean_spaces(&rec.entity_or_ship);
    let imo = clean_spaces(&rec.imo);
    let entity_type = if !imo.is_empty() {
        EntityType::Vessel
    } else if !org.is_empty() {
        EntityType::Organization
    } else {
        EntityType::Person
    };
    let mut names = Vec::new();
    let mut aliases = Vec::new();
    if org.is_empty() {
        let last = clean_spaces(&rec.last_name);
        let given_published = clean_spaces(&rec.given_name);
        let (given, asides) = split_parenthesised(&given_published);
        if last.is_empty() && given.is_empty() {
            return Err(format!("record {id} has neither a name nor an entity"));
        }
        // The name as published stays the primary name (what an analyst looks up); the parts used
        // for matching leave out the aside.
        let mut primary = Name::from_parts(&last, &given, NameQuality::Primary);
        primary.full = clean_spaces(&format!("{given_published} {last}"));
        names.push(primary);
        // `Dzmitry (Zmitser)`: the aside is another form of the given name.
        for a in asides {
            names.push(Name::from_parts(&last, &a, NameQuality::Strong));
        }
    } else {
        let (main, asides) = split_parenthesised(&org);
        names.push(Name::new(org.clone(), NameQuality::Primary));
        // `State Authority ... (SAMI)`: the name without the aside, and the aside when it is an
        // alias, are names too.
        names.push(Name::new(main, NameQuality::Strong));
        aliases.extend(asides.iter().filter_map(|a| aside_alias(a)).map(str::to_string));
    }
    aliases.extend(split_aliases(&rec.aliases));
    let english_country = country.split(" / ").next().unwrap_or(&country).trim().to_string();
    let mut entity = Entity::new(id, SourceKind::CaSema, entity_type);
    entity.programs = vec![format!("{english_country} — Schedule {schedule}")];
    entity.countries = vec![english_country];
    // Either name of the country, in either order, with or without its accent, however the two
    // are separated (`/`, a dash, parentheses): a record of `Bélarus / Belarus` is in scope as
    // one of `Belarus / Bélarus`.
    entity.belarus = crate::normalize::fold(&country).split_whitespace().any(|w| w == "belarus");
    for n in names {
        entity.push_name(n);
    }
    let surname = clean_spaces(&rec.last_name);
    for a in aliases.iter().flat_map(|a| expand_or(a)) {
        let (main, _) = split_parenthesised(&a);
        // A person's alias of one word is another form of the given name (`Aleksandr/ Aleksandr
        // or Alexander /…` beside `KAROL, Aliaksandr`): on its own it would be a listed person
        // called only "Aleksandr".
        if entity_type == EntityType::Person && !surname.is_empty() && crate::normalize::tokens(&main).len() == 1 {
            if !main.eq_ignore_ascii_case(&surname) {
                entity.push_name(Name::from_parts(&surname, &main, NameQuality::Strong));
            }
            continue;
        }
        entity.push_name(Name::new(main, NameQuality::Strong));
    }
    if entity_type == EntityType::Person {
        if let Some(d) = parse_date(&rec.dob) {
            entity.dates_of_birth.push(d);
        }
    }
    if !imo.is_empty() {
        entity.identifiers.push(Identifier { kind: IdKind::Imo, value: imo });
    }
    entity.countries.retain(|c| !c.is_empty());
    Ok(entity)
}

/// Canada writes alternatives inside one alias with "or": whole names (`Минский … or ОАО
/// МНИПИ`), or a first word that varies before a shared rest (`Katsiaryna or Katerina
/// Smuschkovich` is Katsiaryna Smuschkovich or Katerina Smuschkovich).
fn expand_or(alias: &str) -> Vec<String> {
    let parts: Vec<&str> = alias.split(" or ").map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut out = Vec::with_capacity(parts.len());
    for (i, p) in parts.iter().enumerate() {
        let next = parts.get(i + 1).map(|n| n.split_whitespace().collect::<Vec<_>>()).unwrap_or_default();
        if p.split_whitespace().count() == 1 && next.len() >= 2 {
            out.push(format!("{p} {}", next[1..].join(" ")));
        } else {
            out.push((*p).to_string());
        }
    }
    out
}

/// `1972` or `1965-04-29` (sometimes `1965-04`).
fn parse_date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    let mut it = s.split('-');
    let year = it.next()?.trim().parse().ok()?;
    let month = it.next().and_then(|m| m.trim().parse().ok());
    let day = it.next().and_then(|d| d.trim().parse().ok());
    PartialDate::new(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives_joined_by_or_are_names() {
        assert_eq!(
            expand_or("Katsiaryna or Katerina Smuschkovich"),
            ["Katsiaryna Smuschkovich", "Katerina Smuschkovich"]
        );
        assert_eq!(expand_or("Минский институт or ОАО МНИПИ"), ["Минский институт", "ОАО МНИПИ"]);
        assert_eq!(expand_or("Aleksandr or Alexander"), ["Aleksandr", "Alexander"]);
    }

    /// XML 1.0 allows no control character but tab and line breaks: a NUL inside a name (round
    /// 25) is a file that is not well-formed, refused with the line, not read into the name.
    #[test]
    fn a_control_character_is_refused() {
        let xml = "<data-set><record><Country>Belarus</Country>\n<LastName>Luka\u{0}shenko</LastName>\
            <GivenName>Aleksandr</GivenName><Schedule>1, Part 1</Schedule><Item>8</Item></record></data-set>";
        let e = parse(&RawPublication::from_bytes("t.xml", xml.as_bytes().to_vec())).expect_err("a NUL").to_string();
        assert!(e.contains("line 2") && e.contains("control character U+0000"), "{e}");
        let tabbed = xml.replace('\u{0}', "\t");
        assert!(parse(&RawPublication::from_bytes("t.xml", tabbed.into_bytes())).is_ok());
    }

    #[test]
    fn ids_are_normalised() {
        assert_eq!(id_part("Belarus / Bélarus"), "belarus");
        assert_eq!(id_part("1, Part 1.1"), "1-part-1.1");
    }

    #[test]
    fn bilingual_tags_are_read() {
        let xml = "<?xml version=\"1.0\"?><data-set><record><Country-Pays>Belarus / Bélarus</Country-Pays>\
            <LastName-Nom>Lukashenko</LastName-Nom><GivenName-Prenom>Aleksandr</GivenName-Prenom>\
            <Schedule-Annexe>1, Part 1</Schedule-Annexe><Item-Article>8</Item-Article></record></data-set>";
        let p = RawPublication::from_bytes("t.xml", xml.as_bytes().to_vec());
        let list = parse(&p).expect("parses");
        assert_eq!(list.entities[0].id, "ca-sema:belarus/1-part-1/8");
        assert_eq!(list.entities[0].primary_name(), "Aleksandr Lukashenko");
        assert!(list.entities[0].belarus);
    }

    /// Found by an outside test: a name in a CDATA section was read as empty and the record kept,
    /// so Lukashenko was CLEAR; the country's names in another order or spacing moved a record out
    /// of scope or changed its id.
    #[test]
    fn cdata_and_the_country_written_otherwise_are_read() {
        let record = |country: &str, last: &str| {
            format!(
                "<data-set><record><Country>{country}</Country><LastName>{last}</LastName>\
                 <GivenName><![CDATA[Aleksandr]]></GivenName><Schedule>1, Part 1</Schedule><Item>8</Item>\
                 </record></data-set>"
            )
        };
        for (country, last) in [
            ("Belarus / Bélarus", "<![CDATA[Lukashenko]]>"),
            ("Belarus/Bélarus", "Luka<![CDATA[shenko]]>"),
            ("Bélarus / Belarus", "Lukashenko"),
            ("BELARUS", "Lukashenko"),
            ("Belarus – Bélarus", "Lukashenko"),
            ("Belarus (Bélarus)", "Lukashenko"),
        ] {
            let p = RawPublication::from_bytes("t.xml", record(country, last).into_bytes());
            let list = parse(&p).expect("parses");
            let e = &list.entities[0];
            assert_eq!(e.primary_name(), "Aleksandr Lukashenko", "{country} {last}");
            assert!(e.belarus, "{country}");
            if country.contains('/') {
                assert_eq!(e.id, "ca-sema:belarus/1-part-1/8", "{country}");
            }
        }
    }

    #[test]
    fn cut_short_is_an_error() {
        let xml = "<data-set><record><Country>Belarus</Country><Item>1</Item>";
        let p = RawPublication::from_bytes("t.xml", xml.as_bytes().to_vec());
        assert!(parse(&p).is_err());
        // Cut after a whole record: well-formed so far, but not a whole publication.
        let xml = "<data-set><record><Country>Belarus</Country><LastName>A</LastName><Item>1</Item></record>\n";
        let p = RawPublication::from_bytes("t.xml", xml.as_bytes().to_vec());
        assert!(parse(&p).unwrap_err().to_string().contains("</data-set>"));
    }
}
