//! A name prepared for comparison: folded tokens with phonetic keys, roles and weights. Built once
//! per listed name at index build, and once per query.

use crate::model::{EntityType, Name};
use crate::normalize::{fold, is_legal_form_word, phonetic_key};

/// What a token is within its name; decides its weight and whether it may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Surname,
    Given,
    /// Optional: payments usually leave it out.
    Patronymic,
    /// An organisation's legal form: optional and nearly weightless.
    Legal,
    /// A token of an organisation's name, weighted by how distinctive it is.
    Word,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub text: String,
    pub key: String,
    pub role: Role,
    pub weight: f32,
}

impl Token {
    pub fn optional(&self) -> bool {
        matches!(self.role, Role::Patronymic | Role::Legal)
    }
}

/// Relative weights of person-name parts: a surname carries most of the identity; a different
/// given name with the same surname must fall below REVIEW.
pub const SURNAME_WEIGHT: f32 = 2.0;
pub const GIVEN_WEIGHT: f32 = 1.0;
pub const PATRONYMIC_WEIGHT: f32 = 0.6;
pub const LEGAL_WEIGHT: f32 = 0.05;

#[derive(Debug, Clone)]
pub struct NameForm {
    pub tokens: Vec<Token>,
    pub person: bool,
}

/// East Slavic patronymics (and the Belarusian `-avich`/`-auna` forms), after folding.
pub fn is_patronymic(t: &str) -> bool {
    t.len() > 5
        && [
            "vich", "vych", "vic", "ich", "vna", "una", "ichna", "ovich", "evich", "ievich", "vitch", "witsch",
            "vitsch", "ovitj",
        ]
        .iter()
        .any(|s| t.ends_with(s))
}

/// Prepares a listed name. `weight_of` gives an organisation word's weight (from its document
/// frequency across the lists).
pub fn listed(name: &Name, entity_type: EntityType, weight_of: &dyn Fn(&str) -> f32) -> NameForm {
    let person = entity_type == EntityType::Person;
    if !person {
        return org_form(&name.full, weight_of);
    }
    let mut tokens = Vec::new();
    if let Some(parts) = &name.parts {
        let given: Vec<String> = fold(&parts.given).split_whitespace().map(str::to_string).collect();
        for (i, t) in given.iter().enumerate() {
            let role = if i > 0 && is_patronymic(t) { Role::Patronymic } else { Role::Given };
            tokens.push(person_token(t, role));
        }
        for t in fold(&parts.surname).split_whitespace() {
            tokens.push(person_token(t, Role::Surname));
        }
    } else {
        let words: Vec<String> = fold(&name.full).split_whitespace().map(str::to_string).collect();
        let roles = guess_roles(&words);
        for (t, role) in words.iter().zip(roles) {
            tokens.push(person_token(t, role));
        }
    }
    NameForm { tokens, person }
}

/// Without separate parts: a patronymic is recognised by its ending; in `Surname Given
/// Patronymic` (the Russian order) the surname is first, otherwise it is last.
fn guess_roles(words: &[String]) -> Vec<Role> {
    let n = words.len();
    let mut roles = vec![Role::Given; n];
    let patronymic = (1..n).find(|&i| is_patronymic(&words[i]));
    if let Some(p) = patronymic {
        roles[p] = Role::Patronymic;
    }
    if n == 1 || (n >= 3 && patronymic == Some(n - 1)) {
        roles[0] = Role::Surname;
    } else if roles[n - 1] != Role::Patronymic {
        roles[n - 1] = Role::Surname;
    }
    roles
}

fn person_token(t: &str, role: Role) -> Token {
    let weight = match role {
        Role::Surname => SURNAME_WEIGHT,
        Role::Patronymic => PATRONYMIC_WEIGHT,
        _ => GIVEN_WEIGHT,
    };
    Token { text: t.to_string(), key: phonetic_key(t), role, weight }
}

fn org_form(full: &str, weight_of: &dyn Fn(&str) -> f32) -> NameForm {
    let tokens = fold(full)
        .split_whitespace()
        .map(|t| {
            let key = phonetic_key(t);
            if is_legal_form_word(t, &key) {
                Token { text: t.to_string(), key, role: Role::Legal, weight: LEGAL_WEIGHT }
            } else {
                Token { text: t.to_string(), weight: weight_of(&key), key, role: Role::Word }
            }
        })
        .collect();
    NameForm { tokens, person: false }
}

/// Prepares a query name. Roles are unknown, so every token counts the same, except
/// legal-form words (optional) and patronymic-looking ones (optional, since the listed name may
/// lack one).
pub fn query(name: &str, person: bool, weight_of: &dyn Fn(&str) -> f32) -> NameForm {
    if !person {
        return org_form(name, weight_of);
    }
    let words: Vec<String> = fold(name).split_whitespace().map(str::to_string).collect();
    let tokens = words
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let role = if i > 0 && is_patronymic(t) { Role::Patronymic } else { Role::Given };
            let mut tok = person_token(t, role);
            tok.weight = if role == Role::Patronymic { 0.3 } else { 1.0 };
            tok
        })
        .collect();
    NameForm { tokens, person }
}
