//! A small owned XML tree built with `quick-xml`, shared by the NITF and NewsML readers: they ask
//! it for elements by local name (namespace prefixes dropped, case ignored) and for the text of
//! paragraphs. It knows XML, not any feed vocabulary. Deeply nested or malformed input is an
//! error, never a panic.

use quick_xml::Reader;
use quick_xml::events::Event;

/// Deeper nesting than this is refused: no feed nests so deep, and recursion must stay bounded.
const MAX_DEPTH: usize = 200;

/// An element: its local name, attributes and children.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Element {
    /// Local name, as written (no namespace prefix).
    pub name: String,
    /// Attributes by local name, unescaped.
    pub attrs: Vec<(String, String)>,
    /// Child elements and text, in order.
    pub children: Vec<Node>,
}

/// A child of an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Node {
    /// A nested element.
    Element(Element),
    /// Character data.
    Text(String),
}

/// Elements whose text is one paragraph of a story body.
const BLOCKS: &[&str] = &["p", "li", "h2", "h3", "h4", "blockquote", "pre"];

impl Element {
    /// True when the element's local name is `name`, ignoring case.
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// The first descendant (depth first, the element itself excluded) named `name`.
    pub fn find(&self, name: &str) -> Option<&Element> {
        self.elements().find_map(|child| {
            if child.is(name) {
                Some(child)
            } else {
                child.find(name)
            }
        })
    }

    /// Every descendant named `name`, not looking inside a match.
    pub fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for child in self.elements() {
            if child.is(name) {
                out.push(child);
            } else {
                child.find_all(name, out);
            }
        }
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// An attribute's value, by local name ignoring case.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// All the text inside, with whitespace collapsed; `None` when blank.
    pub fn text(&self) -> Option<String> {
        let mut raw = String::new();
        self.raw_text(&mut raw);
        let text = collapse(&raw);
        (!text.is_empty()).then_some(text)
    }

    /// The text of the first descendant named `name`, if it has any.
    pub fn text_of(&self, name: &str) -> Option<String> {
        let mut found = Vec::new();
        self.find_all(name, &mut found);
        found.into_iter().find_map(Element::text)
    }

    fn raw_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Element(element) => {
                    // A line break inside a paragraph separates words.
                    if element.is("br") {
                        out.push(' ');
                    }
                    element.raw_text(out);
                    if BLOCKS.iter().any(|b| element.is(b)) {
                        out.push_str("\n\n");
                    }
                }
            }
        }
    }

    /// The body's paragraphs: each `<p>` (or list item, subhead, quote block) is one; where there
    /// are none, the text is split at blank lines.
    pub fn paragraphs(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.block_texts(&mut out);
        if out.is_empty() {
            let mut raw = String::new();
            self.raw_text(&mut raw);
            out = super::raw::paragraphs(&raw);
        }
        out
    }

    fn block_texts(&self, out: &mut Vec<String>) {
        for child in self.elements() {
            if BLOCKS.iter().any(|b| child.is(b)) {
                out.extend(child.text());
            } else {
                child.block_texts(out);
            }
        }
    }
}

/// Collapses runs of whitespace to one space and trims.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses a whole XML document into its root element.
pub(super) fn parse(text: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let event = reader
            .read_event()
            .map_err(|err| format!("{err} (at byte {})", reader.error_position()))?;
        match event {
            Event::Start(start) => {
                if stack.len() > MAX_DEPTH {
                    return Err(format!("elements nested deeper than {MAX_DEPTH}"));
                }
                stack.push(element_of(&start));
            }
            Event::Empty(start) => push(&mut stack, Node::Element(element_of(&start))),
            Event::End(_) => {
                let done = stack.pop().unwrap_or_default();
                if stack.is_empty() {
                    return Err("closing tag without an opening one".into());
                }
                push(&mut stack, Node::Element(done));
            }
            Event::Text(text) => push(&mut stack, Node::Text(text.xml10_content().into_owned())),
            Event::CData(data) => push(&mut stack, Node::Text(data.xml10_content().into_owned())),
            Event::GeneralRef(reference) => {
                let text = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => named_entity(&reference).to_string(),
                };
                push(&mut stack, Node::Text(text));
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if stack.len() > 1 {
        let open = stack.last().map(|e| e.name.clone()).unwrap_or_default();
        return Err(format!("unexpected end of file inside <{open}>"));
    }
    let document = stack.pop().unwrap_or_default();
    document
        .elements()
        .next()
        .cloned()
        .ok_or_else(|| "no root element".to_string())
}

fn push(stack: &mut [Element], node: Node) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

fn element_of(start: &quick_xml::events::BytesStart<'_>) -> Element {
    Element {
        name: start.local_name().as_ref().to_string(),
        attrs: start
            .attributes()
            .flatten()
            .map(|attr| {
                let value = attr
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map(|v| v.into_owned())
                    .unwrap_or_else(|_| attr.value.to_string());
                (attr.key.local_name().as_ref().to_string(), value)
            })
            .collect(),
        children: Vec::new(),
    }
}

/// The XML predefined entities and the HTML ones that NITF bodies use; others stay as written.
fn named_entity(name: &str) -> String {
    let known = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => " ",
        "mdash" => "—",
        "ndash" => "–",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "hellip" => "…",
        _ => return format!("&{name};"),
    };
    known.to_string()
}

/// The name of a document's root element (lower-cased input expected), skipping the XML
/// declaration, comments, processing instructions and the doctype.
pub(super) fn root_element(text: &str) -> Option<String> {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.get(after.find("-->")? + 3..)?.trim_start();
        } else if rest.starts_with("<!doctype")
            && rest
                .find('[')
                .is_some_and(|b| rest.find('>').is_some_and(|g| b < g))
        {
            // A doctype with an internal subset: `<!DOCTYPE NewsML ... [ <!ENTITY ...> ]>`.
            rest = rest.get(rest.find("]>")? + 2..)?.trim_start();
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            rest = rest.get(rest.find('>')? + 1..)?.trim_start();
        } else if let Some(after) = rest.strip_prefix('<') {
            let end = after.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
            return Some(after[..end].to_string());
        } else {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_gives_text_by_local_name_and_paragraphs() {
        let root = parse(
            "<?xml version=\"1.0\"?><ns0:a xmlns:ns0=\"x\"><ns0:hl1>Head &amp; line</ns0:hl1>\
             <body><p>One <b>bold</b>&#160;word</p><p/><p>Two&rsquo;s</p></body></ns0:a>",
        )
        .unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.text_of("HL1").as_deref(), Some("Head & line"));
        assert_eq!(
            root.find("body").unwrap().paragraphs(),
            ["One bold word", "Two’s"]
        );
    }

    #[test]
    fn root_element_skips_prolog() {
        let cases = [
            (
                "<?xml version='1.0'?>\n<!-- c <x> -->\n<newsmessage xmlns=''>",
                Some("newsmessage"),
            ),
            ("<!doctype nitf><nitf>", Some("nitf")),
            (
                "<!doctype newsml p [\n<!entity % n system 'x'>\n%n;\n]>\n<newsml>",
                Some("newsml"),
            ),
            ("<ns0:newsmessage>", Some("ns0:newsmessage")),
            ("plain", None),
            ("<!-- never closed", None),
        ];
        for (input, expected) in cases {
            assert_eq!(root_element(input).as_deref(), expected, "{input}");
        }
    }

    #[test]
    fn malformed_and_truncated_xml_are_errors_not_panics() {
        let deep = "<a>".repeat(10_000);
        for input in [
            "<a><b></a>",
            "<a><b>text",
            "</a>",
            "",
            "<a x='1></a>",
            deep.as_str(),
        ] {
            assert!(parse(input).is_err(), "{input:.40}");
        }
    }
}
