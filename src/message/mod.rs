//! Payment messages as banks hold them (ISO 20022 pacs.008, pacs.009, pain.001; SWIFT MT103,
//! MT202, MT202COV) turned into the fields a screener must look at, and those fields screened.
//!
//! A commercial filter screens the message field by field and names the field that hit, because
//! the analyst who reviews a hit works from the message, not from a party record. So each
//! [`Field`] keeps its location (an XPath-like path or an MT tag) and its role, and
//! [`screen`] answers per field. Parsing knows nothing of the lists; screening knows nothing of
//! message formats.

pub mod free_text;
pub mod iso20022;
pub mod swift_mt;

use crate::index::Snapshot;
use crate::matcher::{self, Decision, Query, Screening, Thresholds};
use crate::model::{EntityType, Identifier, PartialDate};

/// Fields screened per message at most. A pacs.008 with the most transactions CBPR+ allows
/// stays far below; beyond it a message costs more CPU than a caller may spend in one call.
pub const MAX_FIELDS: usize = 4_000;
/// Nesting of XML elements at most: ISO 20022 messages nest about a dozen deep; a deeper
/// document is built to exhaust the parser, not to pay anyone.
pub const MAX_DEPTH: usize = 64;
/// The message reference's bound, as `ScreenPaymentRequest.payment_id`'s.
pub const MAX_REFERENCE_CHARS: usize = 256;
/// Longest name screened, in characters (as for `ScreenParty`; ISO 20022 names are at most 140).
pub const MAX_NAME_CHARS: usize = 1024;
/// Longest free text of one field, in characters (ISO 20022 `Ustrd` is at most 140, MT 72 is 6 ×
/// 35): anything longer is not a payment field.
pub const MAX_TEXT_CHARS: usize = 4096;

/// What the caller says the message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Decide from the content.
    #[default]
    Detect,
    Iso20022,
    SwiftMt,
}

/// Why a message cannot be screened. Each names where (line and column, or the field) so that
/// the sender can find it in the message.
#[derive(Debug, thiserror::Error)]
pub enum MessageError {
    #[error("the message is empty")]
    Empty,
    #[error("not ISO 20022 XML and not a SWIFT MT message: XML starts with `<`, an MT message with `{{1:` or `{{2:`")]
    UnknownFormat,
    #[error("line {line}, column {column}: not well-formed XML: {reason}")]
    Xml { line: usize, column: usize, reason: String },
    #[error(
        "line {line}, column {column}: the message has a document type declaration (<!DOCTYPE>): refused, since \
         ISO 20022 messages have none and its entities would be resolved from outside the message"
    )]
    Doctype { line: usize, column: usize },
    #[error("{0}")]
    UnknownType(String),
    #[error("line {line}, column {column}: SWIFT MT block structure: {reason}")]
    Blocks { line: usize, column: usize, reason: String },
    #[error("{path}: {reason}")]
    Field { path: String, reason: String },
    #[error("{0}")]
    TooLarge(String),
    #[error(
        "found no party name, agent, identifier or free text to screen in this {0}: its parties may be in \
         elements this reader does not know (it reads the ISO 20022 party, agent and remittance elements by their \
         names, and MT fields 50 to 59, 70, 72 and 77B); refused rather than answered CLEAR"
    )]
    NothingToScreen(&'static str),
}

impl MessageError {
    pub(crate) fn field(path: &str, reason: impl Into<String>) -> MessageError {
        MessageError::Field { path: path.to_string(), reason: reason.into() }
    }
}

/// Line and column (1-based, in characters) of byte offset `pos` in `text`.
pub(crate) fn line_column(text: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(text.len());
    let before = text.get(..pos).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A party's or agent's role, in ISO 20022 pacs.008 terms (MT fields are mapped to the role
/// CBPR+ gives them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Debtor,
    Creditor,
    UltimateDebtor,
    UltimateCreditor,
    InitiatingParty,
    DebtorAgent,
    CreditorAgent,
    /// 1 to 3 in ISO 20022 (`IntrmyAgt1`…), 1 for MT 56a.
    IntermediaryAgent(u8),
    PreviousInstructingAgent(u8),
    InstructingAgent,
    InstructedAgent,
    InstructingReimbursementAgent,
    InstructedReimbursementAgent,
    ThirdReimbursementAgent,
}

impl Role {
    /// Agents are financial institutions: their names are screened as organisations.
    pub fn is_agent(self) -> bool {
        !matches!(
            self,
            Role::Debtor | Role::Creditor | Role::UltimateDebtor | Role::UltimateCreditor | Role::InitiatingParty
        )
    }

    /// For the audit log and the CLI.
    pub fn label(self) -> &'static str {
        match self {
            Role::Debtor => "debtor",
            Role::Creditor => "creditor",
            Role::UltimateDebtor => "ultimate_debtor",
            Role::UltimateCreditor => "ultimate_creditor",
            Role::InitiatingParty => "initiating_party",
            Role::DebtorAgent => "debtor_agent",
            Role::CreditorAgent => "creditor_agent",
            Role::IntermediaryAgent(_) => "intermediary_agent",
            Role::PreviousInstructingAgent(_) => "previous_instructing_agent",
            Role::InstructingAgent => "instructing_agent",
            Role::InstructedAgent => "instructed_agent",
            Role::InstructingReimbursementAgent => "instructing_reimbursement_agent",
            Role::InstructedReimbursementAgent => "instructed_reimbursement_agent",
            Role::ThirdReimbursementAgent => "third_reimbursement_agent",
        }
    }
}

/// What a field holds, and so how it is screened.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// A party's or agent's name, screened as `ScreenParty` screens a name, with the facts the
    /// message gives about the same party as features. `readings` are the ways the name may be
    /// read (an MT line cut at 35 characters may have cut a word or fallen between two); the
    /// first is the name as written, and the strongest reading decides.
    Name {
        readings: Vec<String>,
        /// An MT name's first line alone, when the next line may be its address rather than more
        /// of the name. It counts only when it blocks: alone, a line that fills its 35 characters
        /// reads as a name cut at the field's width, and a cut name is a REVIEW of every listed
        /// name it begins (`OPEN JOINT STOCK COMPANY BELARUSIAN` / `DAIRY COMPANY` was a REVIEW
        /// of ten listed companies).
        line_alone: Option<String>,
        /// Also scanned as free text, the stronger result standing: an ISO name that runs on
        /// into its address (`KIDMA TECH OJSC, UL. LENINA 1, MINSK`), whose address words would
        /// weigh against the name read as a whole.
        as_text: bool,
        party_type: Option<EntityType>,
        date_of_birth: Option<PartialDate>,
        country: Option<String>,
    },
    /// A BIC, LEI or other identifier, screened against listed identifiers alone: the hit then
    /// names the identifier's own path, not the name's.
    Identifier { id: Identifier, party_type: Option<EntityType> },
    /// Free text (remittance information, purpose, instructions, address lines): scanned for
    /// listed names inside it.
    Text(String),
    /// Free text whose lines a [`Content::Text`] of the same path joined where a line filled its
    /// width and ended in a letter, here with a space at those `breaks` (characters of `text`):
    /// a line of 34 or 35 characters may end between words as well as inside one. Only what
    /// spans or touches a break counts (the rest is the other reading's): round 29 found 16 % of listed
    /// names in a field 70 CLEAR when a line ended exactly at a word's end (`… TO KHAZALBEK` /
    /// `BAKHTIBEKOVICH ATABEKOV`, read `KHAZALBEKBAKHTIBEKOVICH`).
    Rewrapped { text: String, breaks: Vec<usize> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub path: String,
    pub role: Option<Role>,
    pub content: Content,
}

impl Field {
    /// The text the field screens, as reported back.
    pub fn text(&self) -> &str {
        match &self.content {
            Content::Name { readings, .. } => readings.first().map_or("", String::as_str),
            Content::Identifier { id, .. } => &id.value,
            Content::Text(t) | Content::Rewrapped { text: t, .. } => t,
        }
    }
}

/// A message reduced to its screenable fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// `pacs.008.001.08`, `pacs.009.001.08 COV`, `MT103`, `MT202COV` ...
    pub message_type: String,
    /// GrpHdr/MsgId or MT field 20: echoed and audited, not screened.
    pub reference: String,
    pub fields: Vec<Field>,
}

impl Message {
    pub(crate) fn push(&mut self, field: Field) -> Result<(), MessageError> {
        if self.fields.len() >= MAX_FIELDS {
            return Err(MessageError::TooLarge(format!(
                "the message has more than {MAX_FIELDS} fields to screen; split it (fewer transactions per message)"
            )));
        }
        check_text(&field)?;
        self.fields.push(field);
        Ok(())
    }
}

fn check_text(field: &Field) -> Result<(), MessageError> {
    let (text, max) = match &field.content {
        Content::Name { readings, .. } => (readings.first().map_or("", String::as_str), MAX_NAME_CHARS),
        Content::Identifier { id, .. } => (id.value.as_str(), 64),
        Content::Text(t) | Content::Rewrapped { text: t, .. } => (t.as_str(), MAX_TEXT_CHARS),
    };
    if text.chars().count() > max {
        return Err(MessageError::field(&field.path, format!("longer than {max} characters")));
    }
    if crate::normalize::has_control_chars_in_name(text) {
        return Err(MessageError::field(&field.path, "contains control characters"));
    }
    Ok(())
}

/// Free text written in pieces (MT lines, repeated `Ustrd` elements), each as written with its
/// spaces, as one text. Where a piece
/// that fills one of the `widths` (or all but one character of it) ends inside a word and the next goes
/// on with letters, the writer cut the word (`…TO BELARUS` / `KALI OAO`), and the two are joined
/// without a space; elsewhere a piece's end is a space. Reading both ways at every end let cut
/// words (`AMOUN` / `T`, read `OMON`) and whole words glued (`PRIOR` / `BANK`) raise false alarms.
pub(crate) fn wrapped_text(pieces: &[&str], widths: &[usize]) -> String {
    wrapped_readings(pieces, widths).0
}

/// Free text pushed as [`wrapped_text`] reads it and, where that joined a word across a line's
/// end, as [`Content::Rewrapped`] too (see there).
pub(crate) fn push_wrapped(
    message: &mut Message,
    path: String,
    role: Option<Role>,
    pieces: &[&str],
    widths: &[usize],
) -> Result<(), MessageError> {
    let (text, spaced) = wrapped_readings(pieces, widths);
    message.push(Field { path: path.clone(), role, content: Content::Text(text) })?;
    if let Some((text, breaks)) = spaced {
        message.push(Field { path, role, content: Content::Rewrapped { text, breaks } })?;
    }
    Ok(())
}

/// [`wrapped_text`], and the text with a space at every line's end it joined, with the
/// characters where those spaces are (None when it joined none).
fn wrapped_readings(pieces: &[&str], widths: &[usize]) -> (String, Option<(String, Vec<usize>)>) {
    // A piece of `w` characters, or one fewer, fills a line of width `w` (of the widest, any
    // longer piece too: MT lines over 35 characters are accepted); no widths: every piece.
    let full = |p: &str| {
        let n = p.chars().count();
        widths.is_empty() || widths.iter().enumerate().any(|(k, &w)| n + 1 >= w && (n <= w || k + 1 == widths.len()))
    };
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len() + 1).sum());
    // Byte offsets in `out` where a word was joined across a line's end.
    let mut joins = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if i > 0 {
            // As written: a space kept at a line's end or start says the cut fell between words.
            let before = pieces[i - 1];
            let cut = full(before)
                && before.chars().last().is_some_and(char::is_alphanumeric)
                && p.chars().next().is_some_and(char::is_alphanumeric);
            if cut {
                joins.push(out.len());
            } else {
                out.push(' ');
            }
        }
        out.push_str(if i == 0 {
            p.trim_end()
        } else if i + 1 == pieces.len() {
            p.trim_start()
        } else {
            p.trim()
        });
    }
    let lead = out.len() - out.trim_start().len();
    let glued = out.trim().to_string();
    if joins.is_empty() {
        return (glued, None);
    }
    let mut spaced = String::with_capacity(glued.len() + joins.len());
    let mut breaks = Vec::with_capacity(joins.len());
    let mut from = lead;
    for j in joins {
        spaced.push_str(&out[from..j]);
        breaks.push(spaced.chars().count());
        spaced.push(' ');
        from = j;
    }
    spaced.push_str(out[from..].trim_end());
    (glued, Some((spaced, breaks)))
}

/// Parses a message in the given format (or the one its content shows).
pub fn parse(text: &str, format: Format) -> Result<Message, MessageError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.is_empty() {
        return Err(MessageError::Empty);
    }
    let format = match format {
        Format::Detect if trimmed.starts_with('<') => Format::Iso20022,
        Format::Detect if trimmed.starts_with("{1:") || trimmed.starts_with("{2:") => Format::SwiftMt,
        Format::Detect => return Err(MessageError::UnknownFormat),
        f => f,
    };
    let (message, reference_field) = match format {
        // A byte-order mark before an MT message is an editor's, not the message's (XML's
        // reader skips it itself).
        Format::SwiftMt => (swift_mt::parse(text.trim_start_matches('\u{feff}'))?, ":20:"),
        _ => (iso20022::parse(text)?, "GrpHdr/MsgId"),
    };
    // The reference is echoed in the response and written into every audit line, as a
    // ScreenPayment's payment_id is: held to the same bounds (both formats allow 35 or fewer).
    if message.reference.chars().count() > MAX_REFERENCE_CHARS {
        return Err(MessageError::field(reference_field, format!("longer than {MAX_REFERENCE_CHARS} characters")));
    }
    if message.reference.chars().any(char::is_control) {
        return Err(MessageError::field(reference_field, "contains control characters"));
    }
    // A CLEAR would read as "screened, nobody listed" (an outside test sent names in elements of
    // other names, or in lower case, and got CLEAR with nothing screened).
    if message.fields.is_empty() {
        return Err(MessageError::NothingToScreen(match format {
            Format::SwiftMt => "MT message",
            _ => "ISO 20022 message",
        }));
    }
    Ok(message)
}

/// One field that hit.
#[derive(Debug, Clone)]
pub struct Hit {
    pub path: String,
    pub role: Option<Role>,
    /// The field's text as screened.
    pub text: String,
    /// Characters of `text` that hit (all of it for names and identifiers).
    pub span: (usize, usize),
    pub screening: Screening,
}

/// The message's result.
#[derive(Debug, Clone)]
pub struct Screened {
    pub decision: Decision,
    pub hits: Vec<Hit>,
    pub fields_screened: usize,
}

/// Screens every field of a message; the message's decision is the most severe of its fields'.
pub fn screen(snapshot: &Snapshot, message: &Message, thresholds: &Thresholds) -> Result<Screened, MessageError> {
    let mut hits: Vec<Hit> = Vec::new();
    // Free-text hits reported so far: (element kind, entity) → index in `hits`.
    let mut text_hits: Vec<((String, Option<u32>), usize)> = Vec::new();
    let mut budget = free_text::Budget::default();
    for field in &message.fields {
        match &field.content {
            Content::Name { readings, line_alone, as_text, party_type, date_of_birth, country } => {
                let screen_name = |name: &str| {
                    let query = Query {
                        name: name.to_string(),
                        party_type: *party_type,
                        date_of_birth: *date_of_birth,
                        country: country.clone(),
                        identifiers: Vec::new(),
                    };
                    matcher::screen(snapshot, &query, thresholds)
                };
                // In order, the name as written first; a reading that blocks ends the search.
                let mut best: Option<Screening> = None;
                for name in readings {
                    let s = screen_name(name);
                    let blocks = s.decision == Decision::Block;
                    if best.as_ref().is_none_or(|b| strength(&s) > strength(b)) {
                        best = Some(s);
                    }
                    if blocks {
                        break;
                    }
                }
                if let Some(line) =
                    line_alone.as_deref().filter(|_| best.as_ref().is_none_or(|b| b.decision < Decision::Block))
                {
                    let s = screen_name(line);
                    if s.decision == Decision::Block {
                        best = Some(s);
                    }
                }
                let text = field.text().to_string();
                let mut span = (0, text.chars().count());
                if *as_text && best.as_ref().is_none_or(|b| b.decision < Decision::Block) {
                    for found in free_text::scan(snapshot, &text, thresholds, &mut budget, &[])? {
                        if best.as_ref().is_none_or(|b| strength(&found.screening) > strength(b)) {
                            span = found.span;
                            best = Some(found.screening);
                        }
                    }
                }
                if let Some(s) = best.filter(|s| s.decision > Decision::Clear) {
                    hits.push(Hit { path: field.path.clone(), role: field.role, text, span, screening: s });
                }
            }
            Content::Identifier { id, party_type } => {
                let query = Query { party_type: *party_type, identifiers: vec![id.clone()], ..Default::default() };
                let s = matcher::screen(snapshot, &query, thresholds);
                if s.decision > Decision::Clear {
                    let span = (0, id.value.chars().count());
                    hits.push(Hit {
                        path: field.path.clone(),
                        role: field.role,
                        text: id.value.clone(),
                        span,
                        screening: s,
                    });
                }
            }
            Content::Text(_) | Content::Rewrapped { .. } => {
                let breaks: &[usize] = match &field.content {
                    Content::Rewrapped { breaks, .. } => breaks,
                    _ => &[],
                };
                let text = field.text();
                for found in free_text::scan(snapshot, text, thresholds, &mut budget, breaks)? {
                    let hit = Hit {
                        path: field.path.clone(),
                        role: field.role,
                        text: text.to_string(),
                        span: found.span,
                        screening: found.screening,
                    };
                    // Lines or elements of one kind are also read as one text (`Ustrd` in pairs,
                    // `wrapped_text`): an entity is reported once per kind of element, by its
                    // strongest reading.
                    let key = (text_group(&hit.path).to_string(), hit.screening.matches.first().map(|m| m.entity));
                    match text_hits.iter().find(|(k, _)| *k == key).map(|(_, i)| *i) {
                        Some(i) if strength(&hit.screening) > strength(&hits[i].screening) => hits[i] = hit,
                        Some(_) => {}
                        None => {
                            text_hits.push((key, hits.len()));
                            hits.push(hit);
                        }
                    }
                }
            }
        }
    }
    let decision = hits.iter().map(|h| h.screening.decision).max().unwrap_or(Decision::Clear);
    let mut paths: Vec<&str> = message.fields.iter().map(|f| f.path.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    Ok(Screened { decision, hits, fields_screened: paths.len() })
}

/// A free-text field's path without the index of its last element (`…/RmtInf/Ustrd[2]` →
/// `…/RmtInf/Ustrd`): the lines of one address or remittance that name one entity name it once.
fn text_group(path: &str) -> &str {
    let last = path.rfind('/').map_or(0, |i| i + 1);
    match path[last..].find('[') {
        Some(i) if path.ends_with(']') => &path[..last + i],
        _ => path,
    }
}

/// Orders readings of one name: decision first, then the best score.
fn strength(s: &Screening) -> f64 {
    let top = s.matches.first().map_or(0.0, |m| m.score);
    (s.decision as u8) as f64 * 10.0 + top
}

#[cfg(test)]
pub(crate) mod test_lists {
    //! The committed list excerpts as one snapshot, built once for all unit tests of messages.
    use std::sync::{Arc, OnceLock};

    use crate::index::Snapshot;

    pub fn snapshot() -> Arc<Snapshot> {
        static SNAPSHOT: OnceLock<Arc<Snapshot>> = OnceLock::new();
        SNAPSHOT
            .get_or_init(|| {
                let d = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/lists");
                let specs: Vec<crate::source::SourceSpec> = [
                    format!("ca-sema={}", d.join("canada/sema-lmes_2025-09-22.xml").display()),
                    format!("us-ofac-sdn={}", d.join("ofac/sdn_2023-12-28.csv").display()),
                    format!("uk-ofsi={}", d.join("uk/ConList_2025-04-10.csv").display()),
                ]
                .iter()
                .map(|s| crate::source::SourceSpec::parse(s).expect("spec"))
                .collect();
                Arc::new(crate::lists::store::load(&specs, crate::model::Regime::Belarus).expect("the excerpts load"))
            })
            .clone()
    }

    /// A message file of `tests/data/messages`.
    pub fn message(name: &str) -> String {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/messages").join(name);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_from_one() {
        assert_eq!(line_column("ab\ncdé\nf", 0), (1, 1));
        assert_eq!(line_column("ab\ncdé\nf", 4), (2, 2));
        assert_eq!(line_column("ab\ncdé\nf", 8), (3, 1));
    }

    /// What a message may carry beyond its fields is bounded as a request's fields are: the
    /// reference (echoed and audited), element names (kept in every field's path) and dates of
    /// birth (on the calendar, nothing after them but a time zone).
    #[test]
    fn references_element_names_and_birth_dates_are_held_to_their_bounds() {
        use super::test_lists::message;
        let iso = message("pacs008_listed_creditor.xml");
        let mt = message("mt103_option_f.fin");
        let refused = |text: &str| parse(text, Format::Detect).err().map(|e| e.to_string());
        assert_eq!(refused(&iso), None);
        assert_eq!(refused(&mt), None);
        let long = "R".repeat(MAX_REFERENCE_CHARS + 1);
        let e = refused(&iso.replace("<MsgId>NDEA-20250312-0001</MsgId>", &format!("<MsgId>{long}</MsgId>")));
        assert!(e.as_deref().is_some_and(|e| e.starts_with("GrpHdr/MsgId: longer than")), "{e:?}");
        let e = refused(&mt.replace(":20:NDEA103F0001", &format!(":20:{long}")));
        assert!(e.as_deref().is_some_and(|e| e.starts_with(":20:: longer than")), "{e:?}");
        let e = refused(&iso.replace("<MsgId>NDEA-20250312-0001</MsgId>", "<MsgId>NDEA\u{7}1</MsgId>"));
        assert!(e.as_deref().is_some_and(|e| e.contains("control characters")), "{e:?}");
        let attributes: String = (0..65).map(|i| format!(" a{i}=\"1\"")).collect();
        let e = refused(&iso.replace("<MsgId>", &format!("<Note{attributes}/><MsgId>")));
        assert!(e.as_deref().is_some_and(|e| e.contains("more than 64 attributes")), "{e:?}");
        let name = "X".repeat(65);
        let e = refused(&iso.replace("<MsgId>", &format!("<{name}>z</{name}><MsgId>")));
        assert!(e.as_deref().is_some_and(|e| e.contains("element name is longer than 64 bytes")), "{e:?}");
        for (birth, ok) in [
            ("1975-11-28Z", true),
            ("1975-11-28+03:00", true),
            ("1975-02-30", false),
            ("1975-11-28garbage", false),
            ("1975-11", false),
        ] {
            let e = refused(&iso.replace("<BirthDt>1975-11-28</BirthDt>", &format!("<BirthDt>{birth}</BirthDt>")));
            assert_eq!(e.is_none(), ok, "{birth}: {e:?}");
        }
        let e = refused(&mt.replace("4/19751128", "4/19750230"));
        assert!(e.as_deref().is_some_and(|e| e.contains("is not a date")), "{e:?}");
    }

    #[test]
    fn content_that_is_neither_xml_nor_mt_is_refused_when_detecting() {
        assert!(matches!(parse("  ", Format::Detect), Err(MessageError::Empty)));
        // Names only in elements this reader does not know: refused, not CLEAR with nothing read.
        let unknown = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf>\
            <GrpHdr><MsgId>M1</MsgId></GrpHdr><CdtTrfTxInf><Cdtr><Name>Aleksandr Lukashenko</Name></Cdtr>\
            </CdtTrfTxInf></FIToFICstmrCdtTrf></Document>";
        let e = parse(unknown, Format::Detect).expect_err("nothing to screen");
        assert!(matches!(e, MessageError::NothingToScreen(_)) && e.to_string().contains("refused rather than"), "{e}");
        assert!(matches!(parse("hello", Format::Detect), Err(MessageError::UnknownFormat)));
    }
}

#[cfg(test)]
mod screening_tests {
    use super::test_lists::{message, snapshot};
    use super::*;

    fn screened(name: &str) -> (Message, Screened) {
        let m = parse(&message(name), Format::Detect).expect("parses");
        let s = screen(&snapshot(), &m, &Thresholds::default()).expect("screens");
        (m, s)
    }

    fn hits(s: &Screened) -> Vec<(&str, Decision, String)> {
        s.hits
            .iter()
            .map(|h| {
                let span: String = h.text.chars().skip(h.span.0).take(h.span.1 - h.span.0).collect();
                (h.path.as_str(), h.screening.decision, span)
            })
            .collect()
    }

    fn entity_ids(h: &Hit) -> Vec<String> {
        let s = snapshot();
        h.screening.matches.iter().map(|m| s.entities[m.entity as usize].id.clone()).collect()
    }

    fn hit<'a>(s: &'a Screened, path: &str) -> &'a Hit {
        s.hits.iter().find(|h| h.path == path).unwrap_or_else(|| panic!("no hit at {path}: {:?}", hits(s)))
    }

    #[test]
    fn a_pacs008_with_a_listed_creditor_blocks_on_the_creditor_path_and_nowhere_in_the_clean_transaction() {
        let (_, s) = screened("pacs008_listed_creditor.xml");
        assert_eq!(s.decision, Decision::Block);
        let tx2 = "/Envelope/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]";
        let creditor = hit(&s, &format!("{tx2}/Cdtr/Nm"));
        assert_eq!((creditor.screening.decision, creditor.role), (Decision::Block, Some(Role::Creditor)));
        assert!(entity_ids(creditor).contains(&"us-ofac-sdn:32746".to_string()));
        let person = hit(&s, &format!("{tx2}/UltmtCdtr/Nm"));
        assert_eq!(person.screening.decision, Decision::Block);
        assert!(entity_ids(person).contains(&"us-ofac-sdn:9797".to_string()), "{:?}", entity_ids(person));
        let dob = person.screening.matches[0].features.iter().find(|f| f.feature == "date_of_birth").expect("dob");
        assert_eq!(dob.outcome, crate::matcher::features::Outcome::Match);
        let bic = hit(&s, &format!("{tx2}/CdtrAgt/FinInstnId/BICFI"));
        assert_eq!(entity_ids(bic), ["us-ofac-sdn:34752"], "the listed bank's BIC");
        let tax = hit(&s, &format!("{tx2}/Cdtr/Id/OrgId/Othr[1]/Id"));
        assert_eq!(entity_ids(tax), ["us-ofac-sdn:32746"], "the listed company's registration number");
        assert!(s.hits.iter().all(|h| h.path.starts_with(tx2)), "{:?}", hits(&s));
        assert_eq!(s.fields_screened, 41, "with the accounts' IBANs");
    }

    #[test]
    fn a_remittance_text_naming_a_listed_company_is_review_with_its_span() {
        let (_, s) = screened("pacs008_remittance_listed_company.xml");
        assert_eq!(s.decision, Decision::Review);
        assert_eq!(
            hits(&s),
            [(
                "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/RmtInf/Ustrd[1]",
                Decision::Review,
                "BELARUSKALI".to_string()
            )]
        );
        assert_eq!(s.hits[0].span, (19, 30));
    }

    #[test]
    fn a_clean_message_is_clear_with_every_field_screened() {
        let (m, s) = screened("pacs008_clean.xml");
        assert_eq!((s.decision, s.hits.len()), (Decision::Clear, 0));
        assert_eq!(s.fields_screened, m.fields.len());
        assert_eq!(s.fields_screened, 13, "2 names, 4 agent BICs, 4 address texts, 1 remittance text, 2 IBANs");
    }

    #[test]
    fn a_pacs009_cov_hits_in_the_cover_and_in_the_underlying_transfer() {
        let (_, s) = screened("pacs009_cov.xml");
        assert_eq!(s.decision, Decision::Block);
        let tx = "/Envelope/Document/FICdtTrf/CdtTrfTxInf[1]";
        assert_eq!(entity_ids(hit(&s, &format!("{tx}/IntrmyAgt1/FinInstnId/BICFI"))), ["us-ofac-sdn:34749"]);
        let creditor = hit(&s, &format!("{tx}/UndrlygCstmrCdtTrf/Cdtr/Nm"));
        assert_eq!((creditor.screening.decision, creditor.role), (Decision::Block, Some(Role::Creditor)));
        let text = hit(&s, &format!("{tx}/UndrlygCstmrCdtTrf/InstrForCdtrAgt[1]/InstrInf"));
        assert_eq!(text.screening.decision, Decision::Review);
        assert_eq!(text.span, (7, 13), "NAFTAN");
        assert_eq!(s.hits.len(), 3, "{:?}", hits(&s));
    }

    #[test]
    fn a_pain001_blocks_only_the_payment_to_the_listed_company() {
        let (_, s) = screened("pain001_payments.xml");
        assert_eq!(
            hits(&s),
            [(
                "/Document/CstmrCdtTrfInitn/PmtInf[2]/CdtTrfTxInf[1]/Cdtr/Nm",
                Decision::Block,
                "GRODNO AZOT".to_string()
            )]
        );
    }

    #[test]
    fn an_mt103_option_f_blocks_the_listed_ordering_customer() {
        let (_, s) = screened("mt103_option_f.fin");
        assert_eq!(hits(&s), [(":50F:1/", Decision::Block, "LUKASHENKO VIKTOR ALEKSANDROVICH".to_string())]);
        let dob = s.hits[0].screening.matches[0].features.iter().find(|f| f.feature == "date_of_birth").expect("dob");
        assert_eq!(dob.outcome, crate::matcher::features::Outcome::Match);
    }

    #[test]
    fn an_mt103_option_k_blocks_the_wrapped_creditor_and_the_listed_bic_and_reviews_field_72() {
        let (_, s) = screened("mt103_option_k.fin");
        assert_eq!(
            hits(&s),
            [
                (":57A:", Decision::Block, "BLBBBY2X".to_string()),
                (":59:", Decision::Block, "OPEN JOINT STOCK COMPANY BELAVIA BELARUSIAN AIRLINES".to_string()),
                (":72:", Decision::Review, "BELARUSKALI".to_string()),
            ]
        );
        assert_eq!(entity_ids(&s.hits[1]), ["us-ofac-sdn:44541"]);
    }

    #[test]
    fn an_mt202cov_blocks_the_listed_intermediary_and_the_underlying_creditor() {
        let (_, s) = screened("mt202cov.fin");
        assert_eq!(
            hits(&s),
            [
                (":56A:", Decision::Block, "MMBNBY22".to_string()),
                ("B/:59:", Decision::Block, "NAFTAN OJSC".to_string())
            ]
        );
    }

    #[test]
    fn a_message_with_too_many_fields_is_refused_as_too_large() {
        let tx = "<CdtTrfTxInf><Cdtr><Nm>Jane Doe</Nm></Cdtr></CdtTrfTxInf>";
        let xml = format!("<Document><FIToFICstmrCdtTrf>{}</FIToFICstmrCdtTrf></Document>", tx.repeat(MAX_FIELDS + 1));
        assert!(matches!(parse(&xml, Format::Iso20022), Err(MessageError::TooLarge(_))));
    }

    #[test]
    fn a_name_with_control_characters_is_refused_naming_its_path() {
        let xml = "<Document><FIToFICstmrCdtTrf><CdtTrfTxInf><Cdtr><Nm>Jane&#x7;Doe</Nm></Cdtr></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>";
        let e = parse(xml, Format::Detect).expect_err("refused").to_string();
        assert_eq!(e, "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Cdtr/Nm: contains control characters");
    }

    /// Screens a message given inline.
    fn screened_text(text: &str) -> Screened {
        let m = parse(text, Format::Detect).unwrap_or_else(|e| panic!("{e}: {text}"));
        screen(&snapshot(), &m, &Thresholds::default()).expect("screens")
    }

    /// An MT103 with the given block 4 fields (each line of `fields` a line of the message).
    fn mt103(fields: &str) -> String {
        format!(
            "{{1:F01COBADEFFAXXX0000000000}}{{2:I103RZBAATWWXXXXN}}{{4:\n:20:REF1\n:23B:CRED\n:32A:250312EUR100,00\n\
             :50K:/DE44500105175407324931\nMUELLER MASCHINENBAU GMBH\n{fields}\n:71A:SHA\n-}}"
        )
    }

    /// A pacs.008 with one transaction holding `inner` (creditor and what follows it).
    fn pacs008(inner: &str) -> String {
        format!(
            "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf><GrpHdr><MsgId>M1</MsgId></GrpHdr>\
             <CdtTrfTxInf><Dbtr><Nm>Mueller Maschinenbau GmbH</Nm></Dbtr>{inner}</CdtTrfTxInf></FIToFICstmrCdtTrf></Document>"
        )
    }

    fn flagged_ids(s: &Screened, path_end: &str) -> Vec<String> {
        s.hits.iter().filter(|h| h.path.ends_with(path_end)).flat_map(entity_ids).collect()
    }

    #[test]
    fn free_text_wrapped_inside_a_word_is_read_joined() {
        // MT 70 cut inside a word short of the line's width, and 72's `//` continuation.
        let s = screened_text(&mt103(
            ":59:/BY86AKBB1010\nHANSE LOGISTIK GMBH\n:70:PAYMENT FOR INVOICE 123 TO BELARUS\nKALI OAO",
        ));
        assert!(flagged_ids(&s, ":70:").contains(&"us-ofac-sdn:32746".to_string()), "{:?}", hits(&s));
        let s = screened_text(&mt103(
            ":59:/BY86AKBB1010\nHANSE LOGISTIK GMBH\n:72:/REC/BENEFICIARY PETR PETROVICH MIKL\n//ASHEVICH",
        ));
        assert_eq!(s.decision, Decision::Block, "{:?}", hits(&s));
        assert_eq!(hits(&s), [(":72:", Decision::Block, "PETR PETROVICH MIKLASHEVICH".to_string())]);
        // Two Ustrd elements: read as one text too, the entity reported once.
        let s = screened_text(&pacs008(
            "<Cdtr><Nm>Hanse Logistik GmbH</Nm></Cdtr><RmtInf><Ustrd>PAYMENT FOR INVOICE 123 TO BELARUS</Ustrd><Ustrd>KALI OAO</Ustrd></RmtInf>",
        ));
        assert!(flagged_ids(&s, "/RmtInf/Ustrd").contains(&"us-ofac-sdn:32746".to_string()), "{:?}", hits(&s));
        assert_eq!(s.hits.iter().filter(|h| entity_ids(h).contains(&"us-ofac-sdn:32746".to_string())).count(), 1);
    }

    #[test]
    fn words_split_at_a_line_end_are_not_read_as_the_start_of_a_wrapped_word() {
        let s =
            screened_text(&mt103(":59:/BY86AKBB1010\nHANSE LOGISTIK GMBH\n:70:INVOICE 7 FREIGHT TO\nMINSK WAREHOUSE"));
        assert_eq!(s.decision, Decision::Clear, "{:?}", hits(&s));
        let full = "PAYMENT FOR INVOICE 123 TO BELARUS";
        assert_eq!(wrapped_text(&[full, "KALI OAO"], &[35]), "PAYMENT FOR INVOICE 123 TO BELARUSKALI OAO");
        // A short line ends at a space, whatever follows; so does a full one before a sign.
        assert_eq!(wrapped_text(&["SUBJECT TO PRIOR", "BANK APPROVAL"], &[35]), "SUBJECT TO PRIOR BANK APPROVAL");
        assert_eq!(wrapped_text(&[full, "/MINSK"], &[35]), "PAYMENT FOR INVOICE 123 TO BELARUS /MINSK");
    }

    #[test]
    fn a_byte_order_mark_before_an_mt_message_is_no_part_of_it() {
        let mt = mt103(":59:/BY86AKBB1010\nHANSE LOGISTIK GMBH");
        let m = parse(&format!("\u{feff}{mt}"), Format::Detect).expect("parsed");
        assert_eq!(m, parse(&mt, Format::SwiftMt).expect("parsed"));
        assert!(parse(&format!("\u{feff}{mt}"), Format::SwiftMt).is_ok());
    }

    #[test]
    fn a_full_line_that_ends_between_words_is_also_read_so() {
        // 34 characters ending at a word's end: joined, and also read with the space.
        let first = "/INV/2024-113 PAYMENT TO KHAZALBEK";
        assert_eq!(first.len(), 34);
        let (glued, spaced) = wrapped_readings(&[first, "BAKHTIBEKOVICH ATABEKOV FOR GOODS"], &[35]);
        assert_eq!(glued, "/INV/2024-113 PAYMENT TO KHAZALBEKBAKHTIBEKOVICH ATABEKOV FOR GOODS");
        let (spaced, breaks) = spaced.expect("joined once");
        assert_eq!(spaced, "/INV/2024-113 PAYMENT TO KHAZALBEK BAKHTIBEKOVICH ATABEKOV FOR GOODS");
        assert_eq!(breaks, [34]);
        let s = screened_text(&mt103(&format!(
            ":59:/BY86AKBB1010\nHANSE LOGISTIK GMBH\n:70:{first}\nBAKHTIBEKOVICH ATABEKOV FOR GOODS"
        )));
        assert_eq!(s.decision, Decision::Block, "{:?}", hits(&s));
        // A name whose legal form begins the next line: its words before the break are read as
        // such in this reading alone.
        let s = screened_text(&mt103(
            ":59:/BY86AKBB1010\nHANSE LOGISTIK GMBH\n:70:/INV/2024-113 PAYMENT TO GRODNO AZOT\nOAO CONTRACT 7",
        ));
        assert_ne!(s.decision, Decision::Clear, "{:?}", hits(&s));
        // A word cut at the line's end: the entity the joined reading finds is reported once.
        let s = screened_text(&mt103(
            ":59:/BY86AKBB1010\nHANSE LOGISTIK GMBH\n:70:PAYMENT FOR INVOICE 123 TO BELARUS\nKALI OAO",
        ));
        let mut ids = flagged_ids(&s, ":70:");
        assert!(ids.contains(&"us-ofac-sdn:32746".to_string()), "{:?}", hits(&s));
        ids.sort();
        assert!(ids.windows(2).all(|w| w[0] != w[1]), "{:?}", hits(&s));
    }

    #[test]
    fn names_and_identifiers_outside_the_parties_are_screened() {
        let s = screened_text(&pacs008(
            "<Cdtr><Nm>Hanse Logistik GmbH</Nm></Cdtr><CdtrAcct><Id><IBAN>BY86AKBB10100000002966000000</IBAN></Id>\
             <Nm>BELARUSKALI OAO</Nm></CdtrAcct><Tax><Cdtr><TaxId>600122610</TaxId></Cdtr></Tax>\
             <RmtInf><Strd><Invcr><Nm>KIDMA TECH OJSC</Nm></Invcr></Strd></RmtInf>",
        ));
        assert!(flagged_ids(&s, "/CdtrAcct/Nm").contains(&"us-ofac-sdn:32746".to_string()), "{:?}", hits(&s));
        assert!(flagged_ids(&s, "/Invcr/Nm").contains(&"us-ofac-sdn:33397".to_string()), "{:?}", hits(&s));
        assert_eq!(flagged_ids(&s, "/Tax/Cdtr/TaxId"), ["us-ofac-sdn:32746"], "{:?}", hits(&s));
    }

    #[test]
    fn identifiers_and_names_with_numbers_are_found_in_free_text() {
        let s = screened_text(&mt103(":59:/BY86AKBB1010\nHANSE LOGISTIK GMBH\n:72:/INS/BLBBBY2X"));
        let h = hit(&s, ":72:");
        assert_eq!(h.screening.decision, Decision::Review, "a mention: {:?}", hits(&s));
        assert_eq!(hits(&s), [(":72:", Decision::Review, "BLBBBY2X".to_string())]);
        let s = screened_text(&pacs008(
            "<Cdtr><Nm>Hanse Logistik GmbH</Nm></Cdtr><RmtInf><Ustrd>SPARE PARTS FOR 140 REPAIR PLANT</Ustrd></RmtInf>",
        ));
        let ids = flagged_ids(&s, "/Ustrd[1]");
        assert!(ids.iter().any(|id| id.starts_with("us-ofac-sdn:")), "{:?}", hits(&s));
        // Ordinary numbers are no identifiers and begin no name.
        let s = screened_text(&pacs008(
            "<Cdtr><Nm>Hanse Logistik GmbH</Nm></Cdtr><RmtInf><Ustrd>INVOICE 600122 OF 2025 LOT 140</Ustrd></RmtInf>",
        ));
        assert_eq!(s.decision, Decision::Clear, "{:?}", hits(&s));
    }

    #[test]
    fn an_iso_name_with_its_address_or_with_mt_lines_joined_by_a_space_is_found() {
        let s = screened_text(&pacs008("<Cdtr><Nm>KIDMA TECH OJSC, UL. LENINA 1, 220030 MINSK, BELARUS</Nm></Cdtr>"));
        assert!(flagged_ids(&s, "/Cdtr/Nm").contains(&"us-ofac-sdn:33397".to_string()), "{:?}", hits(&s));
        // 35 characters, a space, the rest: an MT name's two lines.
        let s = screened_text(&pacs008("<Cdtr><Nm>OPEN JOINT STOCK COMPANY BELARUSKAL I</Nm></Cdtr>"));
        assert_eq!(s.decision, Decision::Block, "{:?}", hits(&s));
    }

    #[test]
    fn an_mt_name_line_is_read_alone_only_to_block() {
        // A full first line alone reads as a name cut at 35 characters: a REVIEW of every listed
        // company it begins. With its next line it is an unlisted name.
        let s = screened_text(&mt103(":59:/BY86AKBB1010\nOPEN JOINT STOCK COMPANY BELARUSIAN\nDAIRY COMPANY\nMINSK"));
        assert_eq!(s.decision, Decision::Clear, "{:?}", hits(&s));
        // A name of three lines (two of them full), after a line of `C/O`.
        let s = screened_text(&mt103(
            ":59:/BY86AKBB1010\nC/O\nBELAERONAVIGATSIA REPUBLICAN UNITAR\nY AIR NAVIGATION SERVICES ENTERPRIS\nE\nMINSK",
        ));
        let h = hit(&s, ":59:");
        assert_eq!(h.screening.decision, Decision::Block, "{:?}", hits(&s));
        assert!(entity_ids(h).iter().any(|id| id.starts_with("uk-ofsi:")), "{:?}", entity_ids(h));
    }

    #[test]
    fn an_mt_name_wrapped_between_words_is_read_over_its_lines() {
        let s =
            screened_text(&mt103(":59:/BY86AKBB1010\nOPEN JOINT STOCK COMPANY BELAVIA\nBELARUSIAN AIRLINES\nMINSK"));
        assert_eq!(hit(&s, ":59:").screening.decision, Decision::Block, "{:?}", hits(&s));
    }

    #[test]
    fn words_cut_or_run_together_at_line_ends_raise_no_mention() {
        // `AMOUN` / `T` on a short line is read with a space, and `AMOUN` alone is not the
        // four-letter OMON; two ordinary words are not glued into a listed name.
        let s = screened_text(&mt103(
            ":59:/BY86AKBB1010\nHANSE LOGISTIK GMBH\n:70:/RFB/ORDER 5531 TOTAL AMOUN\nT EUR 4500,00",
        ));
        assert_eq!(s.decision, Decision::Clear, "{:?}", hits(&s));
        let s = screened_text(&pacs008(
            "<Cdtr><Nm>Hanse Logistik GmbH</Nm></Cdtr><RmtInf><Ustrd>INVOICE 4471 SUBJECT TO STATUS</Ustrd><Ustrd>BANK APPROVAL</Ustrd></RmtInf>",
        ));
        assert!(s.hits.iter().all(|h| !h.path.ends_with("/RmtInf/Ustrd")), "{:?}", hits(&s));
        // Two words of text that make one listed word are a mention, not a party.
        let s = screened_text(&pacs008(
            "<Cdtr><Nm>Hanse Logistik GmbH</Nm></Cdtr><RmtInf><Ustrd>INTER SERVICE CHARGES MARCH</Ustrd></RmtInf>",
        ));
        assert!(s.decision <= Decision::Review, "{:?}", hits(&s));
    }

    #[test]
    fn remittance_identifiers_and_many_lines_are_screened_within_bounds() {
        // An invoicee's registration number, and a listed tax number written with its dash.
        let s = screened_text(&pacs008(
            "<Cdtr><Nm>Hanse Logistik GmbH</Nm></Cdtr><RmtInf><Strd><Invcee><Id><OrgId><Othr><Id>600122610</Id></Othr></OrgId></Id></Invcee></Strd>\
             <Ustrd>TAX 52-2083095</Ustrd></RmtInf>",
        ));
        assert_eq!(flagged_ids(&s, "/Invcee/Id/OrgId/Othr[1]/Id"), ["us-ofac-sdn:32746"], "{:?}", hits(&s));
        assert!(s.hits.iter().any(|h| h.path.ends_with("/Ustrd[1]")), "{:?}", hits(&s));
        // Thirty full `Ustrd` are read in pairs, each within a text's bounds.
        let line = "INVOICE 2025-17 SPARE PARTS ".repeat(5);
        let ustrd = format!("<Ustrd>{}</Ustrd>", &line[..140]).repeat(30);
        let s = screened_text(&pacs008(&format!("<Cdtr><Nm>Hanse Logistik GmbH</Nm></Cdtr><RmtInf>{ustrd}</RmtInf>")));
        assert_eq!(s.decision, Decision::Clear, "{:?}", hits(&s));
    }
}
