//! OFSI's Consolidated List of financial sanctions targets, CSV form (`ConList.csv`).
//!
//! The first line is `Last Updated,DD/MM/YYYY`, the second the header. There is one row per name
//! variant and regime, grouped into one target by `Group ID`; a target is in the Belarus scope
//! when any of its rows has `Regime` Belarus. Cyrillic names are in `Name Non-Latin Script`.

use std::collections::HashMap;

use super::{ParseError, ParsedList};
use crate::model::{clean_spaces, Entity, EntityType, IdKind, Identifier, Name, NameQuality, PartialDate, SourceKind};
use crate::source::RawPublication;

/// Columns read, by header name; the publisher has added columns over the years, so positions are
/// looked up, never assumed.
const REQUIRED: [&str; 4] = ["Name 6", "Group Type", "Regime", "Group ID"];

pub(super) fn parse(publication: &RawPublication) -> Result<ParsedList, ParseError> {
    let file = publication.describe();
    let bytes = publication.single()?;
    super::refuse_nul(&file, bytes)?;
    let text = std::str::from_utf8(bytes)
        .map_err(|e| ParseError::file(&file, format!("not UTF-8 text (byte {}): {e}", e.valid_up_to())))?;
    let text = text.trim_start_matches('\u{feff}');
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let list_date = match first.trim().split_once(',') {
        Some((label, date)) if label.trim().eq_ignore_ascii_case("Last Updated") => {
            // The list's own date decides staleness and the order of publications, so it must be
            // a real day (`31/02/2025` is a corrupted file, not a date to serve by).
            let d = parse_date(date).filter(|d| d.day.is_some()).and_then(|d| {
                let month = time::Month::try_from(d.month?).ok()?;
                time::Date::from_calendar_date(i32::from(d.year), month, d.day?).ok().map(|_| d)
            });
            match d {
                Some(d) => Some(d.to_string()),
                None => {
                    return Err(ParseError::line(
                        &file,
                        1,
                        format!("`Last Updated` is `{}`, not a calendar date (DD/MM/YYYY)", date.trim()),
                    ))
                }
            }
        }
        _ => {
            return Err(ParseError::line(
                &file,
                1,
                "not an OFSI Consolidated List: the first line should be `Last Updated,DD/MM/YYYY`",
            ))
        }
    };
    // OFSI's CSV has no end marker, so a file cut at a row boundary can only be caught by the
    // shrink limits; what can be checked here is that the last row is whole (ends with its line
    // break) and that the file does not stop inside a quoted field.
    if !text.ends_with('\n') {
        return Err(ParseError::file(
            &file,
            "the last row does not end with a line break: the file is cut short or still being written",
        ));
    }
    if super::ends_inside_quotes(text.as_bytes()) {
        return Err(ParseError::file(&file, "ends inside a quoted field: the file is cut short"));
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(rest.as_bytes());
    let header = reader.headers().map_err(|e| ParseError::line(&file, 2, format!("malformed header: {e}")))?.clone();
    let col: HashMap<&str, usize> = header.iter().enumerate().map(|(i, h)| (h.trim(), i)).collect();
    for r in REQUIRED {
        if !col.contains_key(r) {
            return Err(ParseError::line(&file, 2, format!("header lacks the `{r}` column")));
        }
    }
    let get = |row: &csv::StringRecord, name: &str| -> String {
        col.get(name).and_then(|&i| row.get(i)).map(clean_spaces).unwrap_or_default()
    };
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_group: HashMap<String, usize> = HashMap::new();
    let mut row = csv::StringRecord::new();
    let mut lines = super::Lines::new(rest);
    loop {
        // +1: the `Last Updated` line was split off before the reader saw the text.
        let line = lines.at(reader.position().byte()) + 1;
        match reader.read_record(&mut row) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(ParseError::line(&file, line, format!("malformed CSV: {e}"))),
        }
        if row.len() != header.len() {
            return Err(ParseError::line(
                &file,
                line,
                format!("row has {} columns, the header {}: the file may be cut short", row.len(), header.len()),
            ));
        }
        let group = get(&row, "Group ID");
        if group.is_empty() {
            return Err(ParseError::line(&file, line, "row has no Group ID"));
        }
        // Any other type is a format this parser does not know: read as an organisation, a
        // listed person would meet no person screened.
        let entity_type = match get(&row, "Group Type").to_ascii_lowercase().as_str() {
            "individual" => EntityType::Person,
            "ship" => EntityType::Vessel,
            "entity" => EntityType::Organization,
            other => {
                return Err(ParseError::line(
                    &file,
                    line,
                    format!("Group Type `{other}` is none of Individual, Entity or Ship: a changed format?"),
                ))
            }
        };
        let i = *by_group.entry(group.clone()).or_insert_with(|| {
            entities.push(Entity::new(format!("uk-ofsi:{group}"), SourceKind::UkOfsi, entity_type));
            entities.len() - 1
        });
        let e = &mut entities[i];
        let regime = get(&row, "Regime");
        // Any regime naming Belarus, as for the FCDO's list: a reworded title (`The Republic of
        // Belarus`) must not move the Belarus groups out of scope.
        if regime.to_lowercase().contains("belarus") {
            e.belarus = true;
        }
        push_unique(&mut e.programs, regime);
        let alias_type = get(&row, "Alias Type").to_ascii_lowercase();
        let quality = if alias_type.starts_with("primary") {
            NameQuality::Primary
        } else if get(&row, "Alias Quality").to_ascii_lowercase().starts_with("low") {
            NameQuality::Weak
        } else {
            NameQuality::Strong
        };
        let surname = get(&row, "Name 6");
        let given: Vec<String> = (1..=5).map(|n| get(&row, &format!("Name {n}"))).filter(|s| !s.is_empty()).collect();
        let name = if entity_type == EntityType::Person {
            Name::from_parts(&surname, &given.join(" "), quality)
        } else {
            Name::new(if given.is_empty() { surname } else { format!("{} {surname}", given.join(" ")) }, quality)
        };
        if name.full.is_empty() {
            return Err(ParseError::line(&file, line, format!("group {group}: row has no name")));
        }
        // The primary name goes first whatever the row order.
        if quality == NameQuality::Primary && !e.names.iter().any(|n| n.quality == NameQuality::Primary) {
            e.names.retain(|n| n.full != name.full);
            e.names.insert(0, name);
        } else {
            e.push_name(name);
        }
        let non_latin = get(&row, "Name Non-Latin Script");
        if !non_latin.is_empty() {
            e.push_name(Name::new(non_latin, NameQuality::Strong));
        }
        if entity_type == EntityType::Person {
            if let Some(d) = parse_date(&get(&row, "DOB")) {
                if !e.dates_of_birth.contains(&d) {
                    e.dates_of_birth.push(d);
                }
            }
        }
        for c in ["Nationality", "Country", "Country of Birth"] {
            let v = get(&row, c);
            // Several nationalities come as `(1) Russia (2) Belarus`.
            for part in v.split(|ch: char| ch == '(' || ch == ')' || ch.is_ascii_digit()).map(str::trim) {
                if !part.is_empty() {
                    push_unique(&mut e.countries, part.to_string());
                }
            }
        }
        for (column, kind) in
            [("Passport Number", IdKind::Passport), ("National Identification Number", IdKind::NationalId)]
        {
            for v in numbered_values(&get(&row, column)) {
                if !e.identifiers.iter().any(|x| x.value == v) {
                    e.identifiers.push(Identifier { kind, value: v.to_string() });
                }
            }
        }
        let address: Vec<String> = (1..=6)
            .map(|n| get(&row, &format!("Address {n}")))
            .chain([get(&row, "Post/Zip Code"), get(&row, "Country")])
            .filter(|s| !s.is_empty())
            .collect();
        if !address.is_empty() {
            push_unique(&mut e.addresses, address.join(", "));
        }
    }
    Ok(ParsedList { entities, list_date, published: None })
}

/// The values of a field that holds several, numbered as the list numbers them
/// (`(1) SP0017927 (2) MP2486634 (3) MP2972008`), or the field's one value. Read as one string,
/// a person's three passports were one identifier that none of them, sent alone, met.
fn numbered_values(v: &str) -> Vec<&str> {
    let v = v.trim();
    // Where each `(n)` starts, and where it ends.
    let marker_at = |i: usize| -> Option<usize> {
        let rest = v[i..].strip_prefix('(')?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && rest[digits..].starts_with(')')).then_some(i + 1 + digits + 1)
    };
    if marker_at(0).is_none() {
        return if v.is_empty() { Vec::new() } else { vec![v] };
    }
    let markers: Vec<(usize, usize)> =
        v.char_indices().filter(|&(_, c)| c == '(').filter_map(|(i, _)| marker_at(i).map(|end| (i, end))).collect();
    markers
        .iter()
        .enumerate()
        .map(|(k, &(_, end))| {
            let next = markers.get(k + 1).map_or(v.len(), |m| m.0);
            v[end..next].trim().trim_end_matches([',', ';']).trim()
        })
        .filter(|part| !part.is_empty())
        .collect()
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.contains(&s) {
        v.push(s);
    }
}

/// `28/11/1975`, with `00` for unknown day or month (`00/00/1954`).
fn parse_date(s: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = s.trim().split('/').collect();
    match parts.as_slice() {
        [d, m, y] => PartialDate::new(y.trim().parse().ok()?, m.trim().parse().ok(), d.trim().parse().ok()),
        [y] if y.len() == 4 => PartialDate::new(y.parse().ok()?, None, None),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_identifiers_are_read_one_by_one() {
        assert_eq!(
            numbered_values("(1) SP0017927 (2) MP2486634 (3) MP2972008"),
            ["SP0017927", "MP2486634", "MP2972008"]
        );
        assert_eq!(numbered_values("(1) MP 3413113 (2) MP 2387911"), ["MP 3413113", "MP 2387911"]);
        assert_eq!(numbered_values(" (1) K00162033; (2) 55 0344417 "), ["K00162033", "55 0344417"]);
        // One value, brackets and all, stays one value.
        assert_eq!(numbered_values("N°235/MISPAT/DIRCAB (old)"), ["N°235/MISPAT/DIRCAB (old)"]);
        assert_eq!(numbered_values("MP1234567"), ["MP1234567"]);
        assert!(numbered_values("  ").is_empty());
        assert!(numbered_values("(1) (2) ").is_empty());
    }

    #[test]
    fn unknown_date_parts_are_dropped() {
        assert_eq!(parse_date("00/00/1954").map(|d| d.to_string()), Some("1954".into()));
        assert_eq!(parse_date("28/11/1975").map(|d| d.to_string()), Some("1975-11-28".into()));
    }

    #[test]
    fn wrong_first_line_is_refused() {
        let p = RawPublication::from_bytes("x.csv", b"Name 6,Group ID\nA,1\n".to_vec());
        assert!(parse(&p).unwrap_err().to_string().contains("Last Updated"));
    }

    #[test]
    fn an_unknown_group_type_is_refused() {
        let head = "Last Updated,10/04/2025\r\nName 6,Name 1,Group Type,Regime,Group ID\r\n";
        let csv =
            |t: &str| RawPublication::from_bytes("x.csv", format!("{head}SMITH,John,{t},Belarus,1\r\n").into_bytes());
        assert!(parse(&csv("Entity")).is_ok());
        let e = parse(&csv("Person")).unwrap_err().to_string();
        assert!(e.contains("Group Type `person` is none of Individual, Entity or Ship"), "{e}");
    }

    #[test]
    fn cut_rows_are_refused() {
        let head = "Last Updated,10/04/2025\r\nName 6,Name 1,Group Type,Regime,Group ID\r\n";
        let whole = format!("{head}SMITH,John,Individual,Belarus,1\r\n");
        assert!(parse(&RawPublication::from_bytes("x.csv", whole.clone().into_bytes())).is_ok());
        let cut = &whole[..whole.len() - 3];
        assert!(parse(&RawPublication::from_bytes("x.csv", cut.as_bytes().to_vec()))
            .unwrap_err()
            .to_string()
            .contains("line break"));
        let quoted = format!("{head}SMITH,\"John\r\n");
        assert!(parse(&RawPublication::from_bytes("x.csv", quoted.into_bytes()))
            .unwrap_err()
            .to_string()
            .contains("quoted field"));
    }
}
