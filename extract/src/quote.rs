//! Direct quotations of an article: where each one opens and closes, across sentences and
//! paragraphs. Curly marks say which way they face; a straight `"` (or a doubled apostrophe
//! `''`) opens after a space or a bracket and closes otherwise. A paragraph that ends inside a
//! quote goes on into the next one when that opens with a mark (the newspaper convention for a
//! quote over several paragraphs); otherwise the quote ends with its paragraph (cut texts).

use crate::token::Token;

/// Byte ranges `[open mark, past the close mark)` of every quotation of the paragraphs.
pub fn regions(text: &str, paragraphs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (n, &(ps, pe)) in paragraphs.iter().enumerate() {
        let para = &text[ps..pe];
        let bytes = para.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Every mark is '"', '\'' or starts with one of the two lead bytes of '“', '”',
            // '„' (U+201C-E) and '«', '»' (U+00AB, U+00BB).
            if !matches!(bytes[i], b'"' | b'\'' | 0xC2 | 0xE2) {
                i += 1;
                continue;
            }
            let at = ps + i;
            let c = para[i..].chars().next().unwrap_or(' ');
            let doubled = c == '\'' && bytes.get(i + 1) == Some(&b'\'');
            let width = if doubled { 2 } else { c.len_utf8() };
            // The marks around a straight quote: the character before and after it.
            let straight = || {
                opens(
                    para[..i].chars().next_back(),
                    para[i + width..].chars().next(),
                )
            };
            let faces = match c {
                '“' | '«' | '„' => Some(true),
                '”' | '»' => Some(false),
                '"' => Some(straight()),
                '\'' if doubled => Some(straight()),
                _ => None,
            };
            match (faces, open) {
                (Some(true), None) => open = Some(at),
                (Some(false), Some(s)) => {
                    out.push((s, at + width));
                    open = None;
                }
                // An opening mark while a quote is open (a paragraph reopening it, the
                // newspaper convention) or a closing one with none open: nothing changes.
                _ => {}
            }
            i += width;
        }
        if let Some(s) = open {
            let continues = paragraphs
                .get(n + 1)
                .is_some_and(|&(qs, qe)| text[qs..qe].starts_with(['“', '"', '«']));
            if !continues {
                out.push((s, pe));
                open = None;
            }
        }
    }
    if let Some(s) = open {
        out.push((s, paragraphs.last().map_or(s, |p| p.1)));
    }
    out
}

/// A straight mark opens after white space, an opening bracket or a dash (or at the start) and
/// before a non-space.
fn opens(prev: Option<char>, next: Option<char>) -> bool {
    let after_break =
        prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':'));
    after_break && next.is_some_and(|c| !c.is_whitespace())
}

/// Which tokens lie inside one of `regions` (the marks themselves do not).
pub fn inside(toks: &[Token], regions: &[(usize, usize)]) -> Vec<bool> {
    let Some(first) = toks.first() else {
        return Vec::new();
    };
    let from = regions.partition_point(|r| r.1 <= first.start);
    toks.iter()
        .map(|t| {
            regions[from..]
                .iter()
                .take_while(|r| r.0 < t.end)
                .any(|r| r.0 < t.start && t.end < r.1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        let paras: Vec<(usize, usize)> = {
            let mut out = Vec::new();
            let mut start = 0;
            for (i, _) in text.match_indices("\n\n") {
                out.push((start, i));
                start = i + 2;
            }
            out.push((start, text.len()));
            out
        };
        regions(text, &paras)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn curly_and_straight_marks_over_sentences() {
        assert_eq!(
            quotes("“We will. We must,” she said, \"and soon.\" Then ''it ended.''"),
            vec!["“We will. We must,”", "\"and soon.\"", "''it ended.''"]
        );
    }

    #[test]
    fn a_quote_goes_on_into_a_paragraph_that_reopens_it() {
        let t = "He said: “First part.\n\n“Second part.”\n\nAfter.";
        assert_eq!(quotes(t), vec!["“First part.\n\n“Second part.”"]);
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        assert_eq!(
            quotes("She said “it was cut\n\nNext paragraph."),
            vec!["“it was cut"]
        );
    }
}
