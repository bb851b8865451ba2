//! The one entity model every list is parsed into. Parsers fill it; the index and the matcher read
//! it and never look at a publisher's format.

use std::fmt;

/// Which publisher's format a list is in. Also the `source` reported in matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// Global Affairs Canada, Consolidated Canadian Autonomous Sanctions List (XML).
    CaSema,
    /// US Treasury OFAC SDN list, legacy CSV (SDN.CSV + ALT.CSV + ADD.CSV [+ SDN_COMMENTS.CSV]).
    UsOfacSdn,
    /// UK OFSI Consolidated List (CSV). Retired by OFSI on 28 January 2026 (no longer updated):
    /// kept for the files banks still hold; the FCDO's UK Sanctions List replaces it.
    UkOfsi,
    /// UK Sanctions List (FCDO), XML: the one UK designations list since 28 January 2026.
    UkFcdo,
    /// EU Financial Sanctions Files, consolidated list, XML 1.1.
    EuFsf,
    /// Japan Ministry of Finance, asset-freeze list (XLSX workbook).
    JpMof,
}

impl SourceKind {
    pub const ALL: [SourceKind; 6] = [
        SourceKind::CaSema,
        SourceKind::UsOfacSdn,
        SourceKind::UkOfsi,
        SourceKind::UkFcdo,
        SourceKind::EuFsf,
        SourceKind::JpMof,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::CaSema => "ca-sema",
            SourceKind::UsOfacSdn => "us-ofac-sdn",
            SourceKind::UkOfsi => "uk-ofsi",
            SourceKind::UkFcdo => "uk-fcdo",
            SourceKind::EuFsf => "eu-fsf",
            SourceKind::JpMof => "jp-mof",
        }
    }

    pub fn publisher(self) -> &'static str {
        match self {
            SourceKind::CaSema => "Global Affairs Canada (Special Economic Measures Act)",
            SourceKind::UsOfacSdn => "US Treasury, Office of Foreign Assets Control (SDN list)",
            SourceKind::UkOfsi => "HM Treasury, Office of Financial Sanctions Implementation (retired list)",
            SourceKind::UkFcdo => "Foreign, Commonwealth & Development Office (UK Sanctions List)",
            SourceKind::EuFsf => "European Commission (EU Financial Sanctions Files)",
            SourceKind::JpMof => "Ministry of Finance, Japan (asset-freeze list)",
        }
    }

    pub fn parse(s: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// The kinds as a message lists them: `ca-sema, us-ofac-sdn, …`.
    pub fn names() -> String {
        SourceKind::ALL.map(|k| k.as_str()).join(", ")
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which listed entities are screened against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Regime {
    /// Canada country Belarus; OFAC programs BELARUS, BELARUS-EO14038 and any other `BELARUS-…`; OFSI regime Belarus;
    /// FCDO regime "The Republic of Belarus Sanctions (EU Exit) Regulations 2019"; EU programme
    /// BLR; Japan's Belarus sheets.
    #[default]
    Belarus,
    /// Every entity of every loaded list.
    All,
}

impl Regime {
    pub fn as_str(self) -> &'static str {
        match self {
            Regime::Belarus => "belarus",
            Regime::All => "all",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EntityType {
    #[default]
    Unknown,
    Person,
    Organization,
    Vessel,
    Aircraft,
}

/// How good a name is as evidence, as the publisher graded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameQuality {
    /// The entity's primary name.
    Primary,
    /// A strong alias ("a.k.a.", UK "Good quality").
    Strong,
    /// A weak alias (OFAC "weak aka", UK "Low quality"): kept, but its matches score lower.
    Weak,
}

/// The script a name was published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    Other,
}

impl Script {
    /// The dominant script of a string by letter count.
    pub fn detect(s: &str) -> Script {
        let (mut latin, mut cyr, mut other) = (0usize, 0usize, 0usize);
        for c in s.chars().filter(|c| c.is_alphabetic()) {
            match c as u32 {
                0x0400..=0x052F => cyr += 1,
                0x0041..=0x024F => latin += 1,
                _ => other += 1,
            }
        }
        if cyr > latin && cyr >= other {
            Script::Cyrillic
        } else if other > latin {
            Script::Other
        } else {
            Script::Latin
        }
    }
}

/// Parts of a person's name when the publisher gives them separately; matching weighs the
/// surname more than given names and treats the patronymic as optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameParts {
    pub surname: String,
    pub given: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The name as published (display order "Given Surname" where parts are known).
    pub full: String,
    /// Surname and given names when the list separates them.
    pub parts: Option<NameParts>,
    pub quality: NameQuality,
    pub script: Script,
}

impl Name {
    pub fn new(full: impl Into<String>, quality: NameQuality) -> Name {
        let full = clean_spaces(&full.into());
        let script = Script::detect(&full);
        Name { full, parts: None, quality, script }
    }

    /// A name from separate surname and given names, displayed "Given Surname".
    pub fn from_parts(surname: &str, given: &str, quality: NameQuality) -> Name {
        let surname = clean_spaces(surname);
        let given = clean_spaces(given);
        let full = if given.is_empty() { surname.clone() } else { format!("{given} {surname}") };
        let script = Script::detect(&full);
        Name { full, parts: Some(NameParts { surname, given }), quality, script }
    }
}

/// A date of birth as precise as the publisher gives it (`1972`, `1972-05`, `1972-05-14`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Years of birth a list may give: outside them a field holds something else (a typo, `0000`).
const LISTED_YEARS: std::ops::RangeInclusive<u16> = 1800..=2100;

impl PartialDate {
    /// Builds a date, dropping parts that cannot be real (month 0 or 13, day 0 or 32): the UK list
    /// writes unknown parts as `00`.
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
        PartialDate::within(LISTED_YEARS, year, month, day)
    }

    /// [`PartialDate::new`] for years in `years`.
    fn within(
        years: std::ops::RangeInclusive<u16>,
        year: u16,
        month: Option<u8>,
        day: Option<u8>,
    ) -> Option<PartialDate> {
        if !years.contains(&year) {
            return None;
        }
        let month = month.filter(|m| (1..=12).contains(m));
        let day = if month.is_some() { day.filter(|d| (1..=31).contains(d)) } else { None };
        Some(PartialDate { year, month, day })
    }

    /// Parses the API's `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<PartialDate> {
        PartialDate::parse_within(LISTED_YEARS, s)
    }

    /// [`PartialDate::parse_iso`] for years in `years`.
    fn parse_within(years: std::ops::RangeInclusive<u16>, s: &str) -> Option<PartialDate> {
        let mut it = s.trim().split('-');
        let y = it.next()?;
        if y.len() != 4 {
            return None;
        }
        let year = y.parse().ok()?;
        let month = match it.next() {
            Some(m) if m.len() == 2 => Some(m.parse().ok()?),
            Some(_) => return None,
            None => None,
        };
        let day = match it.next() {
            Some(d) if d.len() == 2 => Some(d.parse().ok()?),
            Some(_) => return None,
            None => None,
        };
        if it.next().is_some() {
            return None;
        }
        let d = PartialDate::within(years, year, month, day)?;
        // Reject rather than silently drop an impossible month or day the caller typed.
        if d.month != month || d.day != day {
            return None;
        }
        Some(d)
    }

    /// A date a caller typed (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, in a request or a payment
    /// message): as [`PartialDate::parse_iso`], and its day on the calendar, so that `1974-02-30`
    /// is refused rather than compared as if it were real.
    ///
    /// Any year of four digits from 0001 on: systems write an unknown date of birth as a
    /// placeholder (`9999-12-31`, `0001-01-01`, `1900-01-01`), and refusing it left a whole
    /// payment unscreened for one party's optional field (round 25); the matcher does not
    /// compare such a date (`matcher::features`).
    pub fn parse_typed(s: &str) -> Option<PartialDate> {
        // An unknown month or day written `00`, as the UK list writes them (`1954-00-00`,
        // `1954-08-00`), is a date to that precision.
        let d = s.trim();
        let d = d.strip_suffix("-00-00").or_else(|| d.strip_suffix("-00").filter(|d| d.len() == 7)).unwrap_or(d);
        PartialDate::parse_within(1..=9999, d).filter(|d| {
            let (Some(m), Some(day)) = (d.month, d.day) else { return true };
            time::Month::try_from(m).is_ok_and(|m| time::Date::from_calendar_date(i32::from(d.year), m, day).is_ok())
        })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    Passport,
    NationalId,
    Registration,
    TaxId,
    Bic,
    Imo,
    Other,
}

impl IdKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IdKind::Passport => "passport",
            IdKind::NationalId => "national id",
            IdKind::Registration => "registration",
            IdKind::TaxId => "tax id",
            IdKind::Bic => "BIC",
            IdKind::Imo => "IMO",
            IdKind::Other => "identifier",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Identifier {
    pub kind: IdKind,
    /// As published.
    pub value: String,
}

impl Identifier {
    /// The comparable form: upper case letters and digits only (`AB 123-45` = `ab12345`).
    /// A BIC is compared on its first 8 characters (the institution), since the branch code is
    /// optional in payments.
    pub fn key(&self) -> String {
        let mut k: String = self.value.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect();
        // A BIC's branch code aside (`BLBBBY2XXXX` is `BLBBBY2X`), also when its kind was not
        // given: a value of six letters and five more letters or digits is a BIC's shape, which
        // passport, registration and tax numbers do not have.
        if k.len() == 11 && (self.kind == IdKind::Bic || (self.kind == IdKind::Other && is_bic_shaped(&k))) {
            k.truncate(8);
        }
        k
    }

    /// A number written after a country's ISO code (`BY MP2663333`, `BY-100331707`, glued
    /// `BY100331707`, `BYMP2663333`, as VAT numbers and some forms write them): the code and the
    /// key without it. Round 21 found every listed number so written CLEAR. A query's only: the
    /// key without the code counts only against an entity listed with that country
    /// (`matcher`), since two letters before a number are as often a passport's series (`MP
    /// 2387911`, `KH…`) or another country's number (`DE100331707`, a German VAT number, is no
    /// Belarusian registration). The rest must hold a digit and four characters.
    pub fn country_prefixed(&self) -> Option<(String, String)> {
        let value = self.value.trim();
        if matches!(self.kind, IdKind::Bic | IdKind::Imo) || value.len() < 6 || !value.is_char_boundary(2) {
            return None;
        }
        let (code, rest) = value.split_at(2);
        let rest = rest.trim_start_matches([' ', '-', ':', '/']);
        let country = code
            .bytes()
            .all(|b| b.is_ascii_alphabetic())
            .then(|| code.to_ascii_uppercase().parse::<celes::Country>().ok())
            .flatten()
            .filter(|c| c.alpha2.eq_ignore_ascii_case(code))?;
        let rest = Identifier { kind: self.kind, value: rest.to_string() }.key();
        (rest.len() >= 4 && rest.bytes().any(|b| b.is_ascii_digit())).then(|| (country.alpha2.to_string(), rest))
    }
}

/// A BIC's shape (ISO 9362): 8 or 11 ASCII letters and digits, the first six letters (a bank
/// code and a country code). Passport, registration and tax numbers do not have it.
pub fn is_bic_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b.len(), 8 | 11) && b[..6].iter().all(u8::is_ascii_alphabetic) && b.iter().all(u8::is_ascii_alphanumeric)
}

/// One listed entity, as one publisher lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable across reloads, see `Match.entity_id` in the proto.
    pub id: String,
    pub source: SourceKind,
    /// Programmes / regimes (OFAC programs, UK regimes, Canada's country and schedule).
    pub programs: Vec<String>,
    pub entity_type: EntityType,
    /// `names[0]` is the primary name.
    pub names: Vec<Name>,
    pub dates_of_birth: Vec<PartialDate>,
    /// Nationalities, citizenships and countries of residence or registration, as published.
    pub countries: Vec<String>,
    pub identifiers: Vec<Identifier>,
    pub addresses: Vec<String>,
    /// Titles and positions as published (`President of the Republic of Belarus`): shown to the
    /// analyst who reviews a match, never scored.
    pub titles: Vec<String>,
    /// Whether the entity is within the Belarus regime scope.
    pub belarus: bool,
}

impl Entity {
    /// An entity with no names or facts yet, outside the Belarus scope: parsers fill it in.
    pub fn new(id: String, source: SourceKind, entity_type: EntityType) -> Entity {
        Entity {
            id,
            source,
            programs: Vec::new(),
            entity_type,
            names: Vec::new(),
            dates_of_birth: Vec::new(),
            countries: Vec::new(),
            identifiers: Vec::new(),
            addresses: Vec::new(),
            titles: Vec::new(),
            belarus: false,
        }
    }

    pub fn primary_name(&self) -> &str {
        self.names.first().map(|n| n.full.as_str()).unwrap_or("")
    }

    pub fn in_scope(&self, regime: Regime) -> bool {
        regime == Regime::All || self.belarus
    }

    /// Adds a name unless the same text is already there.
    pub fn push_name(&mut self, name: Name) {
        if !name.full.is_empty() && !self.names.iter().any(|n| n.full == name.full) {
            self.names.push(name);
        }
    }
}

/// Collapses runs of whitespace (including non-breaking spaces) to one space and trims.
pub fn clean_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A party to screen, in domain terms (the service layer translates from protobuf).
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub name: String,
    /// `None` compares against every kind of listed entity.
    pub party_type: Option<EntityType>,
    pub date_of_birth: Option<PartialDate>,
    pub country: Option<String>,
    pub identifiers: Vec<Identifier>,
}

/// Now, RFC 3339 in UTC: the time stamp of list changes, loads, refusals and audit records,
/// kept here, below every module that stamps one.
pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_and_reject() {
        assert_eq!(PartialDate::parse_iso("1954").map(|d| d.to_string()), Some("1954".into()));
        assert_eq!(PartialDate::parse_iso("1954-08-30").map(|d| d.to_string()), Some("1954-08-30".into()));
        assert_eq!(PartialDate::parse_iso("1954-13"), None);
        assert_eq!(PartialDate::parse_iso("30.08.1954"), None);
        assert_eq!(PartialDate::parse_iso("1954-08-30-1"), None);
    }

    #[test]
    fn script_detection_counts_letters() {
        assert_eq!(Script::detect("АЛЯШКЕВIЧ"), Script::Cyrillic);
        assert_eq!(Script::detect("Lukashenko"), Script::Latin);
    }

    #[test]
    fn bic_keys_ignore_branch() {
        let a = Identifier { kind: IdKind::Bic, value: "BPSB BY2X XXX".into() };
        assert_eq!(a.key(), "BPSBBY2X");
    }

    #[test]
    fn a_country_code_before_a_number_is_told_apart() {
        let prefixed = |kind, value: &str| Identifier { kind, value: value.into() }.country_prefixed();
        let by = |rest: &str| Some(("BY".to_string(), rest.to_string()));
        assert_eq!(prefixed(IdKind::Passport, "BY MP2663333"), by("MP2663333"));
        assert_eq!(prefixed(IdKind::Passport, "BYMP2663333"), by("MP2663333"));
        assert_eq!(prefixed(IdKind::Other, "by-MP2663333"), by("MP2663333"));
        assert_eq!(prefixed(IdKind::Registration, "BY100331707"), by("100331707"));
        assert_eq!(prefixed(IdKind::TaxId, "BYAC1400707"), by("AC1400707"));
        assert_eq!(prefixed(IdKind::NationalId, "BY3260377A081PB9"), by("3260377A081PB9"));
        // A passport's series that is a country's code too is read so (the matcher asks for the
        // entity's country); two letters that are no country, a BIC and a short rest are not.
        assert_eq!(prefixed(IdKind::Passport, "MP2663333"), Some(("MP".to_string(), "2663333".to_string())));
        assert_eq!(prefixed(IdKind::Registration, "HE 123456"), None);
        assert_eq!(prefixed(IdKind::Bic, "BY AABBCC"), None);
        assert_eq!(prefixed(IdKind::Registration, "BY ABCDE"), None);
    }
}
