//! Pages nested deeper than any real article: elements below [`MAX_DEPTH`] are unwrapped
//! (their tags dropped, their text kept) before the page is parsed. The HTML parser and the
//! readability pass walk the tree recursively, and in a browser's worker a page of thousands of
//! nested elements exhausts the call stack (natively it only costs time).
//!
//! A scan of the markup, not a parser: it counts open elements, leaving out void elements
//! (`<br>`), elements whose end tag may be omitted (`<p>`, `<li>`...) and the content of raw-text
//! elements (`<script>`, `<style>`, `<textarea>`, `<title>`) and comments. A page within the limit
//! is returned as it is.

use std::borrow::Cow;

/// Deeper than this, elements are unwrapped. Real pages nest a few dozen levels.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have an end tag, or whose end tag may be left out: they do not nest.
const FLAT: [&str; 26] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
    "tfoot", "colgroup",
];

/// Elements whose content is text up to their end tag.
const RAW: [&str; 5] = ["script", "style", "textarea", "title", "xmp"];

/// One tag of the markup: where it is and what it does to the depth.
enum Tag<'a> {
    Open(&'a str),
    Close,
    /// A comment, doctype, processing instruction, or a tag that does not nest.
    Other,
}

/// The tag starting at `html[at]` (a `<`) and the offset just after it.
fn tag_at(html: &str, at: usize) -> (Tag<'_>, usize) {
    let rest = &html[at..];
    if rest.starts_with("<!--") {
        let end = rest.find("-->").map_or(html.len(), |e| at + e + 3);
        return (Tag::Other, end);
    }
    let end = rest.find('>').map_or(html.len(), |e| at + e + 1);
    let inner = &html[at + 1..end.saturating_sub(1).max(at + 1)];
    let (closing, name_part) = match inner.strip_prefix('/') {
        Some(n) => (true, n),
        None => (false, inner),
    };
    let name_end = name_part
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .unwrap_or(name_part.len());
    let name = &name_part[..name_end];
    if name.is_empty() || FLAT.iter().any(|f| f.eq_ignore_ascii_case(name)) {
        return (Tag::Other, end);
    }
    if closing {
        (Tag::Close, end)
    } else if inner.ends_with('/') {
        (Tag::Other, end)
    } else {
        (Tag::Open(name), end)
    }
}

/// The end of a raw-text element's content opened by `name` (the start of its end tag).
fn raw_end(html: &str, from: usize, name: &str) -> usize {
    let lower = html[from..].to_ascii_lowercase();
    lower
        .find(&format!("</{}", name.to_ascii_lowercase()))
        .map_or(html.len(), |e| from + e)
}

/// Walks the tags of `html`, calling `keep(start, end, depth_after)` for each tag.
fn walk(html: &str, mut keep: impl FnMut(usize, usize, usize, bool)) {
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|o| i + o) {
        let (tag, end) = tag_at(html, lt);
        let (deep, next) = match tag {
            Tag::Open(name) => {
                depth += 1;
                let raw = RAW.iter().any(|r| r.eq_ignore_ascii_case(name));
                let next = if raw { raw_end(html, end, name) } else { end };
                (depth > MAX_DEPTH, next)
            }
            Tag::Close => {
                let deep = depth > MAX_DEPTH;
                depth = depth.saturating_sub(1);
                (deep, end)
            }
            Tag::Other => (false, end),
        };
        keep(lt, end, depth, deep);
        i = next.max(lt + 1);
    }
}

/// `html` with the elements below [`MAX_DEPTH`] unwrapped (borrowed when none are).
pub fn shallow(html: &str) -> Cow<'_, str> {
    let mut too_deep = false;
    walk(html, |_, _, _, deep| too_deep |= deep);
    if !too_deep {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    walk(html, |start, end, _, deep| {
        if deep {
            out.push_str(&html[copied..start]);
            copied = end;
        }
    });
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_left_alone() {
        let html = "<html><body><p>One<p>Two<br><img src=x><script>if (a<b) {}</script><div>x</div></body></html>";
        assert!(matches!(shallow(html), Cow::Borrowed(_)));
        let many_paragraphs = "<p>para".repeat(2 * MAX_DEPTH);
        assert!(matches!(shallow(&many_paragraphs), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_elements_are_unwrapped_and_their_text_kept() {
        let n = 5 * MAX_DEPTH;
        let html = format!(
            "<body>{}deep text{}<p>after</p></body>",
            "<div class=a>".repeat(n),
            "</div>".repeat(n)
        );
        let out = shallow(&html);
        assert_eq!(out.matches("<div").count(), MAX_DEPTH - 1);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH - 1);
        assert!(out.contains("deep text") && out.ends_with("<p>after</p></body>"));
    }

    #[test]
    fn raw_text_and_comments_do_not_count() {
        let inner = "<div>".repeat(3 * MAX_DEPTH);
        let html = format!("<script>var s = '{inner}';</script><!-- {inner} --><p>x</p>");
        assert!(matches!(shallow(&html), Cow::Borrowed(_)));
        assert!(matches!(shallow("<div"), Cow::Borrowed(_)));
    }
}
