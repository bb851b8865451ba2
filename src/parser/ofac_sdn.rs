//! OFAC's SDN list in the legacy CSV export: `SDN.CSV` (one row per entity), `ALT.CSV` (aliases),
//! `ADD.CSV` (addresses), `SDN_COMMENTS.CSV` (remarks too long for SDN.CSV, continued).
//!
//! No header; `-0-` means empty; CRLF; the file ends with a DOS end-of-file byte (0x1A); text is
//! Latin-1. Dates of birth, nationality, passports, national ids and BICs live inside the free-text
//! `Remarks` column (`DOB 30 Aug 1954; alt. DOB 31 Aug 1954; nationality Belarus; ...`).

use std::collections::HashMap;

use super::{month_number, Lines, ParseError, ParsedList};
use crate::model::{
    clean_spaces, Entity, EntityType, IdKind, Identifier, Name, NameParts, NameQuality, PartialDate, SourceKind,
};
use crate::source::layout::ofac::{ADD, ALT, SDN, SDN_COMMENTS};
use crate::source::RawPublication;

/// OFAC's Belarus programs: `BELARUS`, `BELARUS-EO14038`, and any program OFAC adds under the
/// name by an executive order to come (`BELARUS-EO…`): an outside test gave a publication's new
/// designations a new tag, and they were out of scope, CLEAR, with nothing refused.
fn is_belarus_program(p: &str) -> bool {
    p.eq_ignore_ascii_case("BELARUS") || p.get(..8).is_some_and(|h| h.eq_ignore_ascii_case("BELARUS-"))
}

pub(super) fn parse(publication: &RawPublication) -> Result<ParsedList, ParseError> {
    let sdn = publication
        .file(SDN)
        .ok_or_else(|| ParseError::file(&publication.describe(), format!("no {SDN} in the OFAC publication")))?;
    let sdn_name = sdn.path.as_str();
    let mut comments: HashMap<String, String> = HashMap::new();
    if let Some(f) = publication.file(SDN_COMMENTS) {
        for (line, row) in rows(&f.bytes, &f.path)? {
            if row.len() < 2 {
                return Err(ParseError::line(&f.path, line, "expected 2 columns (ent_num, remarks)"));
            }
            comments.entry(ent_num(&row[0], &f.path, line)?.to_string()).or_default().push_str(&row[1]);
        }
    }
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_num: HashMap<String, usize> = HashMap::new();
    for (line, row) in rows(&sdn.bytes, sdn_name)? {
        if row.len() < 12 {
            return Err(ParseError::line(
                sdn_name,
                line,
                format!(
                    "expected 12 columns (ent_num, SDN_Name, SDN_Type, Program, ..., Remarks), found {}",
                    row.len()
                ),
            ));
        }
        let num = row[0].trim().to_string();
        if num.is_empty() || !num.chars().all(|c| c.is_ascii_digit()) {
            return Err(ParseError::line(sdn_name, line, format!("ent_num `{num}` is not a number")));
        }
        // An entity's type is OFAC's null, `-0-`. Any other value is a format this parser does
        // not know: read as an organisation, a listed person would meet no person screened.
        let entity_type = match row[2].trim().to_ascii_lowercase().as_str() {
            "individual" => EntityType::Person,
            "vessel" => EntityType::Vessel,
            "aircraft" => EntityType::Aircraft,
            "-0-" | "" => EntityType::Organization,
            other => {
                return Err(ParseError::line(
                    sdn_name,
                    line,
                    format!(
                    "SDN_Type `{other}` is none of individual, vessel, aircraft or -0- (an entity): a changed format?"
                ),
                ))
            }
        };
        let programs: Vec<String> = row[3]
            .split("] [")
            .map(|p| p.trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace()).to_string())
            .filter(|p| !p.is_empty())
            .collect();
        let mut entity = Entity::new(format!("us-ofac-sdn:{num}"), SourceKind::UsOfacSdn, entity_type);
        // In any case: a program written `belarus` by a changed export is still the program.
        entity.belarus = programs.iter().any(|p| is_belarus_program(p));
        entity.programs = programs;
        let name = row[1].trim();
        if name.is_empty() {
            return Err(ParseError::line(sdn_name, line, format!("entry {num} has no name")));
        }
        entity.push_name(sdn_name_to_name(name, entity_type, NameQuality::Primary));
        if entity_type == EntityType::Vessel && !row[9].is_empty() {
            entity.countries.push(row[9].clone());
        }
        let mut remarks = row[11].clone();
        if let Some(more) = comments.get(&num) {
            remarks.push_str(more);
        }
        apply_remarks(&mut entity, &remarks);
        by_num.insert(num, entities.len());
        entities.push(entity);
    }
    if let Some(f) = publication.file(ALT) {
        for (line, row) in rows(&f.bytes, &f.path)? {
            if row.len() < 5 {
                return Err(ParseError::line(
                    &f.path,
                    line,
                    "expected 5 columns (ent_num, alt_num, alt_type, alt_name, remarks)",
                ));
            }
            let Some(&i) = by_num.get(ent_num(&row[0], &f.path, line)?) else {
                continue;
            };
            let quality = if row[2].to_ascii_lowercase().contains("weak")
                || row.get(4).is_some_and(|r| r.to_ascii_lowercase().contains("weak"))
            {
                NameQuality::Weak
            } else {
                NameQuality::Strong
            };
            let t = entities[i].entity_type;
            entities[i].push_name(sdn_name_to_name(&row[3], t, quality));
        }
    }
    if let Some(f) = publication.file(ADD) {
        for (line, row) in rows(&f.bytes, &f.path)? {
            if row.len() < 6 {
                return Err(ParseError::line(
                    &f.path,
                    line,
                    "expected 6 columns (ent_num, add_num, address, city, country, remarks)",
                ));
            }
            let Some(&i) = by_num.get(ent_num(&row[0], &f.path, line)?) else {
                continue;
            };
            let address = [row[2].as_str(), row[3].as_str(), row[4].as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            if !address.is_empty() {
                entities[i].addresses.push(address);
            }
            if !row[4].is_empty() && !entities[i].countries.contains(&row[4]) {
                entities[i].countries.push(row[4].clone());
            }
        }
    }
    Ok(ParsedList { entities, list_date: None, published: None })
}

/// Decodes Latin-1 (each byte is the code point of the same number, so the mapping is exact and
/// needs no table), drops the trailing DOS EOF byte and yields (line, fields) with `-0-` emptied.
///
/// The EOF byte is required: it is the only sign OFAC gives that a file is whole. A file cut at a
/// row boundary parses into fewer, perfectly valid rows, and the listed people it lost would be
/// answered CLEAR; without the byte the publication is refused as cut short.
/// A companion row's `ent_num`, which must be a number as in `SDN.CSV`: a row whose number is
/// not one (a byte-order mark before the first) was skipped as an alias of no entry, and the
/// alias lost without a word.
fn ent_num<'a>(field: &'a str, file: &str, line: u64) -> Result<&'a str, ParseError> {
    let num = field.trim();
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseError::line(file, line, format!("ent_num `{num}` is not a number")));
    }
    Ok(num)
}

fn rows(bytes: &[u8], file: &str) -> Result<Vec<(u64, Vec<String>)>, ParseError> {
    super::refuse_nul(file, bytes)?;
    if bytes.iter().rposition(|b| !b.is_ascii_whitespace()).map(|i| bytes[i]) != Some(0x1A) {
        return Err(ParseError::file(
            file,
            "does not end with the end-of-file byte (0x1A) every OFAC legacy CSV file ends with: \
             the file is cut short or still being written",
        ));
    }
    let bytes = match bytes.iter().rposition(|&b| b != 0x1A && b != b'\r' && b != b'\n') {
        Some(end) => &bytes[..=end],
        None => &[][..],
    };
    if super::ends_inside_quotes(bytes) {
        return Err(ParseError::file(file, "ends inside a quoted field: the file is cut short"));
    }
    let text: String = bytes.iter().map(|&b| b as char).collect();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines = Lines::new(&text);
    loop {
        // Line numbers from byte offsets: the reader's own line count lags on CRLF files.
        let line = lines.at(reader.position().byte());
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(ParseError::line(file, line, format!("malformed CSV: {e}"))),
        }
        let fields: Vec<String> = record
            .iter()
            .map(|f| {
                let f = f.trim();
                if f == "-0-" {
                    String::new()
                } else {
                    f.to_string()
                }
            })
            .collect();
        if fields.iter().all(String::is_empty) {
            continue;
        }
        out.push((line, fields));
    }
    Ok(out)
}

/// `LUKASHENKA, Alyaksandr Ryhorovich` → surname + given names for individuals; other kinds keep
/// the whole string.
fn sdn_name_to_name(raw: &str, t: EntityType, quality: NameQuality) -> Name {
    let raw = clean_spaces(raw);
    if t == EntityType::Person {
        if let Some((last, given)) = raw.split_once(", ") {
            let mut n = Name::from_parts(last, given, quality);
            // OFAC writes surnames in capitals; keep the published string for display.
            n.parts = Some(NameParts { surname: last.to_string(), given: given.to_string() });
            return n;
        }
    }
    Name::new(raw, quality)
}

/// Pulls structured facts out of the remarks. Unknown remark kinds are ignored: they are prose
/// (positions, linked entities, websites).
fn apply_remarks(entity: &mut Entity, remarks: &str) {
    for part in split_remarks(remarks) {
        let part = part.trim().trim_end_matches('.').trim();
        let lower = part.to_ascii_lowercase();
        let lower = lower.strip_prefix("alt. ").unwrap_or(&lower).to_string();
        let rest = |n: usize| part[part.len() - (lower.len() - n)..].trim().to_string();
        if lower.starts_with("dob ") {
            entity.dates_of_birth.extend(parse_dob(&rest(4)));
        } else if let Some(v) = ["nationality ", "citizen "].iter().find(|p| lower.starts_with(*p)) {
            push_country(entity, &rest(v.len()));
        } else if lower.starts_with("pob ") {
            if let Some(country) = rest(4).rsplit(',').next() {
                push_country(entity, country);
            }
        } else if let Some((kind, n)) = id_prefix(&lower) {
            let value = rest(n);
            let value = value.split(" (").next().unwrap_or("").trim().to_string();
            if !value.is_empty() {
                entity.identifiers.push(Identifier { kind, value });
            }
        } else if let Some(q) = ["a.k.a. ", "f.k.a. ", "n.k.a. "].iter().find(|p| lower.starts_with(*p)) {
            let alias = rest(q.len()).trim_matches(|c: char| c == '\'' || c == '"' || c.is_whitespace()).to_string();
            let t = entity.entity_type;
            entity.push_name(sdn_name_to_name(&alias, t, NameQuality::Strong));
        }
    }
}

/// Splits on `;` outside quotes (aliases in remarks are quoted and may contain `;`).
fn split_remarks(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        match c {
            '\'' => {
                // An apostrophe inside a word (O'Brien) is not a quote.
                let prev = s[..i].chars().next_back();
                if !prev.is_some_and(char::is_alphanumeric) || quoted {
                    quoted = !quoted;
                }
            }
            ';' if !quoted => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

/// The identifier a remark gives, by its label (`alt. ` taken away before): the labels of the SDN list's remarks that name a person's or a company's number. Round 21 found
/// Belarusians' `National Foreign ID Number`s unsearchable; the others are the list's most
/// frequent labels of numbers (dates, tail numbers and gazette references are no identifiers).
fn id_prefix(lower: &str) -> Option<(IdKind, usize)> {
    const PREFIXES: [(&str, IdKind); 31] = [
        ("passport ", IdKind::Passport),
        ("diplomatic passport ", IdKind::Passport),
        ("national id no. ", IdKind::NationalId),
        ("national foreign id number ", IdKind::NationalId),
        ("personal id card ", IdKind::NationalId),
        ("identification number ", IdKind::NationalId),
        ("cedula no. ", IdKind::NationalId),
        ("residency number ", IdKind::NationalId),
        ("birth certificate number ", IdKind::NationalId),
        ("ssn ", IdKind::NationalId),
        ("swift/bic ", IdKind::Bic),
        ("registration number ", IdKind::Registration),
        ("registration id ", IdKind::Registration),
        ("business registration number ", IdKind::Registration),
        ("commercial registry number ", IdKind::Registration),
        ("company number ", IdKind::Registration),
        ("uk company number ", IdKind::Registration),
        ("legal entity number ", IdKind::Registration),
        ("c.r. no. ", IdKind::Registration),
        ("unified social credit code (uscc) ", IdKind::Registration),
        ("public registration number ", IdKind::Registration),
        ("chamber of commerce number ", IdKind::Registration),
        ("enterprise number ", IdKind::Registration),
        ("tax id no. ", IdKind::TaxId),
        ("nit # ", IdKind::TaxId),
        ("ruc # ", IdKind::TaxId),
        ("rif # ", IdKind::TaxId),
        ("v.a.t. number ", IdKind::TaxId),
        ("us fein ", IdKind::TaxId),
        ("vessel registration identification imo ", IdKind::Imo),
        ("imo ", IdKind::Imo),
    ];
    PREFIXES.iter().find(|(p, _)| lower.starts_with(p)).map(|(p, k)| (*k, p.len()))
}

fn push_country(entity: &mut Entity, c: &str) {
    let c = c.trim().trim_end_matches('.').trim();
    if !c.is_empty() && !entity.countries.iter().any(|x| x.eq_ignore_ascii_case(c)) {
        entity.countries.push(c.to_string());
    }
}

/// `30 Aug 1954`, `Aug 1954`, `1954`, `circa 1960`, `1960 to 1962` (a range yields each year's
/// end points).
fn parse_dob(s: &str) -> Vec<PartialDate> {
    let s = s.trim_start_matches("circa ").trim();
    if let Some((a, b)) = s.split_once(" to ") {
        return parse_dob(a).into_iter().chain(parse_dob(b)).collect();
    }
    let parts: Vec<&str> = s.split_whitespace().collect();
    let date = match parts.as_slice() {
        [d, m, y] => PartialDate::new(y.parse().unwrap_or(0), month_number(m), d.parse().ok()),
        [m, y] => PartialDate::new(y.parse().unwrap_or(0), month_number(m), None),
        [y] => PartialDate::new(y.parse().unwrap_or(0), None, None),
        _ => None,
    };
    date.into_iter().collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_new_belarus_program_is_belarus() {
        for p in ["BELARUS", "belarus", "BELARUS-EO14038", "BELARUS-EO14999"] {
            assert!(is_belarus_program(p), "{p}");
        }
        for p in ["UKRAINE-EO13662", "RUSSIA-EO14024", "BELARUSKALI", "BELARU", ""] {
            assert!(!is_belarus_program(p), "{p}");
        }
    }
    use super::*;

    #[test]
    fn remarks_yield_facts() {
        let mut e = Entity::new("x".into(), SourceKind::UsOfacSdn, EntityType::Person);
        apply_remarks(&mut e, "DOB 30 Aug 1954; alt. DOB 31 Aug 1954; POB Kopys, Vitebsk oblast, Belarus; nationality Belarus; Passport MP123 (Belarus); SWIFT/BIC BPSBBY2X; a.k.a. 'ALPHA; GROUP'.");
        assert_eq!(e.dates_of_birth.len(), 2);
        assert_eq!(e.dates_of_birth[0].to_string(), "1954-08-30");
        assert_eq!(e.countries, vec!["Belarus"]);
        assert_eq!(e.identifiers.len(), 2);
        assert_eq!(e.identifiers[0].value, "MP123");
        assert_eq!(e.names[0].full, "ALPHA; GROUP");
        // The SDN list's other labels of numbers, an alternative's too.
        let mut e = Entity::new("y".into(), SourceKind::UsOfacSdn, EntityType::Person);
        apply_remarks(
            &mut e,
            "National Foreign ID Number 3260377A081PB9 (Belarus); alt. Passport KH1234567; US FEIN 12-3456789; \
             Government Gazette Number 00123 (Belarus); Phone Number 375172000000.",
        );
        let ids: Vec<(IdKind, &str)> = e.identifiers.iter().map(|i| (i.kind, i.value.as_str())).collect();
        assert_eq!(
            ids,
            [(IdKind::NationalId, "3260377A081PB9"), (IdKind::Passport, "KH1234567"), (IdKind::TaxId, "12-3456789")]
        );
    }

    #[test]
    fn a_file_without_its_eof_byte_is_cut_short() {
        let row = b"1,\"CAFE, Jose\",\"individual\",\"BELARUS\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1954\"\r\n";
        let publication = |bytes: Vec<u8>| {
            let mut p = RawPublication::from_bytes("dir", vec![]);
            p.files = vec![crate::source::RawFile { role: "SDN.CSV".into(), path: "dir/SDN.CSV".into(), bytes }];
            p
        };
        let e = parse(&publication(row.to_vec())).expect_err("no EOF byte").to_string();
        assert!(e.contains("0x1A"), "{e}");
        let mut cut = row[..row.len() - 8].to_vec();
        cut.push(0x1A);
        let e = parse(&publication(cut)).expect_err("inside quotes").to_string();
        assert!(e.contains("quoted field"), "{e}");
        let mut whole = row.to_vec();
        whole.push(0x1A);
        assert!(parse(&publication(whole)).is_ok());
    }

    /// A run of NUL bytes (the hole an interrupted write leaves) starting and ending inside quoted
    /// fields parses as rows, the records it fell on gone: refused, with where the hole starts.
    #[test]
    fn a_hole_of_nul_bytes_is_refused() {
        let rows = "1,\"CAFE, Jose\",\"individual\",\"BELARUS\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1954\"\r\n\
                    2,\"ROE, Ann\",\"individual\",\"BELARUS\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1960\"\r\n\
                    3,\"DOE, Jon\",\"individual\",\"BELARUS\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1970\"\r\n\x1A";
        let mut bytes = rows.as_bytes().to_vec();
        let (from, to) = (rows.find("Jose").expect("row 1"), rows.find("DOE").expect("row 3"));
        bytes[from..to].fill(0);
        let mut p = RawPublication::from_bytes("dir", vec![]);
        p.files = vec![crate::source::RawFile { role: "SDN.CSV".into(), path: "dir/SDN.CSV".into(), bytes }];
        let e = parse(&p).expect_err("a hole").to_string();
        assert!(e.contains(&format!("NUL byte(s) from byte {from}")) && e.contains("line 1"), "{e}");
    }

    /// A type OFAC does not publish is a changed format: read as an organisation, the person
    /// would meet no person screened.
    #[test]
    fn an_unknown_sdn_type_is_refused() {
        let publication = |sdn_type: &str| {
            let row =
                format!("1,\"CAFE, Jose\",\"{sdn_type}\",\"BELARUS\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1A");
            let mut p = RawPublication::from_bytes("dir", vec![]);
            p.files = vec![crate::source::RawFile {
                role: "SDN.CSV".into(),
                path: "dir/SDN.CSV".into(),
                bytes: row.into_bytes(),
            }];
            p
        };
        assert_eq!(parse(&publication("-0- ")).expect("an entity").entities[0].entity_type, EntityType::Organization);
        let e = parse(&publication("person")).expect_err("unknown type").to_string();
        assert!(e.contains("SDN_Type `person` is none of"), "{e}");
    }

    #[test]
    fn latin1_and_eof_byte() {
        let bytes =
            b"1,\"CAF\xC9, Jos\xE9\",\"individual\",\"BELARUS\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1A"
                .to_vec();
        let mut p = RawPublication::from_bytes("dir", vec![]);
        p.files = vec![crate::source::RawFile { role: "SDN.CSV".into(), path: "dir/SDN.CSV".into(), bytes }];
        let list = parse(&p).expect("parses");
        assert_eq!(list.entities[0].primary_name(), "José CAFÉ");
        assert!(list.entities[0].belarus);
    }

    /// Found by an outside test: a byte-order mark before `ALT.CSV`'s first row made its
    /// `ent_num` no number, the alias was skipped as one of no entry, and the entity it named
    /// (AERO-CARIBBEAN) was CLEAR by that name. A program written in lower case is the program.
    #[test]
    fn a_companion_row_without_a_number_is_refused_and_programs_are_read_in_any_case() {
        let sdn =
            b"1,\"CAFE, Jose\",\"individual\",\"belarus\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1A".to_vec();
        let publication = |alt: &[u8]| {
            let mut p = RawPublication::from_bytes("dir", vec![]);
            p.files = vec![
                crate::source::RawFile { role: "SDN.CSV".into(), path: "dir/SDN.CSV".into(), bytes: sdn.clone() },
                crate::source::RawFile { role: "ALT.CSV".into(), path: "dir/ALT.CSV".into(), bytes: alt.to_vec() },
            ];
            p
        };
        let list = parse(&publication(b"1,2,\"aka\",\"KAFE, Jose\",-0- \r\n\x1A")).expect("parses");
        assert_eq!(list.entities[0].names.len(), 2);
        assert!(list.entities[0].belarus, "`belarus` in lower case");
        let e =
            parse(&publication(b"\xEF\xBB\xBF1,2,\"aka\",\"KAFE, Jose\",-0- \r\n\x1A")).expect_err("BOM").to_string();
        assert!(e.contains("dir/ALT.CSV") && e.contains("is not a number"), "{e}");
    }
}
