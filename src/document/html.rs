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
    // Nesting past any real article's is flattened first: the parser's
    // scope checks cost the square of the depth.
    let doc = Html::parse_document(&super::nesting::limit_depth(source));
    let sel = |s: &str| Selector::parse(s).expect("static selector");

    let blocks = sel(BLOCKS);
    let flags = Flags::of(doc.root_element(), &blocks);
    let h1 = doc
        .select(&sel("h1"))
        .find(|e| flags.get(e.id()).is_some_and(|f| !f.dropped))
        .map(text_of);
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
    let mut paragraphs = Vec::new();
    let scope = root.unwrap_or_else(|| doc.root_element());
    for node in scope.descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        let Some(f) = flags.get(el.id()) else {
            continue;
        };
        if !blocks.matches(&el) || f.dropped || f.enclosed {
            continue;
        }
        // A <div> is a paragraph only when it holds text directly, not
        // other blocks (a wrapper's paragraphs are taken one by one).
        if el.value().name() == "div" && f.block_below {
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

/// Whether the element itself is never article text: a dropped element,
/// hidden, or page furniture by its class or id.
fn drops_itself(e: &scraper::node::Element) -> bool {
    DROPPED.contains(&e.name())
        || e.attr("aria-hidden") == Some("true")
        || [e.attr("class"), e.attr("id")]
            .into_iter()
            .flatten()
            .any(is_furniture)
}

/// What the paragraph pass needs to know of an element.
#[derive(Clone, Copy, Debug, Default)]
struct Flag {
    /// It or an ancestor is never article text.
    dropped: bool,
    /// A block below it (a <div> holding blocks is only a wrapper).
    block_below: bool,
    /// A block above it takes its text (a block that is not a wrapping
    /// <div>).
    enclosed: bool,
}

/// The flags of every element of a page, found in two walks over the tree
/// (without recursion, so a page nested twenty thousand deep is read in
/// time linear in its size and on a small stack).
struct Flags(rustc_hash::FxHashMap<ego_tree::NodeId, Flag>);

impl Flags {
    fn of(root: ElementRef, blocks: &Selector) -> Flags {
        use ego_tree::iter::Edge;
        let mut map: rustc_hash::FxHashMap<ego_tree::NodeId, Flag> = Default::default();
        // Bottom up: whether a block lies below each element.
        let mut below: Vec<bool> = Vec::new();
        for edge in root.traverse() {
            match edge {
                Edge::Open(n) if n.value().is_element() => below.push(false),
                Edge::Close(n) => {
                    let Some(el) = ElementRef::wrap(n) else {
                        continue;
                    };
                    let b = below.pop().unwrap_or(false);
                    map.entry(el.id()).or_default().block_below = b;
                    if let Some(parent) = below.last_mut() {
                        *parent |= b || blocks.matches(&el);
                    }
                }
                _ => {}
            }
        }
        // Top down: dropped and enclosed, from the ancestors.
        let mut stack: Vec<(bool, bool)> = Vec::new();
        for edge in root.traverse() {
            match edge {
                Edge::Open(n) => {
                    let Some(el) = ElementRef::wrap(n) else {
                        continue;
                    };
                    let (dropped, enclosed) = stack.last().copied().unwrap_or_default();
                    let f = map.entry(el.id()).or_default();
                    f.dropped = dropped || drops_itself(el.value());
                    f.enclosed = enclosed;
                    let takes_text =
                        blocks.matches(&el) && !(el.value().name() == "div" && f.block_below);
                    stack.push((f.dropped, enclosed || takes_text));
                }
                Edge::Close(n) if n.value().is_element() => {
                    stack.pop();
                }
                _ => {}
            }
        }
        Flags(map)
    }

    fn get(&self, id: ego_tree::NodeId) -> Option<Flag> {
        self.0.get(&id).copied()
    }
}

/// Whether a class or id names page furniture ("ad", "share-buttons").
fn is_furniture(names: &str) -> bool {
    names
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .any(|w| FURNITURE.contains(&w.to_ascii_lowercase().as_str()))
}

/// The element's text with runs of white space folded into one space.
fn text_of(el: ElementRef) -> String {
    let mut raw = String::new();
    collect_text(el, &mut raw);
    collapse_spaces(&raw)
}

/// The text under `el`, a line break after each block-like element and
/// for each <br>, without the dropped elements' text. A walk, not a
/// recursion: any depth of nesting.
fn collect_text(el: ElementRef, out: &mut String) {
    use ego_tree::iter::Edge;
    // The node whose subtree is being skipped (a dropped element).
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in el.traverse() {
        match edge {
            Edge::Open(n) if n.id() == el.id() => {}
            Edge::Close(n) if n.id() == el.id() => {}
            Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                if let Some(t) = n.value().as_text() {
                    out.push_str(t);
                } else if let Some(e) = n.value().as_element() {
                    if DROPPED.contains(&e.name()) {
                        skipping = Some(n.id());
                    } else if e.name() == "br" {
                        out.push('\n');
                    }
                }
            }
            Edge::Close(n) => {
                if skipping == Some(n.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if let Some(e) = n.value().as_element()
                    && matches!(
                        e.name(),
                        "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "tr" | "section"
                    )
                {
                    out.push('\n');
                }
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

    /// A page nested ten thousand deep: its paragraph is found, and reading
    /// it neither recurses per level (a small thread's stack) nor looks up
    /// every ancestor's subtree per element (5,000 levels took 6 s).
    #[test]
    fn a_deeply_nested_page_gives_its_paragraphs() {
        let depth = 10_000;
        let page = format!(
            "<html><body>{}<p>فقرة <b>في</b> العمق</p><div class=\"share\">شارك</div>{}<p>وأخرى</p></body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let a = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || extract(&page))
            .unwrap()
            .join()
            .expect("no stack overflow");
        assert_eq!(a.paragraphs, ["فقرة في العمق", "وأخرى"]);
    }
}
