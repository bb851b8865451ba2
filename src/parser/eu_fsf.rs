//! The EU Financial Sanctions Files, consolidated list, XML 1.1
//! (`xmlFullSanctionsList_1_1`): the EU's Belarus regime (Council Regulation (EC) No 765/2006) is
//! programme `BLR`.
//!
//! `<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="…">` holds one
//! `<sanctionEntity logicalId euReferenceNumber>` per listed person or entity, its facts in
//! attributes of child elements: `<regulation programme>`, `<subjectType code="person|enterprise">`,
//! `<nameAlias wholeName firstName middleName lastName nameLanguage strong title function>` (a name
//! in each of the EU's languages and scripts), `<birthdate birthdate year monthOfYear dayOfMonth>`,
//! `<citizenship countryDescription>`, `<identification identificationTypeCode number>` and
//! `<address street city zipCode countryDescription>`.
//!
//! Built from the published schema and fragments of real files, not yet from a whole publication:
//! what the parser does not recognise is refused, so a file it misreads fails at the first load.

use std::collections::HashSet;

use super::xml::{self, Element};
use super::{ParseError, ParsedList};
use crate::model::{clean_spaces, Entity, EntityType, IdKind, Identifier, Name, NameQuality, PartialDate, SourceKind};
use crate::source::RawPublication;

pub const NAMESPACE: &str = "http://eu.europa.ec/fpi/fsd/export";

const SHAPE: xml::Shape<'static> = xml::Shape {
    format: "an EU Financial Sanctions File (XML 1.1)",
    root: "export",
    namespace: Some(NAMESPACE),
    record: "sanctionEntity",
};

pub(super) fn parse(publication: &RawPublication) -> Result<ParsedList, ParseError> {
    let file = publication.describe();
    let bytes = publication.single()?;
    let mut entities = Vec::new();
    let mut seen = HashSet::new();
    let root = xml::read_records(&file, bytes, &SHAPE, |s| {
        let e = to_entity(&s)?;
        if !seen.insert(e.id.clone()) {
            return Err(format!("{} appears twice", e.id));
        }
        entities.push(e);
        Ok(())
    })?;
    let generated = root.attr("generationDate");
    if generated.is_empty() {
        return Err(ParseError::file(
            &file,
            "<export> has no generationDate: not the EU XML 1.1 format, or it changed",
        ));
    }
    let published = time::OffsetDateTime::parse(&generated, &time::format_description::well_known::Rfc3339).ok();
    let date = generated.get(..10).and_then(PartialDate::parse_iso).filter(|d| d.day.is_some()).ok_or_else(|| {
        ParseError::file(&file, format!("generationDate `{generated}` does not start with a YYYY-MM-DD date"))
    })?;
    Ok(ParsedList { entities, list_date: Some(date.to_string()), published })
}

fn to_entity(s: &Element) -> Result<Entity, String> {
    let logical_id = s.attr("logicalId");
    if logical_id.is_empty() {
        return Err("<sanctionEntity> without a logicalId".into());
    }
    let code = s.children("subjectType").next().map(|t| t.attr("code")).unwrap_or_default();
    // Any other code is a format this parser does not know, refused rather than screened as a
    // kind of its own that a typed query would never meet.
    let entity_type = match code.trim().to_ascii_lowercase().as_str() {
        "person" => EntityType::Person,
        "enterprise" => EntityType::Organization,
        other => {
            return Err(format!("<subjectType code=\"{other}\"> is neither person nor enterprise: a changed format?"))
        }
    };
    let mut e = Entity::new(format!("eu-fsf:{logical_id}"), SourceKind::EuFsf, entity_type);
    for r in s.children("regulation") {
        let programme = r.attr("programme");
        if programme.eq_ignore_ascii_case("BLR") {
            e.belarus = true;
        }
        push_unique(&mut e.programs, programme);
    }
    for (i, a) in s.children("nameAlias").enumerate() {
        // The EU marks no primary name; its files list the name of the legal act first.
        let quality = if a.attr("strong").eq_ignore_ascii_case("false") {
            NameQuality::Weak
        } else if i == 0 {
            NameQuality::Primary
        } else {
            NameQuality::Strong
        };
        let whole = a.attr("wholeName");
        let (first, middle, last) = (a.attr("firstName"), a.attr("middleName"), a.attr("lastName"));
        let given = clean_spaces(&format!("{first} {middle}"));
        let name = if entity_type == EntityType::Person && !last.is_empty() {
            let mut n = Name::from_parts(&last, &given, quality);
            if !whole.is_empty() {
                // As published; the parts still tell the surname.
                n.full = whole;
                n.script = crate::model::Script::detect(&n.full);
            }
            n
        } else if !whole.is_empty() {
            Name::new(whole, quality)
        } else {
            Name::new(format!("{given} {last}"), quality)
        };
        e.push_name(name);
        for t in [a.attr("title"), a.attr("function")] {
            push_unique(&mut e.titles, t);
        }
    }
    if e.names.is_empty() {
        return Err(format!(
            "eu-fsf:{logical_id} has no <nameAlias> with a wholeName or name parts: not the EU XML 1.1 format, or it changed"
        ));
    }
    if entity_type == EntityType::Person {
        for b in s.children("birthdate") {
            let date = PartialDate::parse_iso(&b.attr("birthdate")).or_else(|| {
                let year = b.attr("year").parse().ok()?;
                PartialDate::new(year, b.attr("monthOfYear").parse().ok(), b.attr("dayOfMonth").parse().ok())
            });
            if let Some(d) = date.filter(|d| !e.dates_of_birth.contains(d)) {
                e.dates_of_birth.push(d);
            }
        }
    }
    for c in s.children("citizenship").chain(s.children("address")) {
        push_unique(&mut e.countries, country(c));
    }
    for a in s.children("address") {
        let parts: Vec<String> = ["street", "poBox", "zipCode", "city", "place", "region"]
            .iter()
            .map(|k| a.attr(k))
            .chain([country(a)])
            .filter(|v| !v.is_empty())
            .collect();
        if !parts.is_empty() {
            push_unique(&mut e.addresses, parts.join(", "));
        }
    }
    for i in s.children("identification") {
        let kind = match i.attr("identificationTypeCode").to_ascii_lowercase().as_str() {
            "passport" => IdKind::Passport,
            "id" | "nationalid" => IdKind::NationalId,
            "regnumber" => IdKind::Registration,
            "fiscalcode" | "tax" => IdKind::TaxId,
            "swiftbic" | "bic" => IdKind::Bic,
            "imo" => IdKind::Imo,
            _ => IdKind::Other,
        };
        for value in [i.attr("number"), i.attr("latinNumber")] {
            if !value.is_empty() && !e.identifiers.iter().any(|x| x.kind == kind && x.value == value) {
                e.identifiers.push(Identifier { kind, value });
            }
        }
    }
    Ok(e)
}

/// `countryDescription`, without the EU's `UNKNOWN` placeholder, in the case the other lists use.
fn country(el: &Element) -> String {
    let d = el.attr("countryDescription");
    if d.is_empty() || d.eq_ignore_ascii_case("UNKNOWN") {
        return String::new();
    }
    let mut out = String::with_capacity(d.len());
    let mut start = true;
    for c in d.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.contains(&s) {
        v.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(xml: &str) -> Result<ParsedList, ParseError> {
        parse(&RawPublication::from_bytes("t.xml", xml.as_bytes().to_vec()))
    }

    #[test]
    fn a_root_in_another_namespace_is_another_format() {
        let xml = "<export xmlns=\"http://example.org/other\" generationDate=\"2026-01-01T00:00:00Z\"/>";
        assert!(parse_str(xml).unwrap_err().to_string().contains("namespace"));
    }

    #[test]
    fn the_generation_date_gives_the_list_date_and_time() {
        let xml = format!(
            "<export xmlns=\"{NAMESPACE}\" generationDate=\"2026-08-05T16:47:04.449+02:00\"><sanctionEntity logicalId=\"1\">\
             <regulation programme=\"BLR\"/><subjectType code=\"person\"/><nameAlias wholeName=\"A B\" lastName=\"B\" \
             firstName=\"A\" strong=\"true\"/><birthdate year=\"1954\"/></sanctionEntity></export>"
        );
        let list = parse_str(&xml).expect("parses");
        assert_eq!(list.list_date.as_deref(), Some("2026-08-05"));
        assert_eq!(list.published.map(|p| p.unix_timestamp()), Some(1_785_941_224));
        assert_eq!(list.entities[0].dates_of_birth[0].to_string(), "1954");
        assert_eq!(
            country(&Element { attrs: vec![("countryDescription".into(), "BELARUS".into())], ..Default::default() }),
            "Belarus"
        );
    }
}
