//! Saved web pages (`.html`, `.htm`): the article a page holds and what the page says about
//! itself (headline, site name, publication date, canonical URL).
//!
//! The article is found by `dom_smoothie`, a port of Mozilla's readability.js: navigation,
//! banners, related-story lists and comments are left out. Only text comes out of a page:
//! scripts, styles, templates and event handlers are never run and never kept, and markup
//! written as text (`&lt;b&gt;`) stays text.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

/// The article a page holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The headline on its own line, a blank line, then the article's paragraphs, one per line.
    pub text: String,
    pub title: Option<String>,
    /// The site's name (`og:site_name`, or the publisher of its JSON-LD).
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`, from the page's metadata or the first `<time datetime>`.
    pub published: Option<String>,
    /// The canonical URL (`<link rel="canonical">`, `og:url`, or JSON-LD).
    pub url: Option<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    #[error("an HTML page with no readable article; skipped")]
    NoArticle,
    #[error("an HTML page that could not be read ({0}); skipped")]
    Unreadable(String),
}

/// An article has at least this many prose paragraphs: lines of several words that end a
/// sentence. A front page's headlines, a login form or an index have none.
const MIN_PROSE_PARAGRAPHS: usize = 2;
const PROSE_WORDS: usize = 12;

/// Reads the article out of a saved page.
pub fn read_page(html: &str) -> Result<Page, PageError> {
    let doc = Document::from(crate::nesting::shallow(html).as_ref());
    let canonical = canonical_url(&doc);
    let time = first_time(&doc);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut reader = Readability::with_document(doc, None, Some(cfg))
        .map_err(|e| PageError::Unreadable(e.to_string()))?;
    let article = reader.parse().map_err(|_| PageError::NoArticle)?;
    let body = paragraphs(&article.text_content);
    if body.lines().filter(|l| is_prose(l)).count() < MIN_PROSE_PARAGRAPHS {
        return Err(PageError::NoArticle);
    }
    let title = Some(one_line(&article.title)).filter(|t| !t.is_empty());
    let text = match &title {
        Some(t) if !body.starts_with(t.as_str()) => format!("{t}\n\n{body}"),
        _ => body,
    };
    Ok(Page {
        text,
        title,
        outlet: article
            .site_name
            .map(|s| one_line(&s))
            .filter(|s| !s.is_empty()),
        published: article
            .published_time
            .as_deref()
            .and_then(iso_day)
            .or_else(|| time.as_deref().and_then(iso_day)),
        url: canonical.or(article.url).filter(|u| !u.is_empty()),
    })
}

/// The article's text with one paragraph per line and no blank runs, each line trimmed.
fn paragraphs(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(one_line)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

fn is_prose(line: &str) -> bool {
    line.split_whitespace().nth(PROSE_WORDS - 1).is_some()
        && line
            .trim_end()
            .ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}'])
}

/// Whitespace (including no-break spaces) collapsed to single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn canonical_url(doc: &Document) -> Option<String> {
    let link = doc.select(r#"link[rel="canonical"]"#).attr("href");
    let og = || doc.select(r#"meta[property="og:url"]"#).attr("content");
    link.or_else(og)
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
}

/// Where a page marks its publication time, most specific first: a stray `<time>` in a
/// news ticker or a related-stories list must not win over the byline's.
const TIME_SELECTORS: [&str; 5] = [
    r#"time[itemprop="datePublished"]"#,
    "time[pubdate]",
    r#"[class*="byline"] time[datetime]"#,
    "article time[datetime]",
    "time[datetime]",
];

fn first_time(doc: &Document) -> Option<String> {
    TIME_SELECTORS
        .iter()
        .find_map(|sel| doc.select(sel).attr("datetime"))
        .map(|t| t.to_string())
}

/// The day of an ISO 8601 date or date-time ("2025-02-04T09:20:00Z" → "2025-02-04").
fn iso_day(s: &str) -> Option<String> {
    let day = s.trim().get(..10)?;
    claimscope_model::day::parse_day(day).map(|_| day.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
    }

    const STORY: &str =
        "<p>At least 41 people were killed when the river burst its banks on Sunday, \
        the regional governor said, and rescuers were still searching for survivors in the \
        flooded villages along the valley.</p><p>\"We have never seen water like this,\" said \
        Mara Ilić, 54, a shopkeeper whose house was swept away. Officials said 300 soldiers had \
        been sent to help.</p>";

    #[test]
    fn metadata_and_article_text_come_out_of_a_page() {
        let html = page(
            r#"<title>Floods kill 41 | The Courier</title>
               <meta property="og:site_name" content="The Courier">
               <meta property="article:published_time" content="2025-03-02T08:15:00Z">
               <link rel="canonical" href="https://courier.example/floods">"#,
            &format!(
                r#"<nav><a href="/">Home</a> <a href="/world">World</a></nav>
                   <article><h1>Floods kill 41</h1>{STORY}</article>
                   <aside><h2>Most read</h2><ul><li><a href="/a">Bus crash kills 14</a></li></ul></aside>
                   <script>var headline = "30 killed in riots";</script>"#
            ),
        );
        let p = read_page(&html).unwrap();
        assert_eq!(p.outlet.as_deref(), Some("The Courier"));
        assert_eq!(p.published.as_deref(), Some("2025-03-02"));
        assert_eq!(p.url.as_deref(), Some("https://courier.example/floods"));
        assert!(
            p.text.contains("At least 41 people were killed"),
            "{}",
            p.text
        );
        assert!(p.text.contains("Mara Ilić, 54, a shopkeeper"), "{}", p.text);
        assert!(!p.text.contains("30 killed"), "{}", p.text);
        assert!(!p.text.contains("Bus crash"), "{}", p.text);
        assert!(!p.text.contains("Home"), "{}", p.text);
    }

    #[test]
    fn a_page_without_an_article_is_refused() {
        let html = page(
            "<title>Sign in</title>",
            r#"<form><label>Email <input name="e"></label><button>Sign in</button></form>"#,
        );
        assert_eq!(read_page(&html), Err(PageError::NoArticle));
        assert_eq!(read_page(""), Err(PageError::NoArticle));
    }

    #[test]
    fn markup_in_a_page_is_text_or_nothing() {
        let html = page(
            "<title>Test</title>",
            &format!(
                r#"<article>{STORY}<p>Escaped &lt;b&gt;not bold&lt;/b&gt; stays.</p>
                   <script>alert(1)</script><img src=x onerror="alert(2)">
                   <p><a href="javascript:alert(3)">a link</a></p></article>"#
            ),
        );
        let p = read_page(&html).unwrap();
        assert!(p.text.contains("<b>not bold</b>"), "{}", p.text);
        assert!(!p.text.contains("alert"), "{}", p.text);
        assert!(!p.text.contains("onerror"), "{}", p.text);
    }

    #[test]
    fn deep_nesting_neither_overflows_nor_hides_the_article() {
        let depth = 5000;
        let html = page(
            "<title>Deep</title>",
            &format!(
                "<article>{STORY}</article>{}x{}",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            ),
        );
        let p = read_page(&html).unwrap();
        assert!(p.text.contains("At least 41 people"), "{}", p.text);
    }
}
