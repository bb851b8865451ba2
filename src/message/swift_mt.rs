//! SWIFT MT103 and MT202 / MT202COV: the block structure `{1:}{2:}[{3:}]{4:…-}[{5:}]` and the
//! fields of block 4 that name parties and institutions, or carry free text.
//!
//! | field | role | read as |
//! |---|---|---|
//! | 50A / 50F / 50K | ordering customer (debtor) | BIC; option F's numbered lines; name and address |
//! | 59 / 59A / 59F | beneficiary customer (creditor) | as 50a |
//! | 51A, 52a, 53a, 54a, 55a, 56a, 57a, 58a | institutions (MT202: 52a ordering and 58a beneficiary institution, the debtor and creditor) | option A a BIC, option D a name and address |
//! | 70, 72, 77B, 77T | remittance, sender to receiver, regulatory reporting, envelope | free text |
//! | 23E | instruction code | its additional information (after `/`) as free text |
//! | 13C, 20, 21, 23B, 25, 26T, 32A, 33B, 36, 71A, 71F, 71G | codes, dates, amounts, references | not screened |
//! | any other field, or a party field's option it does not have | — | free text |
//!
//! Block 1's and block 2's addresses (sender and receiver) are screened as BICs too. MT lines are
//! at most 35 characters, and a name longer than a line goes on in the next: a name line that
//! fills its 35 characters is joined with the next one, both glued (the cut fell inside a word)
//! and with a space, and the stronger reading decides.

use super::{line_column, Content, Field, Message, MessageError, Role};
use crate::model::{EntityType, IdKind, Identifier, PartialDate};

/// Fields of MT103 and MT202 whose content is a code, a date, an amount, a rate or a reference
/// (20, 21, 13C, 23B, 23E's code, 26T, 32A, 33B, 36, 71A, 71F, 71G, 25): no names in them, and
/// their words (`SSTD`, `SHA`, `EUR`) would only meet listed acronyms. 23E's additional
/// information after the code is text (see `Mapper::free_text`).
const CODED: &[&str] = &["13", "20", "21", "23", "25", "26", "32", "33", "36", "71"];

/// Width of an MT line.
const LINE: usize = 35;

/// Lines of name and address a party field may have: twice the `4*35x` the network allows in
/// options K, D, F and none (after the account or identifier line), since systems that convert
/// payments into MT are not always held to it.
const MAX_PARTY_LINES: usize = 8;

/// Refuses a party field of far more lines than the network allows: lines past the name were
/// read as address alone, so a name written one letter per line over 2,000 lines was answered
/// as if screened (round 29).
fn too_many_lines(path: &str, lines: usize) -> Result<(), MessageError> {
    if lines > MAX_PARTY_LINES {
        return Err(MessageError::field(
            path,
            format!(
                "has {lines} lines of name and address; SWIFT allows 4 of 35 characters (screener reads up to \
                 {MAX_PARTY_LINES})"
            ),
        ));
    }
    Ok(())
}

struct Block<'a> {
    id: &'a str,
    content: &'a str,
    /// Byte offset of the content in the message.
    at: usize,
}

fn blocks_error(text: &str, pos: usize, reason: impl Into<String>) -> MessageError {
    let (line, column) = line_column(text, pos);
    MessageError::Blocks { line, column, reason: reason.into() }
}

/// Splits the message into its top-level blocks.
fn blocks(text: &str) -> Result<Vec<Block<'_>>, MessageError> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b[i] != b'{' {
            return Err(blocks_error(text, i, "expected `{` to open a block"));
        }
        let colon = text[i..]
            .find(':')
            .map(|c| i + c)
            .ok_or_else(|| blocks_error(text, i, "a block opens with `{` but has no `:` after its id"))?;
        let id = &text[i + 1..colon];
        if !matches!(id, "1" | "2" | "3" | "4" | "5" | "S") {
            return Err(blocks_error(text, i, format!("unknown block `{{{id}:`: blocks are 1 to 5 (and S)")));
        }
        let start = colon + 1;
        let end = if id == "4" {
            // The text block ends with a line holding `-}`.
            let rest = &text[start..];
            let close = rest
                .match_indices("-}")
                .find(|(k, _)| *k == 0 || rest[..*k].ends_with('\n'))
                .map(|(k, _)| start + k)
                .ok_or_else(|| blocks_error(text, i, "block 4 is not closed by a line `-}`"))?;
            out.push(Block { id, content: &text[start..close], at: start });
            close + 2
        } else {
            // Blocks 3 and 5 hold `{tag:value}` sub-blocks; 1 and 2 hold none.
            let mut depth = 1usize;
            let mut k = start;
            while k < b.len() && depth > 0 {
                match b[k] {
                    b'{' => depth += 1,
                    b'}' => depth -= 1,
                    _ => {}
                }
                k += 1;
            }
            if depth > 0 {
                return Err(blocks_error(text, i, format!("block {id} is not closed by `}}`")));
            }
            out.push(Block { id, content: &text[start..k - 1], at: start });
            k
        };
        if out.iter().filter(|x| x.id == id).count() > 1 {
            return Err(blocks_error(text, i, format!("block {id} appears twice")));
        }
        i = end;
    }
    Ok(out)
}

/// The BIC of a 12-character logical terminal address (BIC8, terminal letter, branch).
fn lt_bic(lt: &str) -> Option<String> {
    let lt = lt.get(..12)?;
    lt.chars().all(|c| c.is_ascii_alphanumeric()).then(|| format!("{}{}", &lt[..8], &lt[9..12]))
}

/// One field of block 4: tag, its lines, and the line it starts on.
struct MtField<'a> {
    tag: &'a str,
    lines: Vec<&'a str>,
    line: usize,
}

fn fields<'a>(text: &'a str, block: &Block<'a>) -> Result<Vec<MtField<'a>>, MessageError> {
    let (first_line, _) = line_column(text, block.at);
    let mut out: Vec<MtField<'a>> = Vec::new();
    let mut offset = block.at;
    for (n, raw) in block.content.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let here = offset;
        offset += raw.len() + 1;
        if n == 0 && line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix(':') {
            let tag_end = rest.find(':').filter(|&e| {
                let tag = &rest[..e];
                (2..=3).contains(&tag.len())
                    && tag.as_bytes()[..2].iter().all(u8::is_ascii_digit)
                    && tag.as_bytes()[2..].iter().all(u8::is_ascii_uppercase)
            });
            if let Some(e) = tag_end {
                out.push(MtField { tag: &rest[..e], lines: vec![&rest[e + 1..]], line: first_line + n });
                continue;
            }
        }
        match out.last_mut() {
            Some(f) => f.lines.push(line),
            None if line.trim().is_empty() => {}
            None => {
                return Err(blocks_error(text, here, "block 4 text before its first field tag (`:20:`)"));
            }
        }
    }
    Ok(out)
}

/// The readings of a name that starts at `lines[0]`, the first line alone when the name may
/// have ended there (see [`Content::Name`]'s `line_alone`), and how many lines it took. A line
/// that fills its width goes on in the next (and that one in the next if it fills it too), read
/// glued where the cut fell inside a word and with a space. A shorter line may still go on in
/// the next, wrapped between words (`…COMPANY BELAVIA` / `BELARUSIAN AIRLINES`): the first two,
/// three and four lines (all a field of 4×35 holds) with a space are further readings, and the
/// next lines are also read as address. (Round 21: `MAIN ECONOMIC DEPARTMENT OF THE` / … /
/// `BELARUS (GHU)`, wrapped over four lines, was REVIEW on its first line alone.)
fn name_readings(lines: &[&str], width: usize) -> (Vec<String>, Option<String>, usize) {
    let used = 1 + lines.iter().take(lines.len() - 1).take_while(|l| l.chars().count() >= width).count();
    let pieces: Vec<&str> = lines[..used].iter().map(|l| l.trim()).collect();
    if used == 1 {
        let first = pieces[0].to_string();
        // The first line, then with the next one, two and three (a long name wrapped between
        // words over up to four lines).
        let mut readings = vec![first];
        for n in 2..=lines.len().min(4) {
            readings.push(lines[..n].iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "));
        }
        return (readings, None, 1);
    }
    // Every line but the last fills its width here: glued wherever a word goes on (trailing
    // spaces may be padding), first, as a cut inside a word is the likelier reason a line is
    // full; and with spaces.
    let glued = super::wrapped_text(&pieces, &[]);
    let spaced = pieces.join(" ");
    let readings = if glued == spaced { vec![spaced] } else { vec![glued, spaced] };
    (readings, Some(pieces[0].to_string()), used)
}

struct Mapper {
    message: Message,
    /// MT202: 52a and 58a are the debtor and creditor; in an MT202COV, from field 50a on, the
    /// fields are the underlying customer credit transfer's (sequence B).
    mt202: bool,
    cover: bool,
    sequence_b: bool,
}

impl Mapper {
    fn path(&self, tag: &str, what: &str) -> String {
        format!("{}:{tag}:{what}", if self.sequence_b { "B/" } else { "" })
    }

    fn role(&self, number: &str) -> Option<Role> {
        let in_202_a = self.mt202 && !self.sequence_b;
        Some(match number {
            "50" => Role::Debtor,
            "59" => Role::Creditor,
            "51" => Role::InstructingAgent,
            "52" if in_202_a => Role::Debtor,
            "52" => Role::DebtorAgent,
            "53" => Role::InstructingReimbursementAgent,
            "54" => Role::InstructedReimbursementAgent,
            "55" => Role::ThirdReimbursementAgent,
            "56" => Role::IntermediaryAgent(1),
            "57" => Role::CreditorAgent,
            "58" => Role::Creditor,
            _ => return None,
        })
    }

    fn push(&mut self, path: String, role: Option<Role>, content: Content) -> Result<(), MessageError> {
        self.message.push(Field { path, role, content })
    }

    fn field(&mut self, f: &MtField<'_>) -> Result<(), MessageError> {
        let (number, option) = f.tag.split_at(2);
        if self.cover && number == "50" {
            self.sequence_b = true;
        }
        match number {
            "20" if !self.sequence_b && self.message.reference.is_empty() => {
                self.message.reference = f.lines.join(" ").trim().to_string();
                return Ok(());
            }
            // Codes, dates, amounts and references: no names.
            n if CODED.contains(&n) && f.tag != "23E" => return Ok(()),
            _ => {}
        }
        let Some(role) = self.role(number) else { return self.free_text(f) };
        let agent = role.is_agent() || (self.mt202 && !self.sequence_b);
        let lines: Vec<&str> = f.lines.iter().copied().filter(|l| !l.trim().is_empty()).collect();
        match option {
            "A" => {
                // [/party identifier] then the BIC.
                let bic = lines.iter().find(|l| !l.starts_with('/')).map(|l| l.trim().to_string());
                let bic = bic.ok_or_else(|| MessageError::field(&self.path(f.tag, ""), "option A without a BIC"))?;
                let path = self.path(f.tag, "");
                let id = Identifier { kind: IdKind::Bic, value: bic };
                self.push(path, Some(role), Content::Identifier { id, party_type: Some(EntityType::Organization) })
            }
            "F" => self.option_f(f, role, &lines),
            "" | "D" | "K" => {
                let rest: Vec<&str> = match lines.first() {
                    Some(l) if l.starts_with('/') => lines[1..].to_vec(),
                    _ => lines,
                };
                too_many_lines(&self.path(f.tag, ""), rest.len())?;
                // A line of `C/O` alone introduces the name on the next line.
                let care_of = |l: &str| {
                    let letters: String = l.chars().filter(|c| c.is_alphanumeric()).collect();
                    letters.eq_ignore_ascii_case("co") && l.contains('/')
                };
                let rest: Vec<&str> = rest.into_iter().skip_while(|l| care_of(l)).collect();
                if rest.is_empty() {
                    return Ok(());
                }
                let (readings, line_alone, used) = name_readings(&rest, LINE);
                let party_type = agent.then_some(EntityType::Organization);
                let path = self.path(f.tag, "");
                self.push(
                    path,
                    Some(role),
                    Content::Name {
                        readings,
                        line_alone,
                        as_text: false,
                        party_type,
                        date_of_birth: None,
                        country: None,
                    },
                )?;
                // Address lines as written: a `C/O` name cut at a full line's end is joined
                // (`C/O ALEKSANDR GRIGORYEVICH LUKASHEN` / `KO` was CLEAR, round 29).
                let address: Vec<&str> = rest[used..].iter().map(|l| l.trim_end()).collect();
                if address.iter().any(|l| !l.trim().is_empty()) {
                    let path = self.path(f.tag, "address");
                    super::push_wrapped(&mut self.message, path, Some(role), &address, &[LINE])?;
                }
                Ok(())
            }
            // B: [/party identifier][location]; C: /party identifier. No name, no BIC.
            "B" | "C" => Ok(()),
            // An option this field does not have (50H, 59Z): its text is screened as written.
            _ => self.free_text(f),
        }
    }

    /// Text screened as it is written: the narrative fields (70, 72, 77B, 77T), 23E's
    /// information after its code, and every field this reader does not know. A field outside
    /// the standard is still text a bank sent (a system's own tag, a converter's mistake, a name
    /// put where no screener looks): read as free text, nothing in a message goes unscreened
    /// (round 33: `:99Z:ALEKSANDR LUKASHENKO` was CLEAR).
    fn free_text(&mut self, f: &MtField<'_>) -> Result<(), MessageError> {
        let mut lines: Vec<&str> = f.lines.clone();
        if f.tag == "23E" {
            // `CODE[/additional information]`: the code is one of a fixed set (`PHOB`, `HOLD`).
            match lines.first().and_then(|l| l.split_once('/')) {
                Some((_, info)) => lines[0] = info,
                None => return Ok(()),
            }
        }
        // `//` begins a line that continues the one before it (72's and 77B's narrative).
        // Lines keep their spaces: `wrapped_text` reads a cut word by them.
        let lines: Vec<&str> =
            lines.iter().map(|l| l.strip_prefix("//").unwrap_or(l)).filter(|l| !l.trim().is_empty()).collect();
        if lines.is_empty() {
            return Ok(());
        }
        let path = self.path(f.tag, "");
        super::push_wrapped(&mut self.message, path, None, &lines, &[LINE])
    }

    /// Option F: a party identifier line, then numbered lines `1/` name, `2/` address, `3/`
    /// country and town, `4/` date of birth, `5/` place of birth, `6/` customer id, `7/`
    /// national id, `8/` more of the identifier before it.
    fn option_f(&mut self, f: &MtField<'_>, role: Role, lines: &[&str]) -> Result<(), MessageError> {
        let mut names: Vec<&str> = Vec::new();
        let mut address: Vec<&str> = Vec::new();
        let mut town: Vec<&str> = Vec::new();
        let mut birth_place: Vec<&str> = Vec::new();
        let mut country = None;
        let mut birth_country = None;
        let mut date_of_birth = None;
        let mut ids: Vec<(String, Identifier)> = Vec::new();
        let mut numbered = lines;
        if let Some(first) = lines.first().filter(|l| l.as_bytes().get(1).is_none_or(|c| *c != b'/')) {
            numbered = &lines[1..];
            if let Some(id) = party_identifier(first) {
                ids.push((self.path(f.tag, "party-identifier"), id));
            }
        }
        too_many_lines(&self.path(f.tag, ""), numbered.len())?;
        for line in numbered {
            let (n, value) = match line.split_once('/') {
                Some((n, v)) if n.len() == 1 => (n, v),
                _ => {
                    return Err(MessageError::field(
                        &self.path(f.tag, ""),
                        format!("line `{line}` of option F is not `n/…` (1/ name … 8/ more of the identifier)"),
                    ))
                }
            };
            match n {
                "1" => names.push(value),
                "2" => address.push(value),
                "3" => match value.split_once('/') {
                    Some((cc, t)) if cc.len() == 2 => {
                        country = Some(cc.to_string());
                        town.push(t);
                    }
                    _ => town.push(value),
                },
                "4" => {
                    let d = value.trim();
                    let parsed = (d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| PartialDate::parse_typed(&format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..])))
                        .flatten();
                    date_of_birth = Some(parsed.ok_or_else(|| {
                        MessageError::field(&self.path(f.tag, "4/"), format!("`{d}` is not a date (YYYYMMDD)"))
                    })?);
                }
                "5" => match value.split_once('/') {
                    Some((cc, t)) if cc.len() == 2 => {
                        birth_country = Some(cc.to_string());
                        birth_place.push(t);
                    }
                    _ => birth_place.push(value),
                },
                "6" | "7" => {
                    // 6: country/issuer/number; 7: country/number.
                    let number = value.rsplit('/').next().unwrap_or(value).trim();
                    let kind = if n == "7" { IdKind::NationalId } else { IdKind::Other };
                    if !number.is_empty() {
                        ids.push((self.path(f.tag, &format!("{n}/")), Identifier { kind, value: number.into() }));
                    }
                }
                "8" => {
                    if let Some((_, id)) = ids.last_mut() {
                        id.value.push_str(value.trim());
                    }
                }
                _ => {
                    return Err(MessageError::field(
                        &self.path(f.tag, ""),
                        format!("option F line number {n} is not one of 1 to 8"),
                    ))
                }
            }
        }
        let party_type =
            if role.is_agent() { Some(EntityType::Organization) } else { date_of_birth.map(|_| EntityType::Person) };
        if !names.is_empty() {
            // Every `1/` line is name, so the first is never the whole name when a second follows;
            // wherever a line ends and the next begins inside a word the name may have been cut
            // there, full line or not, so it is also read glued.
            let names: Vec<&str> = names.iter().map(|l| l.trim()).collect();
            let spaced = names.join(" ");
            let glued = super::wrapped_text(&names, &[]);
            let readings = if glued == spaced { vec![spaced] } else { vec![spaced, glued] };
            let country = country.clone().or(birth_country.clone());
            let path = self.path(f.tag, "1/");
            let name = Content::Name { readings, line_alone: None, as_text: false, party_type, date_of_birth, country };
            self.push(path, Some(role), name)?;
        }
        for (path, id) in ids {
            self.push(path, Some(role), Content::Identifier { id, party_type })?;
        }
        for (n, parts) in [("2/", &address), ("3/", &town), ("5/", &birth_place)] {
            let text = parts.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
            if !text.trim().is_empty() {
                let path = self.path(f.tag, n);
                self.push(path, Some(role), Content::Text(text))?;
            }
        }
        Ok(())
    }
}

/// Option F's first line as an identifier: `/account` is none; `CODE/CC/identifier` names a
/// passport (CCPT), national id (NIDN), tax id (TXID) or another number.
fn party_identifier(line: &str) -> Option<Identifier> {
    let mut parts = line.trim().splitn(3, '/');
    let code = parts.next()?;
    let _country = parts.next()?;
    let value = parts.next()?.rsplit('/').next()?.trim();
    if code.len() != 4 || value.is_empty() {
        return None;
    }
    let kind = match code {
        "CCPT" => IdKind::Passport,
        "NIDN" => IdKind::NationalId,
        "TXID" => IdKind::TaxId,
        _ => IdKind::Other,
    };
    Some(Identifier { kind, value: value.to_string() })
}

pub fn parse(text: &str) -> Result<Message, MessageError> {
    let blocks = blocks(text)?;
    let get = |id: &str| blocks.iter().find(|b| b.id == id);
    let app = get("2").ok_or_else(|| {
        blocks_error(text, 0, "no application header block {2:} (it names the message type, e.g. {2:I103…})")
    })?;
    let direction = app.content.get(..1).unwrap_or("");
    let mt = app
        .content
        .get(1..4)
        .filter(|t| t.bytes().all(|b| b.is_ascii_digit()) && matches!(direction, "I" | "O"))
        .ok_or_else(|| blocks_error(text, app.at, "block 2 must start with I or O and the three digits of the MT"))?;
    let cover = get("3").is_some_and(|b| b.content.contains("{119:COV}"));
    let message_type = match (mt, cover) {
        ("103", _) => "MT103",
        ("202", false) => "MT202",
        ("202", true) => "MT202COV",
        _ => {
            return Err(MessageError::UnknownType(format!(
                "block 2: MT{mt} is not screened: screener reads MT103, MT202 and MT202COV"
            )))
        }
    };
    let body = get("4").ok_or_else(|| blocks_error(text, 0, "no text block {4:…-}"))?;
    let mut m = Mapper {
        message: Message { message_type: message_type.to_string(), reference: String::new(), fields: Vec::new() },
        mt202: mt == "202",
        cover,
        sequence_b: false,
    };
    // Sender and receiver: block 1 is the sender of an input message (I) and the receiver of an
    // output one (O), whose sender is in block 2's message input reference.
    let sender = match direction {
        "I" => get("1").and_then(|b| b.content.get(3..15)),
        _ => app.content.get(14..26),
    };
    let receiver = match direction {
        "I" => app.content.get(4..16),
        _ => get("1").and_then(|b| b.content.get(3..15)),
    };
    let header_path = |block: &str| if block == "1" { "{1:}" } else { "{2:}" };
    let (sender_block, receiver_block) = if direction == "I" { ("1", "2") } else { ("2", "1") };
    for (lt, role, block) in
        [(sender, Role::InstructingAgent, sender_block), (receiver, Role::InstructedAgent, receiver_block)]
    {
        if let Some(bic) = lt.and_then(lt_bic) {
            let id = Identifier { kind: IdKind::Bic, value: bic };
            m.push(
                header_path(block).to_string(),
                Some(role),
                Content::Identifier { id, party_type: Some(EntityType::Organization) },
            )?;
        }
    }
    for f in fields(text, body)? {
        m.field(&f).map_err(|e| match e {
            MessageError::Field { path, reason } => {
                MessageError::Field { path: format!("{path} (line {})", f.line), reason }
            }
            e => e,
        })?;
    }
    Ok(m.message)
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

    fn bic(m: &Message, path: &str) -> (Option<Role>, String) {
        let f = field(m, path);
        let Content::Identifier { id, .. } = &f.content else { panic!("{path}: {f:?}") };
        assert_eq!(id.kind, IdKind::Bic, "{path}");
        (f.role, id.value.clone())
    }

    #[test]
    fn an_mt103_with_option_f_reads_its_numbered_lines() {
        let m = parse(&message("mt103_option_f.fin")).expect("parses");
        assert_eq!((m.message_type.as_str(), m.reference.as_str()), ("MT103", "NDEA103F0001"));
        let f = field(&m, ":50F:1/");
        assert_eq!(f.role, Some(Role::Debtor));
        let Content::Name { readings, party_type, date_of_birth, country, .. } = &f.content else { panic!("{f:?}") };
        assert_eq!(readings[0], "LUKASHENKO VIKTOR ALEKSANDROVICH", "1/ lines are one name");
        assert_eq!(*party_type, Some(EntityType::Person), "a date of birth makes a person");
        assert_eq!(date_of_birth.map(|d| d.to_string()).as_deref(), Some("1975-11-28"));
        assert_eq!(country.as_deref(), Some("BY"));
        let Content::Identifier { id, .. } = &field(&m, ":50F:party-identifier").content else { panic!() };
        assert_eq!((id.kind, id.value.as_str()), (IdKind::Passport, "MP3100425"));
        assert_eq!(field(&m, ":50F:2/").content, Content::Text("NEZAVISIMOSTI AVE 38".into()));
        assert_eq!(field(&m, ":50F:3/").content, Content::Text("MINSK".into()));
        assert_eq!(field(&m, ":50F:5/").content, Content::Text("MOGILEV".into()));
        let f = field(&m, ":59F:1/");
        assert_eq!((f.role, f.text()), (Some(Role::Creditor), "HANSE LOGISTIK GMBH"));
        assert_eq!(field(&m, ":59F:3/").content, Content::Text("HAMBURG".into()));
        assert_eq!(bic(&m, ":52A:"), (Some(Role::DebtorAgent), "NDEASESS".into()));
        assert_eq!(bic(&m, ":57A:"), (Some(Role::CreditorAgent), "COBADEFFXXX".into()));
        assert_eq!(field(&m, ":70:").content, Content::Text("/INV/2025-31 FREIGHT SERVICES".into()));
    }

    #[test]
    fn the_header_blocks_give_sender_and_receiver_bics() {
        let m = parse(&message("mt103_option_f.fin")).expect("parses");
        assert_eq!(bic(&m, "{1:}"), (Some(Role::InstructingAgent), "NDEASESSXXX".into()));
        assert_eq!(bic(&m, "{2:}"), (Some(Role::InstructedAgent), "DEUTDEFFXXX".into()));
        // An output message: block 1 is the receiver, the sender is in block 2's input reference.
        let out = "{1:F01DEUTDEFFAXXX0000000000}{2:O1031200250312NDEASESSAXXX00000000002503121200N}{4:\r\n:20:X\r\n:59:B\r\n-}";
        let m = parse(out).expect("parses");
        assert_eq!(bic(&m, "{1:}"), (Some(Role::InstructedAgent), "DEUTDEFFXXX".into()));
        assert_eq!(bic(&m, "{2:}"), (Some(Role::InstructingAgent), "NDEASESSXXX".into()));
    }

    #[test]
    fn a_name_wrapped_between_words_over_four_lines_is_read_whole() {
        let mt = "{1:F01COBADEFFAXXX0000000000}{2:I103RZBAATWWXXXXN}{4:\n:20:REF1\n:23B:CRED\n\
                  :32A:250312EUR100,00\n:50K:/DE44500105175407324931\nMUELLER GMBH\n:59:/BY86AKBB10100000002966000000\n\
                  MAIN ECONOMIC DEPARTMENT OF THE\nADMINISTRATIVE AFFAIRS OFFICE OF\nTHE PRESIDENT OF THE REPUBLIC OF\n\
                  BELARUS (GHU)\n:71A:OUR\n-}";
        let m = parse(mt).expect("parses");
        let Content::Name { readings, .. } = &field(&m, ":59:").content else { panic!() };
        assert_eq!(
            readings.last().map(String::as_str),
            Some(
                "MAIN ECONOMIC DEPARTMENT OF THE ADMINISTRATIVE AFFAIRS OFFICE OF THE PRESIDENT OF THE REPUBLIC OF \
                 BELARUS (GHU)"
            )
        );
    }

    #[test]
    fn an_mt103_with_option_k_joins_a_name_wrapped_at_35_characters() {
        let m = parse(&message("mt103_option_k.fin")).expect("parses");
        let f = field(&m, ":50K:");
        assert_eq!((f.role, f.text()), (Some(Role::Debtor), "MUELLER MASCHINENBAU GMBH"));
        assert_eq!(field(&m, ":50K:address").content, Content::Text("INDUSTRIESTRASSE 7 60311 FRANKFURT".into()));
        let f = field(&m, ":59:");
        assert_eq!(f.role, Some(Role::Creditor));
        let Content::Name { readings, line_alone, .. } = &f.content else { panic!("{f:?}") };
        assert_eq!(
            readings,
            &[
                "OPEN JOINT STOCK COMPANY BELAVIA BELARUSIAN AIRLINES",
                "OPEN JOINT STOCK COMPANY BELAVIA BE LARUSIAN AIRLINES",
            ]
        );
        assert_eq!(line_alone.as_deref(), Some("OPEN JOINT STOCK COMPANY BELAVIA BE"));
        assert_eq!(field(&m, ":59:address").content, Content::Text("NEMIGA STR 14 MINSK BELARUS".into()));
        for (tag, role) in [
            (":52A:", Role::DebtorAgent),
            (":53A:", Role::InstructingReimbursementAgent),
            (":54A:", Role::InstructedReimbursementAgent),
            (":56A:", Role::IntermediaryAgent(1)),
            (":57A:", Role::CreditorAgent),
        ] {
            assert_eq!(bic(&m, tag).0, Some(role), "{tag}");
        }
        assert_eq!(
            field(&m, ":72:").content,
            Content::Text("/ACC/PAYMENT FOR BELARUSKALI POTASH CONTRACT 7/2024".into())
        );
    }

    #[test]
    fn an_mt202cov_tells_its_underlying_customer_transfer_apart() {
        let m = parse(&message("mt202cov.fin")).expect("parses");
        assert_eq!(m.message_type, "MT202COV");
        assert_eq!(bic(&m, ":52A:"), (Some(Role::Debtor), "CITIUS33".into()), "MT202 52a is the debtor bank");
        assert_eq!(bic(&m, ":58A:").0, Some(Role::Creditor));
        assert_eq!(bic(&m, ":56A:"), (Some(Role::IntermediaryAgent(1)), "MMBNBY22".into()));
        assert_eq!(bic(&m, "B/:52A:"), (Some(Role::DebtorAgent), "CHASUS33".into()));
        assert_eq!(bic(&m, "B/:57A:").0, Some(Role::CreditorAgent));
        let f = field(&m, "B/:50K:");
        assert_eq!((f.role, f.text()), (Some(Role::Debtor), "ATLANTIC PETROLEUM TRADERS INC"));
        let f = field(&m, "B/:59:");
        assert_eq!((f.role, f.text()), (Some(Role::Creditor), "NAFTAN OJSC"));
        assert_eq!(field(&m, "B/:70:").text(), "CARGO 14/2025 VACUUM GAS OIL");
        assert_eq!(field(&m, "B/:72:").text(), "/INS/CITIUS33");
    }

    #[test]
    fn an_mt202_names_institutions_by_option_d() {
        let mt = "{1:F01CITIUS33AXXX0000000000}{2:I202RZBAATWWXXXXN}{4:\n:20:REF1\n:21:REL\n:32A:250312USD1,00\n\
                  :52D:BELARUSBANK\nMINSK\n:58D:/123\nJSC BELINVESTBANK\nMINSK\n-}";
        let m = parse(mt).expect("parses");
        assert_eq!(m.message_type, "MT202");
        let f = field(&m, ":58D:");
        assert_eq!((f.role, f.text()), (Some(Role::Creditor), "JSC BELINVESTBANK"));
        let Content::Name { party_type, .. } = &f.content else { panic!() };
        assert_eq!(*party_type, Some(EntityType::Organization));
        assert_eq!(field(&m, ":52D:").role, Some(Role::Debtor));
        assert_eq!(field(&m, ":52D:address").text(), "MINSK");
    }

    #[test]
    fn fields_outside_the_standard_are_screened_as_text_and_codes_are_not() {
        let mt = "{1:F01NDEASESSAXXX0000000000}{2:I103DEUTDEFFXXXXN}{4:\n:20:REF1\n:23B:CRED\n\
                  :23E:PHOB/ALEKSANDR LUKASHENKO\n:23E:SDVA\n:32A:250312EUR1000,00\n:50K:/1\nPER OLSEN\n\
                  :59H:IVAN IVANOV\n:71A:SHA\n:77T:/NAME/BELARUSKALI\n:99Z:VIKTOR\n//LUKASHENKO\n-}";
        let m = parse(mt).expect("parses");
        let text = |path: &str| field(&m, path).text().to_string();
        assert_eq!(text(":99Z:"), "VIKTOR LUKASHENKO");
        assert_eq!(field(&m, ":99Z:").role, None);
        assert_eq!(text(":23E:"), "ALEKSANDR LUKASHENKO");
        assert_eq!(text(":77T:"), "/NAME/BELARUSKALI");
        assert_eq!(text(":59H:"), "IVAN IVANOV");
        let paths: Vec<&str> = m.fields.iter().map(|f| f.path.as_str()).collect();
        for coded in [":23B:", ":32A:", ":71A:"] {
            assert!(!paths.contains(&coded), "{coded} screened: {paths:?}");
        }
        // One 23E with information, one without.
        assert_eq!(paths.iter().filter(|p| **p == ":23E:").count(), 1, "{paths:?}");
    }

    fn error(mt: &str) -> String {
        parse(mt).expect_err("refused").to_string()
    }

    #[test]
    fn block_structure_that_does_not_parse_is_refused_with_line_and_column() {
        let e = error("{1:F01NDEASESSAXXX0000000000}{2:I103DEUTDEFFXXXXN}{4:\n:20:X\n:59:Y\n");
        assert!(e.contains("line 1, column 51") && e.contains("block 4 is not closed"), "{e}");
        let e = error("{1:F01NDEASESSAXXX0000000000}\n{2:I103DEUTDEFFXXXXN\n{4:\n:20:X\n-}");
        assert!(e.contains("block 2 is not closed") || e.contains("unknown block"), "{e}");
        let e = error("{1:F01NDEASESSAXXX0000000000} junk {2:I103DEUTDEFFXXXXN}");
        assert!(e.contains("line 1, column 31") && e.contains("expected `{`"), "{e}");
        let e = error("{1:F01NDEASESSAXXX0000000000}{4:\n:20:X\n-}");
        assert!(e.contains("no application header block {2:}"), "{e}");
        let e = error("{2:I103DEUTDEFFXXXXN}{4:\nhello\n:20:X\n-}");
        assert!(e.contains("line 2, column 1") && e.contains("before its first field tag"), "{e}");
        let e = error("{2:I103DEUTDEFFXXXXN}{7:X}");
        assert!(e.contains("unknown block `{7:`"), "{e}");
    }

    #[test]
    fn unknown_mt_types_and_bad_fields_are_refused_naming_them() {
        let e = error("{2:I940DEUTDEFFXXXXN}{4:\n:20:X\n-}");
        assert!(e.contains("MT940 is not screened"), "{e}");
        let e = error("{2:I103DEUTDEFFXXXXN}{4:\n:20:X\n:50F:/123\n1/IVAN\n4/19751399\n-}");
        assert!(e.starts_with(":50F:4/ (line 3)") && e.contains("YYYYMMDD"), "{e}");
        let e = error("{2:I103DEUTDEFFXXXXN}{4:\n:20:X\n:50F:/123\nNAME WITHOUT NUMBER\n-}");
        assert!(e.contains(":50F:") && e.contains("not `n/…`"), "{e}");
        let e = error("{2:I103DEUTDEFFXXXXN}{4:\n:20:X\n:57A:/12345\n-}");
        assert!(e.contains(":57A:") && e.contains("without a BIC"), "{e}");
        // More lines of name and address than the field holds.
        let e = error("{2:I103DEUTDEFFXXXXN}{4:\n:20:X\n:59:/BY20\nB\nE\nL\nA\nR\nU\nS\nK\nA\n-}");
        assert!(e.contains(":59:") && e.contains("has 9 lines") && e.contains("SWIFT allows 4"), "{e}");
        let e =
            error("{2:I103DEUTDEFFXXXXN}{4:\n:20:X\n:50F:/123\n1/A\n1/B\n1/C\n1/D\n2/C\n2/D\n2/E\n2/F\n3/BY/MINSK\n-}");
        assert!(e.contains(":50F:") && e.contains("has 9 lines"), "{e}");
        assert!(parse("{2:I103DEUTDEFFXXXXN}{4:\n:20:X\n:59:/BY20\nB\nE\nL\nA\nR\nU\nS\nK\n-}").is_ok());
    }

    #[test]
    fn a_care_of_name_cut_at_a_full_line_is_read_joined() {
        let m = parse(
            "{2:I103DEUTDEFFXXXXN}{4:\n:20:X\n:59:/BY20\nMARK HOLMES\nC/O ALEKSANDR GRIGORYEVICH LUKASHEN\nKO\n-}",
        )
        .expect("parsed");
        assert_eq!(field(&m, ":59:address").text(), "C/O ALEKSANDR GRIGORYEVICH LUKASHENKO");
    }
}
