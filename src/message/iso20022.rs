//! ISO 20022 messages: pacs.008 (FIToFICstmrCdtTrf), pacs.009 (FICdtTrf, with the underlying
//! customer credit transfer of a COV) and pain.001 (CstmrCdtTrfInitn), with or without the
//! business application header (AppHdr), in any envelope.
//!
//! Elements are matched by their local names, never by namespace: versions of a message (.001.08
//! to .001.13) differ in their namespace and in elements a screener does not read, and CBPR+
//! and domestic usage guidelines only restrict them. Every party and agent is read wherever it
//! sits (group header, payment information, each transaction, the underlying customer credit
//! transfer of a COV): its name, postal address, identifiers, date and place of birth.
//!
//! The reader resolves no entity beyond XML's five predefined ones and character references,
//! and refuses a document type declaration outright, so nothing outside the message is ever read
//! (no external entity, no entity expansion).

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{line_column, Content, Field, Message, MessageError, Role, MAX_DEPTH};

/// Characters an `Ustrd` element holds at most, and an MT line (a payment converted from MT may
/// carry each line of its field 70 in an `Ustrd` of its own).
const USTRD_WIDTH: usize = 140;
const MT_LINE: usize = 35;

/// See [`Walker::start`].
const MAX_ELEMENT_NAME_BYTES: usize = 64;
use crate::model::{EntityType, IdKind, Identifier, PartialDate};

/// Elements that may repeat where they occur: their paths carry a 1-based index
/// (`CdtTrfTxInf[2]`, `AdrLine[1]`), so that a hit names the transaction and line.
const REPEATABLE: &[&str] = &[
    "CdtTrfTxInf",
    "PmtInf",
    "AdrLine",
    "Ustrd",
    "Strd",
    "Othr",
    "InstrForCdtrAgt",
    "InstrForNxtAgt",
    "AddtlRmtInf",
    "RgltryRptg",
    "Dtls",
    "Inf",
];

/// Party and agent elements, by local name.
fn role_of(name: &str) -> Option<Role> {
    Some(match name {
        "Dbtr" => Role::Debtor,
        "Cdtr" => Role::Creditor,
        "UltmtDbtr" => Role::UltimateDebtor,
        "UltmtCdtr" => Role::UltimateCreditor,
        "InitgPty" => Role::InitiatingParty,
        "DbtrAgt" => Role::DebtorAgent,
        "CdtrAgt" => Role::CreditorAgent,
        "IntrmyAgt1" => Role::IntermediaryAgent(1),
        "IntrmyAgt2" => Role::IntermediaryAgent(2),
        "IntrmyAgt3" => Role::IntermediaryAgent(3),
        "PrvsInstgAgt1" => Role::PreviousInstructingAgent(1),
        "PrvsInstgAgt2" => Role::PreviousInstructingAgent(2),
        "PrvsInstgAgt3" => Role::PreviousInstructingAgent(3),
        "InstgAgt" => Role::InstructingAgent,
        "InstdAgt" => Role::InstructedAgent,
        "InstgRmbrsmntAgt" => Role::InstructingReimbursementAgent,
        "InstdRmbrsmntAgt" => Role::InstructedReimbursementAgent,
        "ThrdRmbrsmntAgt" => Role::ThirdReimbursementAgent,
        _ => return None,
    })
}

/// The messages read, by the element under `Document`.
fn message_of(element: &str) -> Option<&'static str> {
    match element {
        "FIToFICstmrCdtTrf" => Some("pacs.008"),
        "FICdtTrf" => Some("pacs.009"),
        "CstmrCdtTrfInitn" => Some("pain.001"),
        _ => None,
    }
}

/// Address parts that are text (a listed name may stand in an address line: "c/o ...").
const ADDRESS_TEXT: &[&str] = &[
    "AdrLine",
    "StrtNm",
    "BldgNm",
    "TwnNm",
    "TwnLctnNm",
    "DstrctNm",
    "CtrySubDvsn",
    "Dept",
    "SubDept",
    "PstBx",
    "Room",
    "Flr",
];

struct Frame {
    name: String,
    /// Length of the path before this element's segment.
    path_len: usize,
    /// How many children of each repeatable name were seen so far.
    counts: Vec<(String, u32)>,
    /// Whether an element was seen inside this one.
    children: bool,
}

#[derive(Default)]
struct Party {
    role: Option<Role>,
    /// Stack depth of the party's element.
    depth: usize,
    name: Option<(String, String)>,
    /// Names in the party other than its own (a contact person, a branch).
    other_names: Vec<(String, String)>,
    ids: Vec<(String, Identifier)>,
    texts: Vec<(String, String)>,
    date_of_birth: Option<(String, String)>,
    residence: Option<String>,
    address_country: Option<String>,
    birth_country: Option<String>,
    person: bool,
    organisation: bool,
    /// The `Othr` identifier being read: its id (path, value) and scheme code, which the schema
    /// puts after the id.
    other: Option<((String, String), Option<String>)>,
}

struct Walker {
    stack: Vec<Frame>,
    path: String,
    text: String,
    /// Stack depth of `Document` and of `AppHdr` while inside them.
    document: Option<usize>,
    header: Option<usize>,
    remittance: Option<usize>,
    /// The `Ustrd` lines of the remittance being read: also screened as one text, since a
    /// name may run from one into the next.
    unstructured: Vec<String>,
    namespace: Option<String>,
    kind: Option<&'static str>,
    cover: bool,
    parties: Vec<Party>,
    message: Message,
}

impl Walker {
    fn parent(&self, up: usize) -> Option<&str> {
        self.stack.len().checked_sub(up + 1).and_then(|i| self.stack.get(i)).map(|f| f.name.as_str())
    }

    fn start(&mut self, name: &str, namespace: Option<String>) -> Result<(), MessageError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(MessageError::TooLarge(format!("{}: elements nest deeper than {MAX_DEPTH}", self.path)));
        }
        // Every field keeps its path, so names of kilobytes, nested, would make a small message
        // cost a hundred megabytes; ISO 20022's longest element names are under 40 bytes.
        if name.len() > MAX_ELEMENT_NAME_BYTES {
            return Err(MessageError::field(
                &self.path,
                format!("an element name is longer than {MAX_ELEMENT_NAME_BYTES} bytes: no ISO 20022 element's is"),
            ));
        }
        // ISO 20022 elements hold text or elements, never both: text beside an element inside a
        // name (`<Nm>Aleksandr <b/>Lukashenko</Nm>`) lost the part before it, and the message was
        // answered CLEAR on the surname alone (round 32).
        if !self.text.trim().is_empty() {
            return Err(mixed_content(&self.path));
        }
        if let Some(parent) = self.stack.last_mut() {
            parent.children = true;
        }
        let path_len = self.path.len();
        let index = match (REPEATABLE.contains(&name), self.stack.last_mut()) {
            (true, Some(parent)) => {
                let n = match parent.counts.iter_mut().find(|(c, _)| c == name) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        parent.counts.push((name.to_string(), 1));
                        1
                    }
                };
                Some(n)
            }
            _ => None,
        };
        self.path.push('/');
        self.path.push_str(name);
        if let Some(n) = index {
            self.path.push_str(&format!("[{n}]"));
        }
        self.stack.push(Frame { name: name.to_string(), path_len, counts: Vec::new(), children: false });
        let depth = self.stack.len();
        self.text.clear();
        if name == "Document" && self.document.is_none() {
            self.document = Some(depth);
            self.namespace = namespace;
            return Ok(());
        }
        if name == "AppHdr" && self.header.is_none() && self.document.is_none() {
            self.header = Some(depth);
            return Ok(());
        }
        if self.document.is_some_and(|d| d + 1 == depth) {
            let Some(kind) = message_of(name) else {
                let id = self.namespace.as_deref().unwrap_or("");
                return Err(MessageError::UnknownType(format!(
                    "{}: ISO 20022 message <{name}> {id} is not screened: screener reads pacs.008 (FIToFICstmrCdtTrf), \
                     pacs.009 (FICdtTrf) and pain.001 (CstmrCdtTrfInitn)",
                    self.path
                )));
            };
            self.kind = Some(kind);
            return Ok(());
        }
        if name == "UndrlygCstmrCdtTrf" {
            self.cover = true;
        }
        if self.document.is_some() && name == "RmtInf" && self.remittance.is_none() {
            self.remittance = Some(depth);
        }
        let role = if self.header.is_some_and(|h| h + 1 == depth) {
            match name {
                "Fr" => Some(Role::InstructingAgent),
                "To" => Some(Role::InstructedAgent),
                _ => None,
            }
        } else if self.document.is_some() && self.remittance.is_none() && self.parties.is_empty() {
            role_of(name)
        } else {
            None
        };
        if let Some(role) = role {
            self.parties.push(Party { role: Some(role), depth, ..Default::default() });
        }
        if let Some(p) = self.parties.last_mut() {
            match name {
                "PrvtId" => p.person = true,
                "OrgId" | "FinInstnId" | "FIId" => p.organisation = true,
                _ => {}
            }
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), MessageError> {
        let raw = std::mem::take(&mut self.text);
        let value = raw.trim().to_string();
        if !value.is_empty() && self.stack.last().is_some_and(|f| f.children) {
            return Err(mixed_content(&self.path));
        }
        if !value.is_empty() {
            // Remittance lines as written: their spaces tell a word cut at the end from one
            // that ends there (`wrapped_text`).
            let remittance_line =
                self.parent(0) == Some("Ustrd") && self.remittance.is_some() && self.parties.is_empty();
            if remittance_line && self.document.is_some() {
                self.unstructured.push(raw);
            }
            self.leaf(value)?;
        }
        let depth = self.stack.len();
        let name = self.stack.last().map(|f| f.name.clone()).unwrap_or_default();
        if let Some(p) = self.parties.last_mut() {
            if name == "Othr" {
                if let Some(((path, id), code)) = p.other.take() {
                    let kind = match code.as_deref() {
                        Some("NIDN") => IdKind::NationalId,
                        Some("CCPT") => IdKind::Passport,
                        Some("TXID") => IdKind::TaxId,
                        _ => IdKind::Other,
                    };
                    p.ids.push((path, Identifier { kind, value: id }));
                }
            }
        }
        if self.parties.last().is_some_and(|p| p.depth == depth) {
            if let Some(p) = self.parties.pop() {
                self.finish(p)?;
            }
        }
        if self.remittance == Some(depth) {
            self.remittance = None;
            // Each two in a row as one text: a name split between them is found, and the text
            // stays within a field's bounds however many there are.
            let lines = std::mem::take(&mut self.unstructured);
            for pair in lines.windows(2) {
                let path = format!("{}/Ustrd", self.path);
                super::push_wrapped(
                    &mut self.message,
                    path,
                    None,
                    &[pair[0].as_str(), pair[1].as_str()],
                    &[MT_LINE, USTRD_WIDTH],
                )?;
            }
        }
        if self.header == Some(depth) {
            self.header = None;
        }
        if let Some(f) = self.stack.pop() {
            self.path.truncate(f.path_len);
        }
        Ok(())
    }

    /// A leaf element's text, read for what it is where it is.
    fn leaf(&mut self, value: String) -> Result<(), MessageError> {
        let name = self.parent(0).unwrap_or("").to_string();
        let up1 = self.parent(1).unwrap_or("").to_string();
        let up2 = self.parent(2).unwrap_or("").to_string();
        let path = self.path.clone();
        let in_document = self.document.is_some();
        if in_document && name == "MsgId" && up1 == "GrpHdr" && self.message.reference.is_empty() {
            self.message.reference = value;
            return Ok(());
        }
        let Some(p) = self.parties.last_mut() else {
            if !in_document {
                return Ok(());
            }
            let text = match name.as_str() {
                "Ustrd" | "AddtlRmtInf" | "InstrInf" | "InstrForDbtrAgt" => true,
                "Inf" => up1 == "Dtls",
                "Prtry" => up1 == "Purp",
                n => up1 == "PstlAdr" && ADDRESS_TEXT.contains(&n),
            };
            // Outside the parties read above, any name and identifier is screened for what it
            // is: an account's holder (`CdtrAcct/Nm`), an invoicer or invoicee in structured
            // remittance, a tax party's number, a related remittance's addressee. Payments put
            // party data in more places than the roles name, and a listed name is worth
            // finding wherever it stands.
            let other_id = name == "Id" && up1 == "Othr" && matches!(up2.as_str(), "OrgId" | "PrvtId");
            let content = match (name.as_str(), identifier_kind(&name)) {
                _ if text => Some(Content::Text(value)),
                ("Nm", _) => Some(name_content(value, None, None, None)),
                (_, Some(kind)) => Some(Content::Identifier { id: Identifier { kind, value }, party_type: None }),
                _ if other_id => {
                    Some(Content::Identifier { id: Identifier { kind: IdKind::Other, value }, party_type: None })
                }
                _ => None,
            };
            if let Some(content) = content {
                self.message.push(Field { path, role: None, content })?;
            }
            return Ok(());
        };
        if let Some(kind) = identifier_kind(&name) {
            p.ids.push((path, Identifier { kind, value }));
            return Ok(());
        }
        let at_root = self.stack.len() == p.depth + 1;
        match name.as_str() {
            "Nm" if p.name.is_none() && (at_root || matches!(up1.as_str(), "FinInstnId" | "Pty")) => {
                p.name = Some((path, value));
            }
            "Nm" => p.other_names.push((path, value)),

            "Id" if up1 == "Othr" && matches!(up2.as_str(), "OrgId" | "PrvtId" | "FinInstnId") => {
                p.other = Some(((path, value), None));
            }
            "Cd" if up1 == "SchmeNm" && up2 == "Othr" => {
                if let Some(o) = p.other.as_mut() {
                    o.1 = Some(value);
                }
            }
            "BirthDt" => p.date_of_birth = Some((path, value)),
            "CityOfBirth" | "PrvcOfBirth" => p.texts.push((path, value)),
            "CtryOfBirth" => p.birth_country = Some(value),
            "CtryOfRes" => p.residence = Some(value),
            "Ctry" if up1 == "PstlAdr" => p.address_country = Some(value),
            n if up1 == "PstlAdr" && ADDRESS_TEXT.contains(&n) => p.texts.push((path, value)),
            _ => {}
        }
        Ok(())
    }

    fn finish(&mut self, p: Party) -> Result<(), MessageError> {
        let role = p.role;
        let agent = role.is_some_and(Role::is_agent);
        let party_type = if agent || p.organisation {
            Some(EntityType::Organization)
        } else if p.person {
            Some(EntityType::Person)
        } else {
            None
        };
        let date_of_birth = match p.date_of_birth {
            Some((path, d)) => Some(
                birth_date(&d)
                    .ok_or_else(|| MessageError::field(&path, format!("`{d}` is not a date (YYYY-MM-DD)")))?,
            ),
            None => None,
        };
        let country = p.residence.or(p.address_country).or(p.birth_country);
        if let Some((path, name)) = p.name {
            let content = name_content(name, party_type, date_of_birth, country);
            self.message.push(Field { path, role, content })?;
        }
        for (path, name) in p.other_names {
            self.message.push(Field { path, role, content: name_content(name, None, None, None) })?;
        }
        for (path, id) in p.ids {
            self.message.push(Field { path, role, content: Content::Identifier { id, party_type } })?;
        }
        for (path, text) in p.texts {
            self.message.push(Field { path, role, content: Content::Text(text) })?;
        }
        Ok(())
    }
}

/// Text and elements side by side in one element, which no ISO 20022 schema allows.
fn mixed_content(path: &str) -> MessageError {
    MessageError::field(
        path,
        "holds text and elements side by side, which no ISO 20022 element does: send the text as the element's only \
         content",
    )
}

/// Elements that hold an identifier, by local name, and what kind it is (`Othr/Id` takes its
/// kind from the scheme code after it).
fn identifier_kind(element: &str) -> Option<IdKind> {
    match element {
        "BICFI" | "AnyBIC" | "BIC" | "BICOrBEI" => Some(IdKind::Bic),
        "TaxId" => Some(IdKind::TaxId),
        // Accounts and clearing-system member ids (`IBAN`, a US ABA routing number in
        // `ClrSysMmbId/MmbId`) too: a payment whose agents and parties are given only so is
        // screened by them, not refused as having nothing to screen.
        "LEI" | "RegnId" | "IBAN" | "MmbId" => Some(IdKind::Other),
        _ => None,
    }
}

/// An ISO name field's readings: as written; and where a space stands after each 35 characters
/// (an MT name's lines joined with a space when the payment was converted: `…BELARUSKAL I OAO`),
/// also without those spaces. A name with a number or many words is also scanned as free text.
fn name_content(
    name: String,
    party_type: Option<EntityType>,
    date_of_birth: Option<PartialDate>,
    country: Option<String>,
) -> Content {
    let chars: Vec<char> = name.chars().collect();
    let cuts: Vec<usize> = (1..)
        .map(|k| k * (MT_LINE + 1) - 1)
        .take_while(|&at| at + 1 < chars.len())
        .filter(|&at| chars[at] == ' ' && chars[at - 1].is_alphanumeric() && chars[at + 1].is_alphanumeric())
        .collect();
    // A name that runs on into its address (`KIDMA TECH OJSC, UL. LENINA 1, MINSK`) has a
    // number or many words; its address words would weigh against the name.
    let as_text = chars.iter().any(char::is_ascii_digit) || name.split_whitespace().count() > 6;
    let mut readings = vec![name];
    if !cuts.is_empty() {
        let glued: String = chars.iter().enumerate().filter(|(i, _)| !cuts.contains(i)).map(|(_, c)| c).collect();
        readings.push(glued);
    }
    Content::Name { readings, line_alone: None, as_text, party_type, date_of_birth, country }
}

/// The message id a namespace names (`urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08` →
/// `pacs.008.001.08`).
fn namespace_id(ns: &str) -> Option<&str> {
    ns.rsplit_once("tech:xsd:").map(|(_, id)| id.trim()).filter(|id| !id.is_empty())
}

pub fn parse(xml: &str) -> Result<Message, MessageError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut w = Walker {
        stack: Vec::new(),
        path: String::new(),
        text: String::new(),
        document: None,
        header: None,
        remittance: None,
        unstructured: Vec::new(),
        namespace: None,
        kind: None,
        cover: false,
        parties: Vec::new(),
        message: Message { message_type: String::new(), reference: String::new(), fields: Vec::new() },
    };
    let bad = |pos: u64, reason: String| {
        let (line, column) = line_column(xml, pos as usize);
        MessageError::Xml { line, column, reason }
    };
    loop {
        let pos = reader.buffer_position();
        let event = reader.read_event().map_err(|e| bad(reader.error_position(), e.to_string()))?;
        match event {
            Event::Start(e) => {
                let name = std::str::from_utf8(e.local_name().into_inner())
                    .map_err(|_| bad(pos, "element name is not UTF-8".into()))?
                    .to_string();
                too_many_attributes(&e).map_err(|m| bad(pos, m))?;
                let ns = namespace_attr(&e);
                w.start(&name, ns)?;
            }
            Event::Empty(e) => {
                let name = std::str::from_utf8(e.local_name().into_inner())
                    .map_err(|_| bad(pos, "element name is not UTF-8".into()))?
                    .to_string();
                too_many_attributes(&e).map_err(|m| bad(pos, m))?;
                let ns = namespace_attr(&e);
                w.start(&name, ns)?;
                w.end()?;
            }
            Event::End(_) => w.end()?,
            Event::Text(t) => {
                let s = t.xml_content().map_err(|e| bad(pos, e.to_string()))?;
                if !w.stack.is_empty() {
                    w.text.push_str(&s);
                } else if !s.trim_start_matches('\u{feff}').trim().is_empty() {
                    // Not XML, and not screened: a name after the last element had been
                    // dropped, the message answered CLEAR (round 29).
                    return Err(bad(pos, "text outside the message's elements (XML allows none)".into()));
                }
            }
            Event::CData(t) => {
                let s = t.xml_content().map_err(|e| bad(pos, e.to_string()))?;
                w.text.push_str(&s);
            }
            Event::GeneralRef(r) => {
                let raw = String::from_utf8_lossy(r.as_ref()).into_owned();
                let c = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .ok()
                        .flatten()
                        .map(String::from)
                        .ok_or_else(|| bad(pos, format!("&{raw}; is not a character")))?
                } else {
                    quick_xml::escape::resolve_predefined_entity(&raw)
                        .map(str::to_string)
                        .ok_or_else(|| bad(pos, format!("&{raw}; is not one of XML's predefined entities")))?
                };
                w.text.push_str(&c);
            }
            Event::DocType(_) => {
                let (line, column) = line_column(xml, pos as usize);
                return Err(MessageError::Doctype { line, column });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = w.stack.last() {
        return Err(bad(xml.len() as u64, format!("the message ends inside <{}>, which is never closed", open.name)));
    }
    if w.document.is_none() {
        return Err(MessageError::UnknownType(
            "no ISO 20022 <Document> element: screener reads pacs.008, pacs.009 and pain.001 Documents".into(),
        ));
    }
    let Some(kind) = w.kind else {
        return Err(MessageError::UnknownType("the <Document> holds no message".into()));
    };
    let mut message_type = match w.namespace.as_deref().and_then(namespace_id) {
        Some(id) if id.starts_with(kind) => id.to_string(),
        _ => kind.to_string(),
    };
    if w.cover && kind == "pacs.009" {
        message_type.push_str(" COV");
    }
    w.message.message_type = message_type;
    Ok(w.message)
}

/// ISO 20022 elements carry a currency or a namespace or two; reading attributes checks each
/// against the others, at the square of their number, so a message of 20,000 on one element
/// cost 40 times a normal one. More than a few dozen is no payment message.
fn too_many_attributes(e: &quick_xml::events::BytesStart<'_>) -> Result<(), String> {
    const MAX_ATTRIBUTES: usize = 64;
    if e.attributes().with_checks(false).take(MAX_ATTRIBUTES + 1).count() > MAX_ATTRIBUTES {
        return Err(format!("an element has more than {MAX_ATTRIBUTES} attributes"));
    }
    Ok(())
}

/// The default namespace (`xmlns` or the element's prefix's `xmlns:p`) declared on an element.
fn namespace_attr(e: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.as_ref();
        (key == b"xmlns" || key.starts_with(b"xmlns:"))
            .then(|| String::from_utf8_lossy(&a.value).into_owned())
            .filter(|v| v.contains("tech:xsd:"))
    })
}

/// `BirthDt` is an `ISODate` (`xs:date`): `YYYY-MM-DD`, perhaps with a time zone (`Z`, `+03:00`),
/// which says nothing of the person and is dropped. Anything else after the date, or a day the
/// calendar lacks, is no date.
fn birth_date(d: &str) -> Option<PartialDate> {
    let d = d.trim();
    let (date, zone) = (d.get(..10)?, d.get(10..)?);
    let zone_ok = match zone.as_bytes() {
        [] | [b'Z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit()),
        _ => false,
    };
    zone_ok.then(|| PartialDate::parse_typed(date)).flatten().filter(|p| p.day.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::test_lists::message;

    fn field<'a>(m: &'a Message, path: &str) -> &'a Field {
        m.fields.iter().find(|f| f.path == path).unwrap_or_else(|| {
            panic!(
                "no field {path} among:\n{}",
                m.fields.iter().map(|f| f.path.as_str()).collect::<Vec<_>>().join("\n")
            )
        })
    }

    const TX1: &str = "/Envelope/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]";
    const TX2: &str = "/Envelope/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]";

    #[test]
    fn a_pacs008_with_its_header_names_its_type_and_reference() {
        let m = parse(&message("pacs008_listed_creditor.xml")).expect("parses");
        assert_eq!(m.message_type, "pacs.008.001.08");
        assert_eq!(m.reference, "NDEA-20250312-0001");
    }

    #[test]
    fn every_party_of_every_transaction_is_read_with_its_path_and_role() {
        let m = parse(&message("pacs008_listed_creditor.xml")).expect("parses");
        for (path, role, text) in [
            (format!("{TX1}/UltmtDbtr/Nm"), Role::UltimateDebtor, "Nordic Garden Supplies AB"),
            (format!("{TX1}/Dbtr/Nm"), Role::Debtor, "Anna Lindqvist"),
            (format!("{TX1}/Cdtr/Nm"), Role::Creditor, "Müller Gartenbau GmbH"),
            (format!("{TX2}/InitgPty/Nm"), Role::InitiatingParty, "Baltic Agro Trade SIA"),
            (format!("{TX2}/Dbtr/Nm"), Role::Debtor, "Baltic Agro Trade SIA"),
            (format!("{TX2}/Cdtr/Nm"), Role::Creditor, "BELARUSKALI OAO"),
            (format!("{TX2}/UltmtCdtr/Nm"), Role::UltimateCreditor, "Viktor Lukashenko"),
            (format!("{TX2}/IntrmyAgt2/FinInstnId/Nm"), Role::IntermediaryAgent(2), "Raiffeisen Bank International AG"),
        ] {
            let f = field(&m, &path);
            assert_eq!((f.role, f.text()), (Some(role), text), "{path}");
            assert!(matches!(f.content, Content::Name { .. }), "{path}");
        }
    }

    /// Text beside an element inside a name (round 32: `<Nm>Aleksandr <b/>Lukashenko</Nm>` was
    /// read as `Lukashenko` and answered CLEAR) is no ISO 20022 and is refused, whichever side the
    /// element stands on.
    #[test]
    fn text_beside_an_element_is_refused() {
        let listed = message("pacs008_listed_creditor.xml");
        for mixed in
            ["<Nm>Viktor <b/>Lukashenko</Nm>", "<Nm><b>Viktor</b> Lukashenko</Nm>", "<Nm><b/>Viktor Lukashenko</Nm>"]
        {
            let xml = listed.replacen("<Nm>Viktor Lukashenko</Nm>", mixed, 1);
            assert_ne!(xml, listed, "the test message names Viktor Lukashenko");
            let e = parse(&xml).expect_err("mixed content").to_string();
            assert!(e.contains("UltmtCdtr/Nm") && e.contains("text and elements side by side"), "{mixed}: {e}");
        }
        // Whitespace between elements is no text.
        parse(&listed.replacen("<Nm>Viktor Lukashenko</Nm>", "<Nm>Viktor Lukashenko</Nm>\n   ", 1)).expect("parses");
    }

    #[test]
    fn every_agent_is_read_by_its_bic() {
        let m = parse(&message("pacs008_listed_creditor.xml")).expect("parses");
        for (path, role, bic) in [
            ("/Envelope/AppHdr/Fr/FIId/FinInstnId/BICFI".to_string(), Role::InstructingAgent, "NDEASESSXXX"),
            ("/Envelope/AppHdr/To/FIId/FinInstnId/BICFI".to_string(), Role::InstructedAgent, "DEUTDEFFXXX"),
            (format!("{TX1}/PrvsInstgAgt1/FinInstnId/BICFI"), Role::PreviousInstructingAgent(1), "HANDSESSXXX"),
            (format!("{TX1}/PrvsInstgAgt2/FinInstnId/BICFI"), Role::PreviousInstructingAgent(2), "SWEDSESSXXX"),
            (format!("{TX1}/PrvsInstgAgt3/FinInstnId/BICFI"), Role::PreviousInstructingAgent(3), "ESSESESSXXX"),
            (format!("{TX1}/InstgAgt/FinInstnId/BICFI"), Role::InstructingAgent, "NDEASESSXXX"),
            (format!("{TX1}/InstdAgt/FinInstnId/BICFI"), Role::InstructedAgent, "DEUTDEFFXXX"),
            (format!("{TX1}/DbtrAgt/FinInstnId/BICFI"), Role::DebtorAgent, "NDEASESSXXX"),
            (format!("{TX1}/CdtrAgt/FinInstnId/BICFI"), Role::CreditorAgent, "COBADEFFXXX"),
            (format!("{TX2}/IntrmyAgt1/FinInstnId/BICFI"), Role::IntermediaryAgent(1), "DEUTDEFFXXX"),
            (format!("{TX2}/IntrmyAgt2/FinInstnId/BICFI"), Role::IntermediaryAgent(2), "RZBAATWWXXX"),
            (format!("{TX2}/IntrmyAgt3/FinInstnId/BICFI"), Role::IntermediaryAgent(3), "PRABPLPKXXX"),
            (format!("{TX2}/CdtrAgt/FinInstnId/BICFI"), Role::CreditorAgent, "BLBBBY2XXXX"),
        ] {
            let f = field(&m, &path);
            assert_eq!(f.role, Some(role), "{path}");
            let Content::Identifier { id, party_type } = &f.content else { panic!("{path}: {f:?}") };
            assert_eq!((id.kind, id.value.as_str(), *party_type), (IdKind::Bic, bic, Some(EntityType::Organization)));
        }
    }

    #[test]
    fn identifiers_birth_and_country_come_with_the_party() {
        let m = parse(&message("pacs008_listed_creditor.xml")).expect("parses");
        let Content::Name { party_type, date_of_birth, country, .. } =
            &field(&m, &format!("{TX2}/UltmtCdtr/Nm")).content
        else {
            panic!()
        };
        assert_eq!(*party_type, Some(EntityType::Person));
        assert_eq!(date_of_birth.map(|d| d.to_string()).as_deref(), Some("1975-11-28"));
        assert_eq!(country.as_deref(), Some("BY"), "the country of birth when there is no other");
        let Content::Name { party_type, country, .. } = &field(&m, &format!("{TX2}/Cdtr/Nm")).content else { panic!() };
        assert_eq!((*party_type, country.as_deref()), (Some(EntityType::Organization), Some("BY")));
        let Content::Identifier { id, .. } = &field(&m, &format!("{TX2}/Cdtr/Id/OrgId/Othr[1]/Id")).content else {
            panic!()
        };
        assert_eq!((id.kind, id.value.as_str()), (IdKind::TaxId, "600122610"));
        let Content::Identifier { id, .. } = &field(&m, &format!("{TX2}/InitgPty/Id/OrgId/LEI")).content else {
            panic!()
        };
        assert_eq!(id.value, "5299001234567890ABCD");
        let Content::Name { party_type, date_of_birth, country, .. } = &field(&m, &format!("{TX1}/Dbtr/Nm")).content
        else {
            panic!()
        };
        assert_eq!(*party_type, Some(EntityType::Person));
        assert_eq!(date_of_birth.map(|d| d.to_string()).as_deref(), Some("1981-04-02"));
        assert_eq!(country.as_deref(), Some("SE"), "the address country before the country of birth");
    }

    #[test]
    fn addresses_places_of_birth_and_remittance_are_free_text() {
        let m = parse(&message("pacs008_listed_creditor.xml")).expect("parses");
        for (path, role, text) in [
            (format!("{TX1}/Dbtr/PstlAdr/StrtNm"), Some(Role::Debtor), "Drottninggatan"),
            (format!("{TX1}/Dbtr/PstlAdr/TwnNm"), Some(Role::Debtor), "Stockholm"),
            (format!("{TX1}/Dbtr/Id/PrvtId/DtAndPlcOfBirth/CityOfBirth"), Some(Role::Debtor), "Uppsala"),
            (format!("{TX2}/Dbtr/PstlAdr/AdrLine[1]"), Some(Role::Debtor), "Brivibas iela 100"),
            (format!("{TX2}/Dbtr/PstlAdr/AdrLine[2]"), Some(Role::Debtor), "LV-1011 Riga"),
            (format!("{TX2}/UltmtCdtr/Id/PrvtId/DtAndPlcOfBirth/CityOfBirth"), Some(Role::UltimateCreditor), "Mogilev"),
            (format!("{TX1}/RmtInf/Ustrd[1]"), None, "INVOICE 2025-0311 GARDEN TOOLS"),
            (format!("{TX2}/RmtInf/Ustrd[1]"), None, "CONTRACT 77/2024 POTASH FERTILIZER"),
        ] {
            let f = field(&m, &path);
            assert_eq!((f.role, &f.content), (role, &Content::Text(text.into())), "{path}");
        }
    }

    #[test]
    fn a_pacs008_without_header_in_a_later_version_reads_the_same_elements() {
        let m = parse(&message("pacs008_remittance_listed_company.xml")).expect("parses");
        assert_eq!(m.message_type, "pacs.008.001.10");
        let tx = "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]";
        assert_eq!(field(&m, &format!("{tx}/Cdtr/Nm")).text(), "Hanse Logistik GmbH");
        assert_eq!(field(&m, &format!("{tx}/Purp/Prtry")).text(), "TRADE SETTLEMENT");
        assert_eq!(field(&m, &format!("{tx}/RmtInf/Ustrd[1]")).text(), "INV 42 POTASH FROM BELARUSKALI VIA KLAIPEDA");
    }

    #[test]
    fn a_pacs009_cov_reads_the_underlying_customer_credit_transfer() {
        let m = parse(&message("pacs009_cov.xml")).expect("parses");
        assert_eq!(m.message_type, "pacs.009.001.08 COV");
        let tx = "/Envelope/Document/FICdtTrf/CdtTrfTxInf[1]";
        let u = format!("{tx}/UndrlygCstmrCdtTrf");
        for (path, role) in [
            (format!("{tx}/Dbtr/FinInstnId/BICFI"), Role::Debtor),
            (format!("{tx}/Cdtr/FinInstnId/Nm"), Role::Creditor),
            (format!("{tx}/IntrmyAgt1/FinInstnId/BICFI"), Role::IntermediaryAgent(1)),
            (format!("{u}/UltmtDbtr/Nm"), Role::UltimateDebtor),
            (format!("{u}/Dbtr/Nm"), Role::Debtor),
            (format!("{u}/DbtrAgt/FinInstnId/BICFI"), Role::DebtorAgent),
            (format!("{u}/IntrmyAgt1/FinInstnId/BICFI"), Role::IntermediaryAgent(1)),
            (format!("{u}/CdtrAgt/FinInstnId/BICFI"), Role::CreditorAgent),
            (format!("{u}/Cdtr/Nm"), Role::Creditor),
            (format!("{u}/UltmtCdtr/Nm"), Role::UltimateCreditor),
        ] {
            assert_eq!(field(&m, &path).role, Some(role), "{path}");
        }
        let Content::Name { party_type, .. } = &field(&m, &format!("{tx}/Cdtr/FinInstnId/Nm")).content else {
            panic!()
        };
        assert_eq!(*party_type, Some(EntityType::Organization), "a pacs.009 creditor is a bank");
        assert_eq!(
            field(&m, &format!("{u}/InstrForCdtrAgt[1]/InstrInf")).text(),
            "CREDIT NAFTAN OJSC ACCOUNT ON RECEIPT"
        );
        assert_eq!(field(&m, &format!("{u}/RmtInf/Ustrd[1]")).text(), "CARGO 14/2025 VACUUM GAS OIL");
    }

    #[test]
    fn a_pain001_reads_each_payment_of_each_payment_information() {
        let m = parse(&message("pain001_payments.xml")).expect("parses");
        assert_eq!(m.message_type, "pain.001.001.09");
        assert_eq!(m.reference, "ACME-PAY-20250312");
        let root = "/Document/CstmrCdtTrfInitn";
        for (path, role, text) in [
            (format!("{root}/GrpHdr/InitgPty/Nm"), Role::InitiatingParty, "ACME Industrial Supplies Ltd"),
            (format!("{root}/PmtInf[1]/Dbtr/Nm"), Role::Debtor, "ACME Industrial Supplies Ltd"),
            (format!("{root}/PmtInf[1]/DbtrAgt/FinInstnId/BICFI"), Role::DebtorAgent, "NWBKGB2LXXX"),
            (format!("{root}/PmtInf[1]/CdtTrfTxInf[1]/Cdtr/Nm"), Role::Creditor, "Yorkshire Steel Fabrications Ltd"),
            (format!("{root}/PmtInf[1]/CdtTrfTxInf[2]/CdtrAgt/FinInstnId/BICFI"), Role::CreditorAgent, "LOYDGB2LXXX"),
            (
                format!("{root}/PmtInf[1]/CdtTrfTxInf[2]/UltmtCdtr/Nm"),
                Role::UltimateCreditor,
                "Pennine Group Holdings plc",
            ),
            (format!("{root}/PmtInf[2]/UltmtDbtr/Nm"), Role::UltimateDebtor, "ACME Chemicals Division"),
            (
                format!("{root}/PmtInf[2]/CdtTrfTxInf[1]/IntrmyAgt1/FinInstnId/BICFI"),
                Role::IntermediaryAgent(1),
                "DEUTDEFFXXX",
            ),
            (format!("{root}/PmtInf[2]/CdtTrfTxInf[1]/Cdtr/Nm"), Role::Creditor, "GRODNO AZOT"),
        ] {
            let f = field(&m, &path);
            assert_eq!((f.role, f.text()), (Some(role), text), "{path}");
        }
        assert_eq!(field(&m, &format!("{root}/PmtInf[2]/CdtTrfTxInf[1]/InstrForDbtrAgt")).text(), "URGENT");
    }

    #[test]
    fn reimbursement_agents_and_regulatory_text_are_read() {
        let xml = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>
            <GrpHdr><MsgId>M</MsgId><SttlmInf><SttlmMtd>COVE</SttlmMtd>
              <InstgRmbrsmntAgt><FinInstnId><BICFI>AAAADEFF</BICFI></FinInstnId></InstgRmbrsmntAgt>
              <InstdRmbrsmntAgt><FinInstnId><BICFI>BBBBDEFF</BICFI></FinInstnId></InstdRmbrsmntAgt>
              <ThrdRmbrsmntAgt><FinInstnId><BICFI>CCCCDEFF</BICFI></FinInstnId></ThrdRmbrsmntAgt></SttlmInf></GrpHdr>
            <CdtTrfTxInf><Cdtr><Nm>A &amp; B &#x4C;td</Nm></Cdtr>
              <RgltryRptg><Dtls><Inf>EXPORT LICENCE 12</Inf></Dtls></RgltryRptg>
              <RmtInf><Strd><AddtlRmtInf>SEE CONTRACT</AddtlRmtInf><TaxRmt><Cdtr><TaxId>1</TaxId></Cdtr></TaxRmt></Strd></RmtInf>
            </CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"#;
        let m = parse(xml).expect("parses");
        let g = "/Document/FIToFICstmrCdtTrf/GrpHdr/SttlmInf";
        assert_eq!(
            field(&m, &format!("{g}/InstgRmbrsmntAgt/FinInstnId/BICFI")).role,
            Some(Role::InstructingReimbursementAgent)
        );
        assert_eq!(
            field(&m, &format!("{g}/InstdRmbrsmntAgt/FinInstnId/BICFI")).role,
            Some(Role::InstructedReimbursementAgent)
        );
        assert_eq!(
            field(&m, &format!("{g}/ThrdRmbrsmntAgt/FinInstnId/BICFI")).role,
            Some(Role::ThirdReimbursementAgent)
        );
        let tx = "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]";
        assert_eq!(field(&m, &format!("{tx}/Cdtr/Nm")).text(), "A & B Ltd", "entities and character references");
        assert_eq!(field(&m, &format!("{tx}/RgltryRptg[1]/Dtls[1]/Inf[1]")).text(), "EXPORT LICENCE 12");
        assert_eq!(field(&m, &format!("{tx}/RmtInf/Strd[1]/AddtlRmtInf[1]")).text(), "SEE CONTRACT");
        assert_eq!(m.fields.iter().filter(|f| f.role == Some(Role::Creditor)).count(), 1, "a tax party is no creditor");
    }

    fn error(xml: &str) -> String {
        parse(xml).expect_err("refused").to_string()
    }

    #[test]
    fn xml_that_is_not_well_formed_is_refused_with_line_and_column() {
        let e = error("<Document>\n  <FIToFICstmrCdtTrf>\n    <Cdtr><Nm>X</Cdtr>\n");
        assert!(e.starts_with("line 3, column "), "{e}");
        assert!(e.contains("not well-formed XML"), "{e}");
        let e = error("<Document><FIToFICstmrCdtTrf>");
        assert!(e.contains("never closed"), "{e}");
        let e = error("<Document><FIToFICstmrCdtTrf><Cdtr><Nm>&ent;</Nm></Cdtr></FIToFICstmrCdtTrf></Document>");
        assert!(e.contains("&ent; is not one of XML's predefined entities"), "{e}");
        // A name after the last element is no part of the message, and is not dropped unsaid.
        let e = error("<Document><FIToFICstmrCdtTrf></FIToFICstmrCdtTrf></Document>\n BELARUSKALI OAO\n");
        assert!(e.starts_with("line 1, column ") && e.contains("text outside the message's elements"), "{e}");
    }

    #[test]
    fn a_doctype_is_refused_and_its_entities_never_resolved() {
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n\
                   <Document><FIToFICstmrCdtTrf><CdtTrfTxInf><Cdtr><Nm>&xxe;</Nm></Cdtr></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>";
        let e = parse(xxe).expect_err("refused");
        assert!(matches!(e, MessageError::Doctype { line: 2, column: 1 }), "{e}");
        assert!(e.to_string().contains("DOCTYPE"), "{e}");
        let bomb = "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><Document>&b;</Document>";
        assert!(matches!(parse(bomb), Err(MessageError::Doctype { .. })));
    }

    #[test]
    fn unknown_message_types_are_refused_naming_the_element() {
        let e =
            error(r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt/></Document>"#);
        assert!(e.contains("<BkToCstmrStmt>") && e.contains("camt.053.001.08") && e.contains("pacs.008"), "{e}");
        let e = error("<Invoice><Nm>X</Nm></Invoice>");
        assert!(e.contains("no ISO 20022 <Document>"), "{e}");
    }

    #[test]
    fn a_birth_date_that_is_not_a_date_is_refused_naming_its_path() {
        let e = error(
            "<Document><FIToFICstmrCdtTrf><CdtTrfTxInf><Dbtr><Nm>X</Nm><Id><PrvtId><DtAndPlcOfBirth><BirthDt>1975-13-40</BirthDt>\
             </DtAndPlcOfBirth></PrvtId></Id></Dbtr></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>",
        );
        assert!(
            e.starts_with("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr/Id/PrvtId/DtAndPlcOfBirth/BirthDt:"),
            "{e}"
        );
    }

    #[test]
    fn nesting_beyond_the_limit_is_refused() {
        let xml = format!("<Document><FIToFICstmrCdtTrf>{}</FIToFICstmrCdtTrf></Document>", "<a>".repeat(100));
        assert!(matches!(parse(&xml), Err(MessageError::TooLarge(_))));
    }
}
