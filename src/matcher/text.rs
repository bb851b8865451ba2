//! What the free-text scan of payment messages (`crate::message::free_text`) asks of the
//! matcher beyond screening a name: whether a word of text could be part of a listed name.
//!
//! A remittance text has dozens of words and a listed name may start at any of them; screening
//! every window of words would cost a hundred screenings per text. Only stretches that begin
//! and end with a word resembling a listed word can hold a listed name, and finding those words
//! is a hash lookup and a few comparisons each.

use crate::index::name_form::{Role, Token};
use crate::index::Snapshot;

use super::similarity;

/// Whether `word` (one word of free text, as written) resembles a word of some listed name
/// closely enough for scoring to pair them. Legal-form words never do: they are not retrieved
/// by. `near` is scratch space, reused across calls.
pub fn resembles_listed_word(snapshot: &Snapshot, word: &str, near: &mut Vec<u32>) -> bool {
    crate::normalize::tokens(word).iter().any(|w| {
        let mut token = Token::query(w, Role::Word, 0.0);
        let equivalents = snapshot.name_equivalents(&token.key);
        token.set_equivalents(equivalents);
        near.clear();
        snapshot.tokens_near(&token, false, near);
        near.iter()
            .any(|&ti| similarity::token_sim(&token, &snapshot.tokens[ti as usize].tok) >= similarity::MIN_TOKEN_SIM)
    })
}
