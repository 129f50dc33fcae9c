//! Saved news pages: the title and the article's paragraphs, through a real
//! HTML parser (html5ever via `scraper`). Scripts, styles, navigation, headers,
//! footers, asides and forms are dropped. Nothing is fetched: links, images and
//! styles are never followed.

use scraper::{ElementRef, Html, Selector};

/// What a page holds for the reader.
#[derive(Debug, Default, PartialEq)]
pub struct Article {
    pub title: String,
    pub paragraphs: Vec<String>,
    /// `<meta property="article:published_time">` and similar, as written.
    pub published: Option<String>,
}

/// Elements whose text is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "select",
    "template", "svg", "iframe", "menu",
];

/// Elements that make a paragraph of their own.
const BLOCKS: &str = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, dd, dt, td, div";

/// Class or id words of page furniture: advertising, sharing, related links.
const FURNITURE: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "promo",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "comments",
    "comment",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "subscribe",
    "sidebar",
    "menu",
    "tags",
];

pub fn extract(source: &str) -> Article {
    let doc = Html::parse_document(source);
    let sel = |s: &str| Selector::parse(s).expect("static selector");

    let h1 = doc.select(&sel("h1")).find(|e| !is_dropped(e)).map(text_of);
    let title_tag = doc.select(&sel("title")).next().map(text_of);
    let title = [h1, title_tag]
        .into_iter()
        .flatten()
        .find(|t| !t.is_empty())
        .unwrap_or_default();

    let published = doc
        .select(&sel("meta"))
        .find(|m| {
            let v = m.value();
            let key = v.attr("property").or(v.attr("name")).or(v.attr("itemprop"));
            matches!(
                key,
                Some(
                    "article:published_time"
                        | "datePublished"
                        | "date"
                        | "pubdate"
                        | "og:published_time"
                )
            )
        })
        .and_then(|m| m.value().attr("content").map(str::to_owned));

    // The article body: <article>, else <main>, else <body>, else the page.
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .find_map(|s| doc.select(&sel(s)).next());
    let blocks = sel(BLOCKS);
    let mut paragraphs = Vec::new();
    let candidates: Vec<ElementRef> = match root {
        Some(r) => r.select(&blocks).collect(),
        None => doc.select(&blocks).collect(),
    };
    for el in candidates {
        if is_dropped(&el) || has_block_ancestor(&el, &blocks) {
            continue;
        }
        // A <div> is a paragraph only when it holds text directly, not
        // other blocks (a wrapper's paragraphs are taken one by one).
        if el.value().name() == "div" && el.select(&blocks).next().is_some() {
            continue;
        }
        let text = text_of(el);
        if text.is_empty() || (el.value().name() == "h1" && text == title) {
            continue;
        }
        paragraphs.push(text);
    }
    if paragraphs.is_empty() {
        // A page without block markup: its visible text, line by line.
        if let Some(r) = root {
            let mut raw = String::new();
            collect_text(r, &mut raw);
            paragraphs = raw
                .lines()
                .map(collapse_spaces)
                .filter(|l| !l.is_empty() && *l != title)
                .collect();
        }
    }
    Article {
        title,
        paragraphs,
        published,
    }
}

fn is_dropped(el: &ElementRef) -> bool {
    std::iter::once(**el)
        .chain(el.ancestors())
        .filter_map(|n| n.value().as_element())
        .any(|e| {
            DROPPED.contains(&e.name())
                || e.attr("aria-hidden") == Some("true")
                || [e.attr("class"), e.attr("id")]
                    .into_iter()
                    .flatten()
                    .any(is_furniture)
        })
}

/// Whether a class or id names page furniture ("ad", "share-buttons").
fn is_furniture(names: &str) -> bool {
    names
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .any(|w| FURNITURE.contains(&w.to_ascii_lowercase().as_str()))
}

/// Whether a block the article's paragraphs are taken from encloses `el`:
/// its text is taken with the enclosing block, or one by one through the
/// blocks inside a wrapping <div>.
fn has_block_ancestor(el: &ElementRef, blocks: &Selector) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        blocks.matches(&a) && !(a.value().name() == "div" && a.select(blocks).next().is_some())
    })
}

/// The element's text with runs of white space folded into one space.
fn text_of(el: ElementRef) -> String {
    let mut raw = String::new();
    collect_text(el, &mut raw);
    collapse_spaces(&raw)
}

fn collect_text(el: ElementRef, out: &mut String) {
    for child in el.children() {
        if let Some(t) = child.value().as_text() {
            out.push_str(t);
        } else if let Some(e) = ElementRef::wrap(child) {
            let name = e.value().name();
            if DROPPED.contains(&name) {
                continue;
            }
            if name == "br" {
                out.push('\n');
            }
            collect_text(e, out);
            if matches!(
                name,
                "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "tr" | "section"
            ) {
                out.push('\n');
            }
        }
    }
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_paragraphs_without_navigation_or_scripts() {
        let page = r#"<!doctype html><html><head><title>الموقع - خبر</title>
            <meta property="article:published_time" content="2023-11-08T10:00:00Z">
            <script>var x = "لا";</script><style>p{}</style></head>
            <body><nav><a href="/">الرئيسية</a></nav>
            <article><h1>واشنطن تنفي</h1><p>نفت   المتحدثة <b>سابرينا</b> سينغ.</p>
            <div class="ad"><script>ad()</script></div><p>فقرة ثانية</p></article>
            <footer><p>حقوق النشر</p></footer></body></html>"#;
        let a = extract(page);
        assert_eq!(a.title, "واشنطن تنفي");
        assert_eq!(a.paragraphs, ["نفت المتحدثة سابرينا سينغ.", "فقرة ثانية"]);
        assert_eq!(a.published.as_deref(), Some("2023-11-08T10:00:00Z"));
    }

    #[test]
    fn title_tag_when_no_h1_and_nested_blocks_once() {
        let page = "<html><head><title>عنوان</title></head><body><ul><li><p>بند</p></li></ul></body></html>";
        let a = extract(page);
        assert_eq!(a.title, "عنوان");
        assert_eq!(a.paragraphs, ["بند"]);
    }
}
