//! A small record reader for the XML publications made of one root holding many records (the
//! FCDO's `<Designations>`, the EU's `<export>`): each record is built into a little tree and
//! handed over as soon as it closes, so memory holds one record, never the whole publication.
//!
//! Both formats nest their facts several levels deep (`IndividualDetails/Individual/DOBs/DOB`) and
//! carry them in attributes (EU) as often as in text (FCDO); a tree per record reads both plainly,
//! where an event loop per format would repeat the same bookkeeping twice. The checks every XML
//! publication needs live here once: the root element is the expected one (another format is
//! refused, never read as empty), and the file ends with the root closed (a cut file is refused).

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{line_at, ParseError};
use crate::model::clean_spaces;

/// Deeper nesting than any list format uses is refused: the trees are walked recursively.
const MAX_DEPTH: usize = 32;

/// One element of a record: local name (namespace prefix dropped), attributes, text, children.
#[derive(Debug, Default, Clone)]
pub(super) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Element>,
    /// Line of the start tag in the file.
    pub line: u64,
}

impl Element {
    /// The attribute's value, spaces collapsed; empty when absent.
    pub fn attr(&self, name: &str) -> String {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| clean_spaces(v)).unwrap_or_default()
    }

    /// The direct children of that name.
    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The text of the first direct child of that name, spaces collapsed; empty when absent.
    pub fn child_text(&self, name: &str) -> String {
        self.children(name).next().map(|c| clean_spaces(&c.text)).unwrap_or_default()
    }

    /// Every element of that name below this one, in document order, at any depth.
    pub fn descendants<'a>(&'a self, name: &str) -> Vec<&'a Element> {
        let mut out = Vec::new();
        self.collect(name, &mut out);
        out
    }

    fn collect<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for c in &self.children {
            if c.name == name {
                out.push(c);
            }
            c.collect(name, out);
        }
    }

    /// The texts of every element of that name below this one, non-empty, spaces collapsed.
    pub fn texts(&self, name: &str) -> Vec<String> {
        self.descendants(name).into_iter().map(|e| clean_spaces(&e.text)).filter(|t| !t.is_empty()).collect()
    }
}

/// What a publication is expected to look like.
pub(super) struct Shape<'a> {
    /// The publication's name for messages: `a UK Sanctions List (FCDO XML)`.
    pub format: &'a str,
    pub root: &'a str,
    /// The root's namespace, when the format has one: a root of the right name in another
    /// namespace is another format.
    pub namespace: Option<&'a str>,
    /// The record element, a direct child of the root.
    pub record: &'a str,
}

/// Reads the publication, calling `on_record` with each record as it closes; returns the root
/// with its attributes and its children other than records (the header: dates and such).
/// `on_record` returns a message to refuse the publication at that record.
pub(super) fn read_records(
    file: &str,
    bytes: &[u8],
    shape: &Shape<'_>,
    mut on_record: impl FnMut(Element) -> Result<(), String>,
) -> Result<Element, ParseError> {
    let text = super::xml_text(file, bytes, &format!(": not {}", shape.format))?;
    let mut reader = Reader::from_str(text);
    let mut lines = super::Lines::new(text);
    // Open elements: the root at the bottom, then the record being read and its open children.
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let pos = reader.buffer_position() as usize;
        let at = |m: String| ParseError::line(file, line_at(bytes, pos), m);
        let event = reader.read_event().map_err(|e| at(format!("malformed XML: {e}")))?;
        match event {
            Event::Start(e) | Event::Empty(e) if root.is_some() => {
                return Err(at(format!("<{}> after the closing </{}>", local(&e), shape.root)));
            }
            Event::Start(e) => {
                let el = open(&e, lines.at(pos as u64), &at)?;
                check_open(&stack, &el, shape, file)?;
                if stack.len() >= MAX_DEPTH {
                    return Err(at(format!("elements nested more than {MAX_DEPTH} deep")));
                }
                stack.push(el);
            }
            Event::Empty(e) => {
                let el = open(&e, lines.at(pos as u64), &at)?;
                check_open(&stack, &el, shape, file)?;
                if stack.is_empty() {
                    // A root with nothing in it: a whole, empty publication.
                    root = Some(el);
                } else {
                    close(&mut stack, el, shape, &mut on_record, file)?;
                }
            }
            Event::End(_) => {
                let Some(el) = stack.pop() else { return Err(at("closing tag without an opening one".into())) };
                if stack.is_empty() {
                    root = Some(el);
                } else {
                    close(&mut stack, el, shape, &mut on_record, file)?;
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    let value = t.xml_content().map_err(|e| at(format!("bad text in <{}>: {e}", top.name)))?;
                    top.text.push_str(&value);
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    let value = t.decode().map_err(|e| at(format!("bad CDATA in <{}>: {e}", top.name)))?;
                    top.text.push_str(&value);
                }
            }
            Event::GeneralRef(r) => {
                // Entity and character references (&amp;, &#233;) arrive as separate events.
                if let Some(top) = stack.last_mut() {
                    let raw = String::from_utf8_lossy(r.as_ref()).into_owned();
                    let resolved = resolve_ref(&raw).ok_or_else(|| at(format!("unknown XML reference &{raw};")))?;
                    top.text.push_str(&resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    match (root, stack.is_empty()) {
        (Some(root), _) => Ok(root),
        (None, true) => Err(ParseError::file(file, format!("not {}: no <{}> element", shape.format, shape.root))),
        (None, false) => Err(ParseError::file(
            file,
            format!(
                "file ends before the closing </{}>: the publication is cut short or still being written",
                shape.root
            ),
        )),
    }
}

/// An opened element: the root must be the format's.
fn check_open(stack: &[Element], el: &Element, shape: &Shape<'_>, file: &str) -> Result<(), ParseError> {
    if !stack.is_empty() {
        return Ok(());
    }
    if el.name != shape.root {
        return Err(ParseError::file(
            file,
            format!("not {}: the root element is <{}>, expected <{}>", shape.format, el.name, shape.root),
        ));
    }
    if let Some(ns) = shape.namespace {
        // The default namespace or a prefixed one (`<ns2:export xmlns:ns2=…>`) may carry it.
        let declared: Vec<&str> =
            el.attrs.iter().filter(|(k, _)| k == "xmlns" || k.starts_with("xmlns:")).map(|(_, v)| v.as_str()).collect();
        if !declared.contains(&ns) {
            let declared = declared.join(" ");
            return Err(ParseError::file(
                file,
                format!("not {}: <{}> is in namespace `{declared}`, expected `{ns}`", shape.format, shape.root),
            ));
        }
    }
    Ok(())
}

/// A closed element below the root: a record goes to the caller, anything else to its parent.
fn close(
    stack: &mut [Element],
    el: Element,
    shape: &Shape<'_>,
    on_record: &mut impl FnMut(Element) -> Result<(), String>,
    file: &str,
) -> Result<(), ParseError> {
    let line = el.line;
    if stack.len() == 1 && el.name == shape.record {
        return on_record(el).map_err(|m| ParseError::line(file, line, m));
    }
    if let Some(parent) = stack.last_mut() {
        parent.children.push(el);
    }
    Ok(())
}

fn local(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

/// Attributes one element may have. The formats read here have a handful; checking each against
/// the others (repeats are an error) costs the square of their number, and 200,000 on one
/// element held the reloader for 40 s.
const MAX_ATTRIBUTES: usize = 64;

fn open(e: &BytesStart<'_>, line: u64, at: &impl Fn(String) -> ParseError) -> Result<Element, ParseError> {
    let name = local(e);
    if e.attributes().with_checks(false).take(MAX_ATTRIBUTES + 1).count() > MAX_ATTRIBUTES {
        return Err(at(format!("<{name}> has more than {MAX_ATTRIBUTES} attributes: not this list's format")));
    }
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| at(format!("bad attribute in <{name}>: {err}")))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a.unescape_value().map_err(|err| at(format!("bad value of {key} in <{name}>: {err}")))?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element { name, attrs, line, ..Default::default() })
}

fn resolve_ref(raw: &str) -> Option<String> {
    if let Some(num) = raw.strip_prefix('#') {
        let code = match num.strip_prefix('x') {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).map(String::from);
    }
    let s = match raw {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    };
    Some(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPE: Shape<'static> = Shape { format: "a test list", root: "list", namespace: None, record: "item" };

    fn read(xml: &str) -> Result<(Element, Vec<Element>), ParseError> {
        let mut items = Vec::new();
        let root = read_records("t.xml", xml.as_bytes(), &SHAPE, |e| {
            items.push(e);
            Ok(())
        })?;
        Ok((root, items))
    }

    #[test]
    fn records_come_with_their_nested_facts_and_the_header_stays_with_the_root() {
        let (root, items) =
            read("<list v=\"1\"><date>x</date><item id=\"a&amp;b\"><n><m>A &amp; B</m></n></item><item/></list>")
                .expect("reads");
        assert_eq!(root.attr("v"), "1");
        assert_eq!(root.child_text("date"), "x");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].attr("id"), "a&b");
        assert_eq!(items[0].texts("m"), ["A & B"]);
    }

    #[test]
    fn another_root_a_cut_file_and_trailing_elements_are_refused() {
        assert!(read("<other><item/></other>").unwrap_err().to_string().contains("root element is <other>"));
        assert!(read("<list><item></item>").unwrap_err().to_string().contains("cut short"));
        assert!(read("<list/><item/>").unwrap_err().to_string().contains("after the closing"));
        assert!(read("").unwrap_err().to_string().contains("no <list>"));
        let attributes: String = (0..65).map(|i| format!(" a{i}=\"1\"")).collect();
        let e = read(&format!("<list><item{attributes}/></list>")).unwrap_err().to_string();
        assert!(e.contains("<item> has more than 64 attributes"), "{e}");
        let deep = format!("<list><item>{}{}</item></list>", "<a>".repeat(40), "</a>".repeat(40));
        assert!(read(&deep).unwrap_err().to_string().contains("nested"));
        let e = read("<list><item>a\u{1}b</item></list>").unwrap_err().to_string();
        assert!(e.contains("control character U+0001"), "{e}");
    }
}
