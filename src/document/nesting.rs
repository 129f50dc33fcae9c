//! Pages nested deeper than any real article: their excess tags are left
//! out before parsing. The HTML parser checks the stack of open elements
//! for each tag it meets (the standard's "has an element in scope"), so a
//! page of N nested elements costs it N² steps: twenty thousand nested
//! `<div>`s took seconds, a 64 MB page of them would never open. Real
//! pages nest a few dozen deep; past [`MAX_DEPTH`] open elements, the
//! element halfway down loses its tags (its text stays), so the outer
//! levels and the innermost ones keep theirs and the parser's work stays
//! linear.
//!
//! The scan is a light tokenizer: comments, doctypes, quoted attribute
//! values, void elements and the raw text of `<script>`, `<style>` and
//! their kind are stepped over as the parser would; an element that closes
//! itself when another of its kind opens (`<p>`, `<li>`, table cells)
//! does so here too.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

/// Open elements kept; deeper start tags are dropped.
pub const MAX_DEPTH: usize = 256;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Elements that a new one of their kind closes.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "tr", "td", "th", "tbody", "thead", "tfoot",
];

/// `source` with the tags nested deeper than `MAX_DEPTH` left out (their
/// text stays); the source itself when none is.
pub fn limit_depth(source: &str) -> Cow<'_, str> {
    limit_depth_to(source, MAX_DEPTH)
}

fn limit_depth_to(source: &str, max: usize) -> Cow<'_, str> {
    let bytes = source.as_bytes();
    let mut stack = Stack::default();
    // Byte ranges of the tags left out, and where each open element's start
    // tag is (to leave it out later).
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut names: FxHashMap<String, u32> = FxHashMap::default();
    let mut i = 0;
    while let Some(off) = source[i..].find('<') {
        let at = i + off;
        let rest = &source[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i = comment.find("-->").map_or(source.len(), |e| at + 4 + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(source.len(), |e| at + e + 1);
            continue;
        }
        let end_tag = rest.starts_with("</");
        let name_start = at + if end_tag { 2 } else { 1 };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = at + 1;
            continue;
        }
        let name = source[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = tag_end(source, name_start + name_len);
        let self_closed = source[..tag_end].ends_with("/>");
        let next_id = names.len() as u32;
        let id = *names.entry(name.clone()).or_insert(next_id);
        i = tag_end;
        if end_tag {
            // The element it closes: left out before, its end tag is too.
            if let Some(true) = stack.close(id) {
                cuts.push((at, tag_end));
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            // Its text is not markup: on to its end tag.
            i = find_close(source, tag_end, &name);
            continue;
        }
        if VOID.contains(&name.as_str()) || self_closed {
            continue;
        }
        if SELF_CLOSING.contains(&name.as_str()) && stack.top() == Some(id) {
            stack.close(id);
        }
        if stack.kept() >= max {
            // Too deep: the element halfway down is left out, so the outer
            // levels and the innermost ones (a paragraph, its furniture,
            // its bold words) keep their tags.
            if let Some(start) = stack.cut_middle() {
                cuts.push(start);
            }
        }
        stack.push(id, (at, tag_end));
    }
    if cuts.is_empty() {
        return Cow::Borrowed(source);
    }
    cuts.sort_unstable();
    let mut out = String::with_capacity(source.len());
    let mut from = 0;
    for (a, b) in cuts {
        out.push_str(&source[from..a]);
        from = b;
    }
    out.push_str(&source[from..]);
    Cow::Owned(out)
}

/// The open elements, innermost last: (name, start tag, left out). Left-out
/// elements stay in the stack (their end tags are left out too) but do
/// not count toward the depth. A page of ten million nested elements keeps
/// ten million entries here, a few bytes each; they are let go at the end.
#[derive(Default)]
struct Stack {
    entries: Vec<(u32, (usize, usize), bool)>,
    /// The indices of the entries kept, in order.
    kept: Vec<usize>,
    /// How many entries of each name are open.
    open: FxHashMap<u32, usize>,
}

impl Stack {
    fn kept(&self) -> usize {
        self.kept.len()
    }

    fn push(&mut self, id: u32, start: (usize, usize)) {
        self.entries.push((id, start, false));
        self.kept.push(self.entries.len() - 1);
        *self.open.entry(id).or_default() += 1;
    }

    fn top(&self) -> Option<u32> {
        self.entries.last().map(|e| e.0)
    }

    /// Leaves out the kept element halfway down: its start tag's range.
    fn cut_middle(&mut self) -> Option<(usize, usize)> {
        if self.kept.is_empty() {
            return None;
        }
        let idx = self.kept.remove(self.kept.len() / 2);
        self.entries[idx].2 = true;
        Some(self.entries[idx].1)
    }

    /// Closes the innermost open element named `id` and those inside it;
    /// whether it had been left out (`None` when none is open).
    fn close(&mut self, id: u32) -> Option<bool> {
        if self.open.get(&id).is_none_or(|&n| n == 0) {
            return None;
        }
        while let Some((name, _, cut)) = self.entries.pop() {
            if !cut {
                self.kept.pop();
            }
            *self.open.entry(name).or_default() -= 1;
            if name == id {
                return Some(cut);
            }
        }
        None
    }
}

/// Where the end tag `</name` (in any case) starts at or after `from`; the
/// end of the source if nowhere.
fn find_close(source: &str, from: usize, name: &str) -> usize {
    let bytes = source.as_bytes();
    let mut k = from;
    while let Some(off) = source[k..].find("</") {
        let at = k + off;
        let n = &bytes[at + 2..];
        if n.len() >= name.len() && n[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return at;
        }
        k = at + 2;
    }
    source.len()
}

/// The byte after the `>` that ends a tag whose attributes start at `from`
/// (quoted values may hold `>`); the end of the source if none does.
fn tag_end(source: &str, from: usize) -> usize {
    let mut quote = None;
    for (k, b) in source.as_bytes()[from..].iter().enumerate() {
        match (quote, *b) {
            (None, b'"' | b'\'') => quote = Some(*b),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return from + k + 1,
            _ => {}
        }
    }
    source.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_page_is_left_as_it_is() {
        let page = r#"<!doctype html><html><head><title>a < b</title><script>if (a<b) x="<div>";</script></head>
            <body><!-- <div><div> --><article><p>واحد<p>اثنان<ul><li>بند<li>بند</ul>
            <img src="x.png" alt="a>b"><br/><div class='x>y'>نص</div></article></body></html>"#;
        assert!(matches!(limit_depth_to(page, 8), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_limit_are_left_out_and_their_text_kept() {
        let page = format!(
            "<html><body>{}<p>فقرة</p>{}<p>بعدها</p></body></html>",
            "<div class=\"a\">".repeat(20),
            "</div>".repeat(20)
        );
        let out = limit_depth_to(&page, 10);
        // Ten open at most: html, body, the outer and the inner <div>s and
        // the paragraph; the <div>s between are gone, with their end tags.
        assert_eq!(out.matches("<div").count(), 7);
        assert_eq!(out.matches("</div>").count(), 7);
        assert!(out.contains("<p>فقرة</p>") && out.contains("<p>بعدها</p>"));
        // What the page says is unchanged.
        let text = |s: &str| crate::document::html::extract(s).paragraphs;
        assert_eq!(text(&out), text(&page));
    }

    #[test]
    fn broken_markup_is_stepped_over() {
        for page in [
            "<",
            "<<<>>>",
            "</",
            "<div",
            "<!--",
            "<a href=\"x",
            "<3 <é> </ >",
        ] {
            let _ = limit_depth_to(page, 2);
        }
        // Unclosed <p>s close each other: a long list of them is not deep.
        let page = "<body>".to_owned() + &"<p>سطر".repeat(1000);
        assert!(matches!(limit_depth_to(&page, 10), Cow::Borrowed(_)));
    }
}
