//! Listed names inside free text: remittance information, purposes, instructions, address
//! lines ("INV 42 POTASH FROM BELARUSKALI VIA ...").
//!
//! The text is cut into words; a listed name can only begin and end at a word that resembles a
//! listed word ([`crate::matcher::text::resembles_listed_word`]), so only the stretches between
//! two such words (at most [`MAX_WINDOW_WORDS`] words besides `of`, `the` and their like) are
//! screened, each as a name of any type.
//! A mention in text is weaker evidence than a name in a party field, and many stretches are
//! tried where a party field is one: so
//!
//! - a stretch of one word counts only when it is a whole listed name (legal forms aside), has at
//!   least [`MIN_SINGLE_WORD_LETTERS`] letters and is not a country's name: the word "Belarus", a
//!   first name, an acronym or a common word alone never hits;
//! - a hit is REVIEW, and BLOCK only when the evidence is as strong as a BLOCK name match in a
//!   party field: the match would BLOCK there, and the stretch has at least two words besides
//!   legal forms (a listed company's one-word name in a remittance text is a mention to look at,
//!   not a party).
//!
//! Each listed entity is reported once per text, with the stretch that scored best (the shorter
//! on a tie), as a span of characters.

use crate::index::Snapshot;
use crate::matcher::{self, is_legal_form, listed_size, Decision, MatchResult, Query, Screening, Thresholds};

use super::MessageError;

/// Most words of a stretch screened, besides the words that join a name's ([`CONNECTORS`]): the
/// longest listed names (`Main Economic Department of the Administration of the President of
/// the Republic of Belarus`) have this many. Counted in all words, six had left every listed name
/// of seven or more CLEAR in a remittance text (round 29: `PAYMENT TO NATIONAL BANK OF THE
/// REPUBLIC OF BELARUS`).
pub const MAX_WINDOW_WORDS: usize = 8;
/// Most words of a stretch, joining words included.
pub const MAX_STRETCH_WORDS: usize = 16;
/// Words that join the words of a long name (lower case), which the stretch's length does not
/// count.
const CONNECTORS: &[&str] = &["of", "the", "and", "for", "de", "des", "du", "la", "le", "der", "и", "по", "при", "в"];
/// A one-word stretch shorter than this never hits: short words ("LOT", "LAT") meet listed
/// acronyms by sound, and an acronym alone in a text names no one.
pub const MIN_SINGLE_WORD_LETTERS: usize = 5;
/// Stretches screened per message at most. A text full of name-like words costs a screening per
/// stretch; beyond this a message is refused rather than served slowly.
pub const MAX_WINDOWS_PER_MESSAGE: usize = 4_096;

/// The stretches screened so far in one message.
#[derive(Debug, Default)]
pub struct Budget {
    windows: usize,
}

/// One stretch of text that hit.
#[derive(Debug, Clone)]
pub struct Found {
    /// Characters of the text, from its start.
    pub span: (usize, usize),
    pub screening: Screening,
}

/// A word: byte range and character range in the text.
#[derive(Debug, Clone, Copy)]
struct Word {
    bytes: (usize, usize),
    chars: (usize, usize),
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    let mut chars = 0;
    for (i, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || matches!(c, '\'' | '’' | 'ʼ');
        match (in_word, start) {
            (true, None) => start = Some((i, chars)),
            (false, Some((b, ch))) => {
                out.push(Word { bytes: (b, i), chars: (ch, chars) });
                start = None;
            }
            _ => {}
        }
        chars += 1;
    }
    if let Some((b, ch)) = start {
        out.push(Word { bytes: (b, text.len()), chars: (ch, chars) });
    }
    out
}

/// A country's name or code alone ("Belarus", "BY") names no one.
fn is_country(word: &str) -> bool {
    let key = crate::normalize::country_key(word);
    key.len() == 2 && key.chars().all(|c| c.is_ascii_uppercase())
}

/// A word of free text that may be an identifier: a BIC's shape (six letters, then two or five
/// letters or digits), or six or more letters and digits with a digit among them (registration,
/// tax and passport numbers). Words of letters alone are names, not identifiers.
fn identifier_in_text(word: &str) -> Option<crate::model::Identifier> {
    use crate::model::{IdKind, Identifier};
    let b = word.as_bytes();
    if !b.iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    let bic = crate::model::is_bic_shaped(word);
    let number = b.len() >= 6 && b.iter().any(u8::is_ascii_digit);
    match (bic, number) {
        (true, _) => Some(Identifier { kind: IdKind::Bic, value: word.to_string() }),
        (false, true) => Some(Identifier { kind: IdKind::Other, value: word.to_string() }),
        _ => None,
    }
}

/// Listed names found inside `text`, one entry per stretch that hit. With `breaks` (characters of
/// `text` where a space stands for a line's end, see `message::Content::Rewrapped`), only
/// stretches that span or touch one are read: the rest are the other reading's, while one that
/// ends at a break (`GRODNO AZOT` before `OAO`, which the other reading joined into `AZOTOAO`)
/// exists in this reading alone.
pub fn scan(
    snapshot: &Snapshot,
    text: &str,
    thresholds: &Thresholds,
    budget: &mut Budget,
    breaks: &[usize],
) -> Result<Vec<Found>, MessageError> {
    let spans_a_break =
        |start: usize, end: usize| breaks.is_empty() || breaks.iter().any(|&b| start <= b + 1 && b <= end);
    let words = words(text);
    let mut near = Vec::new();
    let anchors: Vec<bool> = words
        .iter()
        .map(|w| {
            let s = &text[w.bytes.0..w.bytes.1];
            if s.chars().all(|c| c.is_ascii_digit()) {
                // A number begins or ends a name only where a listed name has it (`140 REPAIR
                // PLANT`): numbers in remittance texts are references and amounts.
                return snapshot.is_listed_word(s, false);
            }
            s.chars().any(char::is_alphabetic) && matcher::text::resembles_listed_word(snapshot, s, &mut near)
        })
        .collect();
    // (first word, last word, match) for every match of every stretch.
    let mut found: Vec<(usize, usize, MatchResult, String)> = Vec::new();
    let joining: Vec<bool> = words
        .iter()
        .map(|w| {
            let s = &text[w.bytes.0..w.bytes.1];
            s.len() <= 6 && CONNECTORS.iter().any(|c| s.chars().flat_map(char::to_lowercase).eq(c.chars()))
        })
        .collect();
    for i in (0..words.len()).filter(|&i| anchors[i]) {
        let mut counted = 0;
        let end = (i..words.len().min(i + MAX_STRETCH_WORDS))
            .find(|&j| {
                counted += usize::from(!joining[j]);
                counted > MAX_WINDOW_WORDS
            })
            .unwrap_or(words.len().min(i + MAX_STRETCH_WORDS));
        for j in (i..end).filter(|&j| anchors[j]) {
            if !spans_a_break(words[i].chars.0, words[j].chars.1) {
                continue;
            }
            let stretch = &text[words[i].bytes.0..words[j].bytes.1];
            if i == j
                && (is_country(stretch)
                    || stretch.chars().filter(|c| c.is_alphabetic()).count() < MIN_SINGLE_WORD_LETTERS)
            {
                continue;
            }
            budget.windows += 1;
            if budget.windows > MAX_WINDOWS_PER_MESSAGE {
                return Err(MessageError::TooLarge(format!(
                    "the message's free text has more name-like stretches than the {MAX_WINDOWS_PER_MESSAGE} a message \
                     may have screened"
                )));
            }
            let query = Query { name: stretch.to_string(), ..Default::default() };
            let screening = matcher::screen(snapshot, &query, thresholds);
            let substantive = (i..=j).filter(|&k| !is_legal_form(&text[words[k].bytes.0..words[k].bytes.1])).count();
            for mut m in screening.matches {
                let (listed_words, listed_letters) = listed_size(snapshot, &m);
                // One word alone: a whole listed name of five letters or more, as the word must
                // be (`AMOUN` at a line's end is not OMON).
                if m.decision == Decision::Clear
                    || (i == j && (m.score < thresholds.block || listed_letters < MIN_SINGLE_WORD_LETTERS))
                {
                    continue;
                }
                // Two words of text that make one listed word (`INTER SERVICE` for INTERSERVICE)
                // are as much a mention as the word: the listed name needs two words too.
                if m.decision == Decision::Block && (substantive < 2 || listed_words < 2) {
                    m.decision = Decision::Review;
                }
                if let Some(name) = m.features.iter_mut().find(|f| f.feature == "name") {
                    let detail = name.detail.to_mut();
                    if !detail.is_empty() {
                        detail.push_str("; ");
                    }
                    detail.push_str(if m.decision == Decision::Block {
                        "found inside free text"
                    } else {
                        "found inside free text: a mention, REVIEW at most unless it is a full name"
                    });
                }
                found.push((i, j, m, screening.fingerprint.clone()));
            }
        }
    }
    // Listed identifiers written in the text (`/INS/BLBBBY2X`, a registration number): a
    // mention, REVIEW at most, whatever the identifier would decide in a party's field.
    // A word, or two joined by one `-`, `/`, `.` or space as lists write identifiers
    // (`52-2083095`, `3070379H0 41PBI`).
    let candidates = words.iter().enumerate().flat_map(|(i, w)| {
        let alone = Some((i, i, text[w.bytes.0..w.bytes.1].to_string()));
        let joined = words.get(i + 1).and_then(|n| {
            let gap = &text[w.bytes.1..n.bytes.0];
            matches!(gap, "-" | "/" | "." | " ")
                .then(|| format!("{}{}", &text[w.bytes.0..w.bytes.1], &text[n.bytes.0..n.bytes.1]))
        });
        alone.into_iter().chain(joined.map(|j| (i, i + 1, j)))
    });
    for (i, end, word) in candidates {
        if !spans_a_break(words[i].chars.0, words[end].chars.1) {
            continue;
        }
        let Some(id) = identifier_in_text(&word) else { continue };
        let without_code = id.country_prefixed().map(|(_, rest)| rest);
        if std::iter::once(id.key()).chain(without_code).all(|k| snapshot.entities_with_identifier(&k).is_empty()) {
            continue;
        }
        let screening = matcher::screen(snapshot, &Query { identifiers: vec![id], ..Default::default() }, thresholds);
        for mut m in screening.matches {
            if m.decision == Decision::Clear {
                continue;
            }
            m.decision = Decision::Review;
            if let Some(f) = m.features.iter_mut().find(|f| f.feature == "identifier") {
                f.detail.to_mut().push_str("; found inside free text: a mention, REVIEW at most");
            }
            found.push((i, end, m, screening.fingerprint.clone()));
        }
    }
    // Each entity once: its best stretch, the shorter on a tie.
    found.sort_by(|a, b| {
        a.2.entity
            .cmp(&b.2.entity)
            .then(b.2.decision.cmp(&a.2.decision))
            .then(b.2.score.total_cmp(&a.2.score))
            .then((a.1 - a.0).cmp(&(b.1 - b.0)))
            .then(a.0.cmp(&b.0))
    });
    found.dedup_by(|later, first| later.2.entity == first.2.entity);
    // Grouped by stretch, in text order.
    found.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.score.total_cmp(&a.2.score)));
    let mut out: Vec<Found> = Vec::new();
    for group in found.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let (i, j) = (group[0].0, group[0].1);
        let matches: Vec<MatchResult> = group.iter().map(|g| g.2.clone()).collect();
        let decision = matches.iter().map(|m| m.decision).max().unwrap_or(Decision::Clear);
        out.push(Found {
            span: (words[i].chars.0, words[j].chars.1),
            screening: Screening { decision, fingerprint: group[0].3.clone(), matches },
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::test_lists::snapshot;

    fn hits(text: &str) -> Vec<(String, Decision, Vec<String>)> {
        let s = snapshot();
        let found = scan(&s, text, &Thresholds::default(), &mut Budget::default(), &[]).expect("scans");
        found
            .into_iter()
            .map(|f| {
                let span: String = text.chars().skip(f.span.0).take(f.span.1 - f.span.0).collect();
                let ids = f.screening.matches.iter().map(|m| s.entities[m.entity as usize].id.clone()).collect();
                (span, f.screening.decision, ids)
            })
            .collect()
    }

    #[test]
    fn words_carry_their_character_offsets() {
        let w = words("ОАО «Беларуськалий», 42");
        let spans: Vec<_> = w.iter().map(|w| w.chars).collect();
        assert_eq!(spans, [(0, 3), (5, 18), (21, 23)]);
    }

    #[test]
    fn a_listed_company_named_in_a_remittance_text_is_review_with_its_span() {
        let h = hits("INV 42 POTASH FROM BELARUSKALI VIA ROTTERDAM");
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].0, "BELARUSKALI");
        assert_eq!(h[0].1, Decision::Review);
        assert!(h[0].2.iter().any(|id| id == "us-ofac-sdn:32746"), "{h:?}");
    }

    #[test]
    fn a_listed_persons_full_name_in_free_text_blocks() {
        let h = hits("PAYMENT ON BEHALF OF ALEKSANDR GRIGORYEVICH LUKASHENKO FOR SERVICES");
        assert!(h.iter().any(|(span, d, _)| span.contains("LUKASHENKO") && *d == Decision::Block), "{h:?}");
    }

    #[test]
    fn ordinary_remittance_texts_do_not_hit() {
        for text in [
            "INVOICE 2024-0117 PAYMENT FOR GOODS DELIVERED",
            "SALARY MARCH 2025",
            "RENT FLAT 4 MINSK",
            "PAYMENT FOR POTASH FERTILIZER CONTRACT 77/2024 DELIVERY TO BELARUS",
            "Belarus",
            "MINSK",
            "REPUBLIC OF BELARUS",
            "CONSULTING SERVICES Q1, VAT INCLUDED",
            "/ROC/INV 554433 TRANSPORT AND LOGISTICS SERVICES",
            "GIFT FOR ALEKSANDR ON HIS BIRTHDAY",
            "TUITION FEES STATE UNIVERSITY",
            "REFUND OF OVERPAYMENT ORDER 12345",
            "Оплата по договору 15 за поставку товара",
            "UREA 46 PCT LOT 3",
            "CARGO 14/2025 VACUUM GAS OIL",
            "PO 88812 STEEL BRACKETS",
            "FREIGHT FEBRUARY 2025",
            "ORDER 2025-118 OAK DINING TABLE AND SIX CHAIRS",
            "INSURANCE PREMIUM POLICY 55-0192 ANNUAL",
            "LOAN REPAYMENT INSTALMENT 12 OF 36",
            "DIVIDEND PAYMENT 2024 FINAL",
            "PENSION CONTRIBUTION EMPLOYER SHARE",
            "SCHOOL TRIP DEPOSIT CLASS 4B",
            "HOTEL BOOKING 3 NIGHTS CONFERENCE",
            "SPARE PARTS FOR TRACTORS AND COMBINE HARVESTERS",
            "MEMBERSHIP FEE 2025 CHESS CLUB",
            "PAYMENT TO IVAN PETROV FOR CONSULTING",
            "NATIONAL BANK TRANSFER FEES",
            "OIL AND GAS EQUIPMENT SUPPLY",
            "BELARUSIAN STATE UNIVERSITY SCHOLARSHIP",
            "ул. Ленина 5, Минск, Беларусь",
        ] {
            assert!(hits(text).is_empty(), "{text}: {:?}", hits(text));
        }
    }
}
