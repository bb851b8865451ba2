//! The FCDO's UK Sanctions List, XML publication (`UK-Sanctions-List.xml`): the one UK
//! designations list since OFSI retired its Consolidated List on 28 January 2026.
//!
//! `<Designations>` holds `<DateGenerated>` (DD/MM/YYYY) and one `<Designation>` per designation:
//! `<UniqueID>` (`BEL0005`), `<Names>` of `<Name>` with `<Name1>`…`<Name6>` (Name6 the surname or the
//! whole name of an entity), `<NameType>` (Primary Name, Primary Name Variation, Alias) and
//! `<AliasStrength>` (Good / Low quality a.k.a), `<NonLatinNames>`, `<RegimeName>`,
//! `<IndividualEntityShip>`, `<Addresses>`, and per kind `<IndividualDetails>` (DOBs, nationalities,
//! passports, national identifiers, positions), `<EntityDetails>` (registration numbers) or
//! `<ShipDetails>` (IMO numbers, flags).
//!
//! Built from the format guide and from fragments of real publications, not yet from a whole one
//! (none could be brought to this project): what the parser does not recognise is refused rather
//! than skipped, so a publication it misreads fails loudly at the first load.

use std::collections::HashSet;

use super::xml::{self, Element};
use super::{ParseError, ParsedList};
use crate::model::{Entity, EntityType, IdKind, Identifier, Name, NameQuality, PartialDate, SourceKind};
use crate::source::RawPublication;

const SHAPE: xml::Shape<'static> = xml::Shape {
    format: "a UK Sanctions List (FCDO XML)",
    root: "Designations",
    namespace: None,
    record: "Designation",
};

pub(super) fn parse(publication: &RawPublication) -> Result<ParsedList, ParseError> {
    let file = publication.describe();
    let bytes = publication.single()?;
    let mut entities = Vec::new();
    let mut seen = HashSet::new();
    let root = xml::read_records(&file, bytes, &SHAPE, |d| {
        let e = to_entity(&d)?;
        if !seen.insert(e.id.clone()) {
            return Err(format!("{} appears twice", e.id));
        }
        entities.push(e);
        Ok(())
    })?;
    let generated = root.child_text("DateGenerated");
    if generated.is_empty() {
        return Err(ParseError::file(&file, "no <DateGenerated>: not the UK Sanctions List format, or it changed"));
    }
    let date = parse_date(&generated)
        .filter(|d| d.day.is_some())
        .ok_or_else(|| ParseError::file(&file, format!("<DateGenerated> `{generated}` is not a DD/MM/YYYY date")))?;
    Ok(ParsedList { entities, list_date: Some(date.to_string()), published: None })
}

fn to_entity(d: &Element) -> Result<Entity, String> {
    let unique_id = d.child_text("UniqueID");
    if unique_id.is_empty() {
        return Err("<Designation> without a <UniqueID>".into());
    }
    let kind = d.child_text("IndividualEntityShip");
    // Any other kind is a format this parser does not know, refused rather than screened as a
    // kind of its own that a typed query would never meet.
    let entity_type = match kind.to_ascii_lowercase().as_str() {
        "individual" => EntityType::Person,
        "entity" => EntityType::Organization,
        "ship" => EntityType::Vessel,
        other => {
            return Err(format!(
                "<IndividualEntityShip> `{other}` is none of Individual, Entity or Ship: a changed format?"
            ))
        }
    };
    let mut e = Entity::new(format!("uk-fcdo:{unique_id}"), SourceKind::UkFcdo, entity_type);
    for n in d.descendants("Name").into_iter().filter(|n| !n.children.is_empty()) {
        let Some(name) = name_of(n, entity_type) else { continue };
        if name.quality == NameQuality::Primary && !e.names.iter().any(|x| x.quality == NameQuality::Primary) {
            e.names.retain(|x| x.full != name.full);
            e.names.insert(0, name);
        } else {
            // A second primary name (the list has a few) is another strong name.
            let quality = name.quality.max(NameQuality::Strong);
            e.push_name(Name { quality, ..name });
        }
    }
    if e.names.is_empty() {
        return Err(format!(
            "{unique_id} has no name in <Names>/<Name>/<Name1>…<Name6>: not the UK Sanctions List format, or it changed"
        ));
    }
    for n in d.texts("NameNonLatinScript") {
        e.push_name(Name::new(n, NameQuality::Strong));
    }
    for r in d.texts("RegimeName") {
        // "The Republic of Belarus Sanctions (EU Exit) Regulations 2019"; matched on the country
        // so that a reworded title (the FCDO has renamed regimes before) stays in scope.
        if r.to_lowercase().contains("belarus") {
            e.belarus = true;
        }
        push_unique(&mut e.programs, r);
    }
    for t in d.texts("Title").into_iter().chain(d.texts("Position")) {
        push_unique(&mut e.titles, t);
    }
    for a in d.descendants("Address") {
        let parts: Vec<String> = ["AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4", "AddressLine5"]
            .iter()
            .chain(&["AddressLine6", "AddressPostalCode", "AddressCountry"])
            .map(|p| a.child_text(p))
            .filter(|s| !s.is_empty())
            .collect();
        if !parts.is_empty() {
            push_unique(&mut e.addresses, parts.join(", "));
        }
        push_unique(&mut e.countries, a.child_text("AddressCountry"));
    }
    for c in ["Nationality", "CountryOfBirth", "CurrentBelievedFlagOfShip"].into_iter().flat_map(|t| d.texts(t)) {
        push_unique(&mut e.countries, c);
    }
    if entity_type != EntityType::Vessel {
        for dob in d.texts("DOB") {
            if let Some(p) = parse_date(&dob) {
                if !e.dates_of_birth.contains(&p) {
                    e.dates_of_birth.push(p);
                }
            }
        }
    }
    let ids = [
        ("PassportNumber", IdKind::Passport),
        ("NationalIdentifierNumber", IdKind::NationalId),
        ("BusinessRegistrationNumber", IdKind::Registration),
        ("IMONumber", IdKind::Imo),
    ];
    for (tag, kind) in ids {
        for v in d.texts(tag) {
            // `IMO9562233` on the FCDO list, seven digits elsewhere and in payments.
            let value = match kind {
                IdKind::Imo => v.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == ' ').to_string(),
                _ => v,
            };
            if !value.is_empty() && !e.identifiers.iter().any(|i| i.kind == kind && i.value == value) {
                e.identifiers.push(Identifier { kind, value });
            }
        }
    }
    Ok(e)
}

/// One `<Name>`: Name1…Name5 are given names, Name6 the surname (or an entity's whole name).
fn name_of(n: &Element, entity_type: EntityType) -> Option<Name> {
    let name_type = n.child_text("NameType").to_ascii_lowercase();
    let quality = if name_type == "primary name" {
        NameQuality::Primary
    } else if n.child_text("AliasStrength").to_ascii_lowercase().starts_with("low") {
        NameQuality::Weak
    } else {
        NameQuality::Strong
    };
    let surname = n.child_text("Name6");
    let given: Vec<String> = ["Name1", "Name2", "Name3", "Name4", "Name5"]
        .iter()
        .map(|p| n.child_text(p))
        .filter(|s| !s.is_empty())
        .collect();
    let name = if entity_type == EntityType::Person && !surname.is_empty() {
        Name::from_parts(&surname, &given.join(" "), quality)
    } else {
        let mut all = given;
        all.push(surname);
        Name::new(all.join(" "), quality)
    };
    (!name.full.is_empty()).then_some(name)
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.contains(&s) {
        v.push(s);
    }
}

/// `28/11/1975`; unknown parts written `dd`, `mm` or `00` (`dd/mm/1945`); a time after the date
/// is ignored.
fn parse_date(s: &str) -> Option<PartialDate> {
    let date = s.split_whitespace().next()?;
    let parts: Vec<&str> = date.split('/').collect();
    match parts.as_slice() {
        [d, m, y] => PartialDate::new(y.trim().parse().ok()?, m.trim().parse().ok(), d.trim().parse().ok()),
        [y] if y.len() == 4 => PartialDate::new(y.parse().ok()?, None, None),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(xml: &str) -> Result<ParsedList, ParseError> {
        parse(&RawPublication::from_bytes("t.xml", xml.as_bytes().to_vec()))
    }

    #[test]
    fn placeholder_date_parts_are_dropped() {
        assert_eq!(parse_date("dd/mm/1945").map(|d| d.to_string()), Some("1945".into()));
        assert_eq!(parse_date("dd/03/1945").map(|d| d.to_string()), Some("1945-03".into()));
        assert_eq!(parse_date("01/03/1958").map(|d| d.to_string()), Some("1958-03-01".into()));
        assert_eq!(parse_date("1958-03-01"), None);
    }

    #[test]
    fn a_designation_without_names_in_the_known_elements_refuses_the_publication() {
        let xml = "<Designations><DateGenerated>10/09/2026</DateGenerated><Designation><UniqueID>BEL0001</UniqueID>\
            <Names><Name><LastName>X</LastName><NameType>Primary Name</NameType></Name></Names>\
            <RegimeName>The Republic of Belarus Sanctions (EU Exit) Regulations 2019</RegimeName>\
            <IndividualEntityShip>Individual</IndividualEntityShip></Designation></Designations>";
        let e = parse_str(xml).unwrap_err().to_string();
        assert!(e.contains("BEL0001 has no name") && e.contains("line 1"), "{e}");
    }

    #[test]
    fn the_generation_date_is_required() {
        let xml = "<Designations><Designation><UniqueID>BEL0001</UniqueID><Names><Name><Name6>X</Name6>\
            <NameType>Primary Name</NameType></Name></Names>\
            <IndividualEntityShip>Entity</IndividualEntityShip></Designation></Designations>";
        let e = parse_str(xml).unwrap_err().to_string();
        assert!(e.contains("DateGenerated"), "{e}");
        let unknown = xml.replace(">Entity<", ">Person<");
        let e = parse_str(&unknown).unwrap_err().to_string();
        assert!(e.contains("`person` is none of Individual, Entity or Ship"), "{e}");
    }
}
