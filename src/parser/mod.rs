//! Parsers from each publisher's official format into the entity model. One module per format;
//! each takes the raw bytes read by [`crate::source`] and returns every entity of the publication
//! (in scope or not: scope is applied by the index, so status can report both counts).

mod ca_sema;
mod eu_fsf;
mod jp_mof;
mod ofac_sdn;
mod uk_fcdo;
mod uk_ofsi;
mod xml;

use crate::model::{Entity, SourceKind};
use crate::source::RawPublication;

/// Why a publication could not be read. Always names the file and, where there is one, the
/// line or record, so an operator can open the file at the right place.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("{file}, line {line}: {message}")]
    Line { file: String, line: u64, message: String },
    #[error("{file}: {message}")]
    File { file: String, message: String },
}

/// An XML publication's text: UTF-8, and without the control characters XML 1.0 forbids (a NUL
/// inside a Canadian name, round 25, was read as part of the name and the file accepted: a
/// well-formed publication has none). `not_format` ends the UTF-8 refusal (`: not an FCDO list`).
pub(super) fn xml_text<'a>(file: &str, bytes: &'a [u8], not_format: &str) -> Result<&'a str, ParseError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ParseError::line(file, line_at(bytes, e.valid_up_to()), format!("not UTF-8 text ({e}){not_format}"))
    })?;
    if let Some(pos) = bytes.iter().position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) {
        return Err(ParseError::line(
            file,
            line_at(bytes, pos),
            format!("not well-formed XML: control character U+{:04X}, which XML does not allow", bytes[pos]),
        ));
    }
    Ok(text)
}

/// Refuses a CSV publication holding a NUL byte: a publisher's file has none, and a run of them is
/// the hole an interrupted write, a crash or a preallocating download leaves. Read as CSV, the
/// hole swallows the records it fell on and the rest parses: an outside test (round 32) had 14 of
/// OFAC's Belarus entities silently dropped so, a listed commission answered CLEAR.
pub(super) fn refuse_nul(file: &str, bytes: &[u8]) -> Result<(), ParseError> {
    let Some(pos) = bytes.iter().position(|&b| b == 0) else { return Ok(()) };
    let run = bytes[pos..].iter().take_while(|&&b| b == 0).count();
    Err(ParseError::line(
        file,
        line_at(bytes, pos),
        format!(
            "{run} NUL byte(s) from byte {pos}: a hole an interrupted write or download leaves, not text a \
             publisher writes; fetch the file again"
        ),
    ))
}

/// The line (from 1) of a byte position.
pub(super) fn line_at(bytes: &[u8], pos: usize) -> u64 {
    1 + bytes[..pos.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() as u64
}

impl ParseError {
    pub(crate) fn line(file: &str, line: u64, message: impl Into<String>) -> ParseError {
        ParseError::Line { file: file.to_string(), line, message: message.into() }
    }
    pub(crate) fn file(file: &str, message: impl Into<String>) -> ParseError {
        ParseError::File { file: file.to_string(), message: message.into() }
    }
}

/// What a parser found in one publication.
#[derive(Debug, Clone)]
pub struct ParsedList {
    pub entities: Vec<Entity>,
    /// Publication date when the file states one (YYYY-MM-DD).
    pub list_date: Option<String>,
    /// When the file states its time of publication more precisely than `list_date` (the EU's
    /// `generationDate`); otherwise the list date's midnight UTC is the publication time.
    pub published: Option<time::OffsetDateTime>,
}

impl ParsedList {
    /// When the publication says it was published: `published`, else `list_date` at 00:00 UTC.
    pub fn publication_time(&self) -> Option<time::OffsetDateTime> {
        self.published.or_else(|| {
            let d = crate::model::PartialDate::parse_iso(self.list_date.as_deref()?)?;
            let month = time::Month::try_from(d.month?).ok()?;
            let date = time::Date::from_calendar_date(i32::from(d.year), month, d.day?).ok()?;
            Some(date.midnight().assume_utc())
        })
    }
}

// The reader (`source`) knows nothing of formats; what a parser expects of the files is here.
impl RawPublication {
    /// The one file of a single-file publication.
    pub fn single(&self) -> Result<&[u8], ParseError> {
        match self.files.as_slice() {
            [f] => Ok(&f.bytes),
            _ => Err(ParseError::file(&self.location, "expected exactly one file")),
        }
    }
}

/// Parses a publication with the parser of its kind.
///
/// A parser that panics on some publication is a defect in screener, yet it must not take the
/// reload (every other source's update with it) or the start down: the publication is refused as
/// any other it cannot read, and the previous one keeps serving.
pub fn parse(kind: SourceKind, publication: &RawPublication) -> Result<ParsedList, ParseError> {
    refusing_panics(&publication.describe(), || parse_unguarded(kind, publication))
}

fn refusing_panics(
    file: &str,
    parse: impl FnOnce() -> Result<ParsedList, ParseError>,
) -> Result<ParsedList, ParseError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse)).unwrap_or_else(|_| {
        Err(ParseError::file(
            file,
            "the parser failed on this publication (a defect in screener: the log has where; please report it)",
        ))
    })
}

fn parse_unguarded(kind: SourceKind, publication: &RawPublication) -> Result<ParsedList, ParseError> {
    if let Some(f) = publication.files.iter().find(|f| f.bytes.iter().all(|b| b.is_ascii_whitespace() || *b == 0x1A)) {
        return Err(ParseError::file(&f.path, "the file is empty"));
    }
    let parsed = match kind {
        SourceKind::CaSema => ca_sema::parse(publication)?,
        SourceKind::UsOfacSdn => ofac_sdn::parse(publication)?,
        SourceKind::UkOfsi => uk_ofsi::parse(publication)?,
        SourceKind::UkFcdo => uk_fcdo::parse(publication)?,
        SourceKind::EuFsf => eu_fsf::parse(publication)?,
        SourceKind::JpMof => jp_mof::parse(publication)?,
    };
    if parsed.entities.is_empty() {
        return Err(ParseError::file(&publication.describe(), "no entities found: the publication is empty"));
    }
    // An id stands for one listed entity (matches, the change feed and delisting all go by it).
    // The same id twice is a file spliced or concatenated by mistake, or a format the parser
    // misreads: served, the copies would crowd other lists' matches out of an answer, and the
    // shrink gate would then refuse the correct file as a loss. Parsers that read one row per
    // name (OFSI, Japan) merge their rows by id before this point.
    let mut ids: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for e in &parsed.entities {
        *ids.entry(e.id.as_str()).or_default() += 1;
    }
    let mut repeated: Vec<(&str, usize)> = ids.into_iter().filter(|(_, n)| *n > 1).collect();
    if !repeated.is_empty() {
        repeated.sort_unstable();
        let shown: Vec<String> = repeated.iter().take(3).map(|(id, n)| format!("{id} ({n} times)")).collect();
        return Err(ParseError::file(
            &publication.describe(),
            format!(
                "{} entity ids are listed more than once ({}{}): refused as a spliced or misread publication",
                repeated.len(),
                shown.join(", "),
                if repeated.len() > 3 { ", …" } else { "" }
            ),
        ));
    }
    // Every list screener reads has Belarus entries: one without any is far more likely a format
    // the parser misreads (a renamed regime element, a moved programme code) than a real list,
    // and serving it would answer CLEAR for everyone the regime lists.
    if !parsed.entities.iter().any(|e| e.belarus) {
        return Err(ParseError::file(
            &publication.describe(),
            format!(
                "{} entities but none in the Belarus regime: refused as a likely format change (see the README's \
                 table of sources for how each list marks the regime)",
                parsed.entities.len()
            ),
        ));
    }
    Ok(parsed)
}

/// Splits a Canada/OFAC style free-text alias field into names, dropping language labels such as
/// `Belarusian:` or `Russian :`.
pub(crate) fn split_aliases(text: &str) -> Vec<String> {
    text.split([',', ';', '/', '\n'])
        .map(crate::normalize::strip_label)
        .map(|s| s.trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '.').to_string())
        .filter(|s| s.chars().any(char::is_alphabetic))
        .collect()
}

/// Removes parenthesised asides from a name and returns them separately: `Alfa-Bank ZAO
/// (Belarus)` → (`Alfa-Bank ZAO`, [`Belarus`]). Callers decide whether an aside is an alias.
pub(crate) fn split_parenthesised(s: &str) -> (String, Vec<String>) {
    let mut main = String::new();
    let mut asides = Vec::new();
    let mut depth = 0usize;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' => {
                depth += 1;
                if depth == 1 {
                    cur.clear();
                    continue;
                }
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    asides.push(cur.trim().to_string());
                    main.push(' ');
                    continue;
                }
            }
            _ => {}
        }
        if depth == 0 {
            main.push(c);
        } else {
            cur.push(c);
        }
    }
    (crate::model::clean_spaces(&main), asides)
}

/// If an aside introduces another name (`also known as X`, `formerly X`), returns that name.
pub(crate) fn aside_alias(aside: &str) -> Option<&str> {
    // Compared by the prefix's own ASCII bytes: lowercasing the whole aside first can change its
    // length (the Kelvin sign `K` is three bytes, its lowercase `k` one), and the rest would then
    // be cut inside a letter.
    for prefix in ["also known as", "a.k.a.", "aka", "formerly known as", "formerly", "f.k.a.", "previously"] {
        if aside.get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix)) {
            let rest = aside.get(prefix.len()..)?.trim_start_matches([':', ' ', ',']);
            return (!rest.is_empty()).then_some(rest);
        }
    }
    None
}

/// Turns a CSV reader's byte offsets into 1-based line numbers, counting forward only (so a whole
/// file costs one pass). The reader's position before a record is just after the previous
/// record's terminator, so blank line ends there are skipped.
pub(crate) struct Lines<'a> {
    text: &'a [u8],
    byte: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Lines<'a> {
        Lines { text: text.as_bytes(), byte: 0, line: 1 }
    }

    pub(crate) fn at(&mut self, byte: u64) -> u64 {
        let mut target = (byte as usize).min(self.text.len());
        while target < self.text.len() && matches!(self.text[target], b'\r' | b'\n') {
            target += 1;
        }
        if target > self.byte {
            self.line += self.text[self.byte..target].iter().filter(|b| **b == b'\n').count() as u64;
            self.byte = target;
        }
        self.line
    }
}

/// Whether CSV text ends inside a quoted field: the publication was cut (or is still being
/// written) in the middle of a field. The `csv` reader accepts such a file silently, returning
/// the cut field as if it were whole, so completeness has to be checked apart from parsing. A
/// quote opens a quoted field only at a field's start; inside one, `""` is a literal quote.
pub(crate) fn ends_inside_quotes(text: &[u8]) -> bool {
    let mut quoted = false;
    let mut field_start = true;
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        i += 1;
        if quoted {
            if b == b'"' {
                if text.get(i) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        match b {
            b'"' if field_start => {
                quoted = true;
                field_start = false;
            }
            b',' | b'\n' | b'\r' => field_start = true,
            _ => field_start = false,
        }
    }
    quoted
}

/// Months as the OFAC remarks write them (`30 Aug 1954`).
pub(crate) fn month_number(s: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let s = s.to_ascii_lowercase();
    MONTHS.iter().position(|m| s.starts_with(m)).map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_drop_language_labels() {
        let a = split_aliases("Belarusian: Генадзь Iванавiч Кудласевiч, Russian : Геннадий Иванович Кудласевич");
        assert_eq!(a, vec!["Генадзь Iванавiч Кудласевiч", "Геннадий Иванович Кудласевич"]);
    }

    #[test]
    fn cut_inside_a_quoted_field_is_seen() {
        assert!(!ends_inside_quotes(b"1,\"a, b\",c\r\n2,\"say \"\"hi\"\"\",d\r\n"));
        assert!(ends_inside_quotes(b"1,\"a, b\",c\r\n2,\"say \"\"hi"));
        assert!(ends_inside_quotes(b"1,\"multi\r\nline"));
        // A quote inside an unquoted field is a literal one.
        assert!(!ends_inside_quotes(b"1,O\"Brien,c\n"));
    }

    #[test]
    fn a_parser_that_panics_refuses_the_publication() {
        let e = refusing_panics("x.csv", || panic!("a defect")).unwrap_err();
        assert!(e.to_string().starts_with("x.csv: the parser failed on this publication"), "{e}");
    }

    #[test]
    fn parenthesised_asides_are_split() {
        let (m, a) = split_parenthesised("Yaroslavsky Plant (also known as Yaroslavl Factory)");
        assert_eq!(m, "Yaroslavsky Plant");
        assert_eq!(aside_alias(&a[0]), Some("Yaroslavl Factory"));
        // A prefix is matched by its own letters: a Kelvin sign (three bytes, lowercased to one)
        // or a short Cyrillic aside is no alias and no reason to panic.
        assert_eq!(aside_alias("a\u{212A}a Minsk"), None);
        assert_eq!(aside_alias("ОАО"), None);
        assert_eq!(aside_alias("AKA: Minsk Plant"), Some("Minsk Plant"));
    }
}
