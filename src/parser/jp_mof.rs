//! Japan's Ministry of Finance asset-freeze list (資産凍結等経済制裁対象者リスト), an XLSX workbook
//! with one sheet per programme, named `<number>.<programme>` (`31.ベラルーシ(個人)`): row 1 a title,
//! then a header row (告示日付 notice date, 告示番号 notice number, 日本語表記 Japanese name, 英語表記
//! English name, and per sheet 別称/別名 aliases, 肩書等 titles, 生年月日 date of birth, 所在地
//! address, 国籍 nationality …), then one row per listed person or entity.
//!
//! The Belarus sheets are those whose name has ベラルーシ and not 以外 ("other than": sheets 34–36
//! are "other than Russia and Belarus"). Sheets marked 【解除】 (measures lifted) list no one in
//! force and are skipped, as is the index sheet (no number). A sheet without the header row is
//! skipped when outside the Belarus scope (some programmes' sheets are laid out as notes), and
//! refuses the publication when it is a Belarus sheet: that is a changed format.
//!
//! Entity id: `jp-mof:<sheet number>/<notice number>`. Aliases come inside cells as
//! `（別称、…）(a.k.a. …)`; dates of birth as Excel dates or as text (`1963年`, `1942年7月10日生`).

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use unicode_normalization::UnicodeNormalization;

use super::{ParseError, ParsedList};
use crate::model::{clean_spaces, Entity, EntityType, Name, NameQuality, PartialDate, SourceKind};
use crate::source::RawPublication;

/// The columns read, found by their header (the sheets order them differently).
#[derive(Default)]
struct Columns {
    notice: Option<usize>,
    japanese: Option<usize>,
    english: Option<usize>,
    /// (column, quality): 別称, 別名, 旧称 … strong; 確定に十分でない別名 ("not enough to identify") weak.
    aliases: Vec<(usize, NameQuality)>,
    titles: Vec<usize>,
    birth: Option<usize>,
    address: Option<usize>,
    nationality: Option<usize>,
}

impl Columns {
    fn of(header: &[Data]) -> Columns {
        let mut c = Columns::default();
        for (i, cell) in header.iter().enumerate() {
            let h = cell_text(cell);
            if h.contains("告示番号") {
                c.notice = Some(i);
            } else if h.contains("日本語表記") {
                c.japanese = Some(i);
            } else if h.contains("英語表記") {
                c.english = Some(i);
            } else if h.contains("確定に十分でない") {
                c.aliases.push((i, NameQuality::Weak));
            } else if h.contains("別称") || h.contains("別名") || h.contains("旧称") {
                c.aliases.push((i, NameQuality::Strong));
            } else if h.contains("肩書") || h.contains("称号") || h.contains("役職") {
                c.titles.push(i);
            } else if h.contains("生年月日") {
                c.birth = Some(i);
            } else if h.contains("所在地") || h.contains("住所") {
                c.address = c.address.or(Some(i));
            } else if h.contains("国籍") {
                c.nationality = Some(i);
            }
        }
        c
    }

    fn usable(&self) -> bool {
        self.notice.is_some() && (self.japanese.is_some() || self.english.is_some())
    }
}

/// The most an XLSX may inflate to, all its parts together. The Ministry's workbook is a few
/// megabytes inflated; a file's size limit bounds only its compressed bytes, and a few megabytes
/// of deflated spaces inflate to gigabytes (a zip bomb took 8 GB before this check).
const MAX_INFLATED: u64 = 256 * 1024 * 1024;

/// Refuses a workbook whose parts inflate to more than `limit` bytes, by what its directory says
/// and by inflating each part (a directory may understate a part), before calamine reads any.
fn inflated_within(bytes: &[u8], limit: u64) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not the MOF asset-freeze workbook (XLSX): {e}"))?;
    let declared: u64 = (0..zip.len()).filter_map(|i| zip.by_index_raw(i).ok().map(|f| f.size())).sum();
    let too_big = |n: u64| {
        format!(
            "the workbook inflates to more than {} MiB ({n} bytes or more): refused as a zip bomb, not a list",
            limit >> 20
        )
    };
    if declared > limit {
        return Err(too_big(declared));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(|e| format!("not the MOF asset-freeze workbook (XLSX): {e}"))?;
        let mut bounded = std::io::Read::take(part, limit - total + 1);
        total += std::io::copy(&mut bounded, &mut std::io::sink())
            .map_err(|e| format!("not the MOF asset-freeze workbook (XLSX): part {i}: {e}"))?;
        if total > limit {
            return Err(too_big(total));
        }
    }
    Ok(())
}

pub(super) fn parse(publication: &RawPublication) -> Result<ParsedList, ParseError> {
    let file = publication.describe();
    let bytes = publication.single()?;
    inflated_within(bytes, MAX_INFLATED).map_err(|m| ParseError::file(&file, m))?;
    let mut book = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| ParseError::file(&file, format!("not the MOF asset-freeze workbook (XLSX): {e}")))?;
    let mut entities: Vec<Entity> = Vec::new();
    let mut belarus_sheets = 0;
    for sheet in book.sheet_names() {
        let Some((number, programme)) = sheet.split_once('.') else { continue };
        let Ok(number) = number.trim().parse::<u32>() else { continue };
        if programme.contains("【解除】") {
            continue;
        }
        let belarus = programme.contains("ベラルーシ") && !programme.contains("以外");
        belarus_sheets += usize::from(belarus);
        let at = |m: String| ParseError::file(&file, format!("sheet `{sheet}`: {m}"));
        let range = book.worksheet_range(&sheet).map_err(|e| at(format!("unreadable: {e}")))?;
        let rows: Vec<&[Data]> = range.rows().collect();
        // The header is row 2 on most sheets, lower where notes come first.
        let Some((header_row, columns)) =
            rows.iter().take(8).enumerate().map(|(i, r)| (i, Columns::of(r))).find(|(_, c)| c.usable())
        else {
            if belarus {
                return Err(at(
                    "no header row with 告示番号 and 日本語表記/英語表記: the workbook's layout changed".into()
                ));
            }
            continue;
        };
        let person = programme.contains("個人") || (!programme.contains("団体") && columns.birth.is_some());
        let entity_type = if person { EntityType::Person } else { EntityType::Organization };
        let mut by_id: HashMap<String, usize> = HashMap::new();
        let mut current: Option<usize> = None;
        for (i, row) in rows.iter().enumerate().skip(header_row + 1) {
            let get = |c: Option<usize>| c.and_then(|c| row.get(c)).map(cell_text).unwrap_or_default();
            let notice = get(columns.notice);
            let (japanese, english) = (get(columns.japanese), get(columns.english));
            let index = if notice.is_empty() {
                // A record continued on the next row (more aliases, addresses), or a blank or
                // note row.
                match current {
                    Some(c) if !(japanese.is_empty() && english.is_empty() && row_is_blank(row)) => c,
                    _ => continue,
                }
            } else {
                let notice = notice.trim_end_matches(".0").to_string();
                let id = format!("jp-mof:{number}/{notice}");
                *by_id.entry(id.clone()).or_insert_with(|| {
                    let mut e = Entity::new(id, SourceKind::JpMof, entity_type);
                    e.belarus = belarus;
                    e.programs.push(sheet.clone());
                    entities.push(e);
                    entities.len() - 1
                })
            };
            current = Some(index);
            let e = &mut entities[index];
            let primary = e.names.is_empty();
            for (text, script_name) in [(&english, true), (&japanese, false)] {
                if text.is_empty() {
                    continue;
                }
                let quality = if primary && script_name { NameQuality::Primary } else { NameQuality::Strong };
                add_names(e, text, quality);
            }
            if e.names.is_empty() && !notice.is_empty() && belarus {
                return Err(at(format!("row {}: notice {notice} has no name", i + 1)));
            }
            for (c, quality) in &columns.aliases {
                for alias in aliases(&get(Some(*c))) {
                    add_name(e, &alias, *quality);
                }
            }
            for c in &columns.titles {
                for t in get(Some(*c)).lines().map(clean_spaces).filter(|t| !t.is_empty()) {
                    push_unique(&mut e.titles, t);
                }
            }
            if let Some(c) = columns.birth.and_then(|c| row.get(c)) {
                for d in birth_dates(c) {
                    if !e.dates_of_birth.contains(&d) {
                        e.dates_of_birth.push(d);
                    }
                }
            }
            let address = get(columns.address);
            if !address.is_empty() {
                // The English address ends with the country: `…, Minsk, 220114, Belarus`.
                let line = clean_spaces(&address);
                if let Some(country) = line.rsplit(',').next().map(str::trim).filter(|c| c.is_ascii() && !c.is_empty())
                {
                    push_unique(&mut e.countries, country.to_string());
                }
                push_unique(&mut e.addresses, line);
            }
            for n in get(columns.nationality).lines().map(clean_spaces).filter(|n| n.is_ascii() && !n.is_empty()) {
                push_unique(&mut e.countries, n);
            }
        }
    }
    if belarus_sheets == 0 {
        return Err(ParseError::file(
            &file,
            "no sheet named `<number>.ベラルーシ…`: not the MOF asset-freeze workbook, or its sheets were renamed",
        ));
    }
    entities.retain(|e| !e.names.is_empty());
    Ok(ParsedList { entities, list_date: None, published: None })
}

fn row_is_blank(row: &[Data]) -> bool {
    row.iter().all(|c| cell_text(c).is_empty())
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Bool(b) => b.to_string(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// A name cell: the name, and the names in its asides (`（別称、…）`, `(a.k.a. …)`, or a plain
/// aside such as an acronym `（ＭＺＫＴ）`).
fn add_names(e: &mut Entity, cell: &str, quality: NameQuality) {
    let text: String = cell.nfkc().collect();
    let (main, asides) = super::split_parenthesised(&text.replace('\n', " "));
    if e.entity_type == EntityType::Person {
        // `Aleksandr LUKASHENKO`, `アレクサンドル・ルカシェンコ`: the surname last, or in capitals.
        add_name(e, &text.lines().next().map(clean_spaces).unwrap_or_default(), quality);
    } else {
        add_name(e, &clean_spaces(&text), quality);
        add_name(e, &main, NameQuality::Strong);
    }
    for a in asides {
        let listed = aliases(&format!("({a})"));
        if listed.is_empty() && e.entity_type != EntityType::Person {
            add_name(e, &a, NameQuality::Strong);
        }
        for alias in listed {
            add_name(e, &alias, NameQuality::Strong);
        }
    }
}

fn add_name(e: &mut Entity, name: &str, quality: NameQuality) {
    let name = clean_spaces(name.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | ';' | ',' | '.' | '*')));
    if !name.chars().any(char::is_alphabetic) {
        return;
    }
    if e.entity_type == EntityType::Person {
        let (surname, given) = person_parts(&name);
        if !surname.is_empty() {
            let mut n = Name::from_parts(&surname, &given, quality);
            n.full = name.clone();
            e.push_name(n);
            return;
        }
    }
    e.push_name(Name::new(name, quality));
}

/// Surname and given names of a person's name as the MOF writes it: the word in capitals
/// (`Aleksandr LUKASHENKO`), or the last of the words joined by `・` (`アレクサンドル・ルカシェンコ`).
fn person_parts(name: &str) -> (String, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitals: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase))
        .collect();
    if !capitals.is_empty() && capitals.len() < words.len() {
        let given: Vec<&str> = words.iter().copied().filter(|w| !capitals.contains(w)).collect();
        return (capitals.join(" "), given.join(" "));
    }
    if let Some((given, surname)) = name.rsplit_once('・') {
        return (surname.to_string(), given.replace('・', " "));
    }
    (String::new(), String::new())
}

/// The names an alias cell or aside lists: `（別称、A、B及びC）` and `(a.k.a. X; a.k.a. Y)`, with the
/// labels and list words dropped. Text without such a label lists nothing.
fn aliases(cell: &str) -> Vec<String> {
    let text: String = cell.nfkc().collect();
    let mut out = Vec::new();
    for part in text.split(['(', ')', '\n']) {
        let p = part.trim();
        let lower = p.to_lowercase();
        let japanese = ["別称、", "別名、", "旧称、", "別称:", "別名:", "旧称:", "別称", "別名", "旧称"]
            .iter()
            .find_map(|l| p.strip_prefix(l));
        if let Some(rest) = japanese {
            out.extend(rest.split(['、', ',']).flat_map(|s| s.split("及び")).map(clean_spaces));
        } else if lower.starts_with("a.k.a") || lower.starts_with("f.k.a") || lower.starts_with("formerly") {
            for a in p.split(';') {
                let a = a.trim();
                let cut = ["a.k.a.", "a.k.a", "f.k.a.", "f.k.a", "formerly known as", "formerly"]
                    .iter()
                    // By bytes of the ASCII label, on the piece's own boundaries: a piece whose
                    // first bytes end inside a letter (`Lukašenka`) has no label.
                    .find_map(|l| a.get(..l.len()).filter(|h| h.eq_ignore_ascii_case(l)).and_then(|_| a.get(l.len()..)))
                    .unwrap_or(a);
                let cut = cut.trim_start_matches([',', ':', ' ']);
                // `a.k.a., the following three aliases:` introduces the lines after it.
                if !cut.to_lowercase().starts_with("the following") {
                    out.push(clean_spaces(cut));
                }
            }
        } else if p.starts_with('-') {
            out.push(clean_spaces(p.trim_start_matches('-').trim_end_matches(';').trim_end_matches(" and")));
        }
    }
    out.retain(|a| a.chars().any(char::is_alphabetic));
    out
}

/// Dates of birth from a cell: an Excel date (a serial day number, by the 1900 date system), or
/// text with `YYYY年[M月[D日]]` (several when the list gives alternatives).
fn birth_dates(cell: &Data) -> Vec<PartialDate> {
    let serial = match cell {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        Data::DateTime(d) => Some(d.as_f64()),
        _ => None,
    };
    if let Some(s) = serial {
        return excel_date(s).into_iter().collect();
    }
    let text: String = cell_text(cell).nfkc().collect();
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let (year, next) = number(&chars, i);
        if next > i && next - i == 4 && chars.get(next) == Some(&'年') {
            let (month, after_month) = number(&chars, next + 1);
            let month_ok = after_month > next + 1 && chars.get(after_month) == Some(&'月');
            let (day, after_day) = if month_ok { number(&chars, after_month + 1) } else { (0, 0) };
            let day_ok = month_ok && after_day > after_month + 1 && chars.get(after_day) == Some(&'日');
            if let Some(d) = PartialDate::new(year as u16, month_ok.then_some(month as u8), day_ok.then_some(day as u8))
            {
                if !out.contains(&d) {
                    out.push(d);
                }
            }
            i = next + 1;
        } else {
            i = next.max(i + 1);
        }
    }
    out
}

/// The decimal number starting at `i` (capped, so that a long digit run cannot overflow), and
/// where it ends.
fn number(chars: &[char], i: usize) -> (u32, usize) {
    let mut n: u32 = 0;
    let mut j = i;
    while let Some(d) = chars.get(j).and_then(|c| c.to_digit(10)) {
        n = n.saturating_mul(10).saturating_add(d).min(1_000_000);
        j += 1;
    }
    (n, j)
}

/// An Excel serial day (1900 date system, with its phantom 29 February 1900) as a date.
fn excel_date(serial: f64) -> Option<PartialDate> {
    if !(61.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let base = time::Date::from_calendar_date(1899, time::Month::December, 30).ok()?;
    let d = base.checked_add(time::Duration::days(serial.trunc() as i64))?;
    PartialDate::new(d.year().try_into().ok()?, Some(d.month() as u8), Some(d.day()))
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.contains(&s) {
        v.push(s);
    }
}

#[cfg(test)]
mod tests {
    /// A workbook whose parts inflate past the limit is refused before calamine reads it, both
    /// when its directory says so and when it understates.
    #[test]
    fn a_workbook_inflating_past_the_limit_is_refused() {
        use std::io::Write;
        let mut buf = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            w.start_file("xl/worksheets/sheet1.xml", zip::write::SimpleFileOptions::default()).expect("start");
            w.write_all(&vec![b' '; 4 << 20]).expect("write");
            w.finish().expect("finish");
        }
        let bytes = buf.into_inner();
        assert!(bytes.len() < 1 << 20, "deflated spaces are small: {}", bytes.len());
        let err = inflated_within(&bytes, 1 << 20).expect_err("refused");
        assert!(err.contains("zip bomb"), "{err}");
        assert!(inflated_within(&bytes, 8 << 20).is_ok());
    }

    use super::*;

    #[test]
    fn excel_serial_days_are_dates() {
        assert_eq!(excel_date(19966.0).map(|d| d.to_string()), Some("1954-08-30".into()));
        assert_eq!(excel_date(-3.0), None);
    }

    #[test]
    fn dates_written_in_japanese_are_read() {
        let d = |s: &str| birth_dates(&Data::String(s.into())).iter().map(|d| d.to_string()).collect::<Vec<_>>();
        assert_eq!(d("1963年"), ["1963"]);
        assert_eq!(d("1942年7月10日生\nBorn on 10 July 1942"), ["1942-07-10"]);
        assert_eq!(d("（a）1966年頃（b）1960年 （c）1953年"), ["1966", "1960", "1953"]);
        assert_eq!(d("(b)１945年-1950年頃"), ["1945", "1950"]);
        assert!(d("99999999999年").is_empty());
    }

    #[test]
    fn alias_cells_list_their_names_without_labels() {
        let a = aliases(
            "（別称、株式会社SCFマネジメント・サービス・ドバイ）\n（a.k.a. SCF Management Services Dubai Ltd）",
        );
        assert_eq!(a, ["株式会社SCFマネジメント・サービス・ドバイ", "SCF Management Services Dubai Ltd"]);
        let a = aliases("（別称、株式会社ヴェクトル科学研究所及び株式会社ヴェクトル）\n (a.k.a. Vektor Institute; a.k.a. Vektor JSC)");
        assert_eq!(a, ["株式会社ヴェクトル科学研究所", "株式会社ヴェクトル", "Vektor Institute", "Vektor JSC"]);
        assert!(aliases("ＭＺＫＴ").is_empty());
        // Pieces whose first bytes end inside a letter are names, not a reason to panic.
        let a = aliases("(a.k.a. LUKASHENKO; ОАО Беларуськалий; Lukašenka; Ž)");
        assert_eq!(a, ["LUKASHENKO", "ОАО Беларуськалий", "Lukašenka", "Ž"]);
    }

    #[test]
    fn a_persons_surname_is_the_word_in_capitals_or_the_last_katakana_word() {
        assert_eq!(person_parts("Aleksandr LUKASHENKO"), ("LUKASHENKO".into(), "Aleksandr".into()));
        assert_eq!(person_parts("アレクサンドル・ルカシェンコ"), ("ルカシェンコ".into(), "アレクサンドル".into()));
    }
}
