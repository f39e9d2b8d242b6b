//! Sentence splitting inside a paragraph.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by white
//! space and a capital, a digit or an opening quote, unless the word before the dot is an
//! abbreviation ("Jan.", "Lt. Gen.", "U.S.": `[sentence] abbreviations` of the grammar) or an
//! initial. Very long runs without an end are cut
//! at white space so that every later step stays linear.

use crate::lexicon::Grammar;

/// Longest sentence, in bytes, before it is cut at white space.
pub const MAX_SENTENCE: usize = 2_000;

/// Byte ranges of the sentences of `text[start..end]`, trimmed, never empty (with the built-in
/// grammar).
#[cfg(test)]
pub fn split(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    split_in(text, start, end, &crate::lexicon::Lexicon::shared().grammar)
}

/// Like [`split`], with the abbreviations of `grammar`.
pub fn split_in(text: &str, start: usize, end: usize, grammar: &Grammar) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let para = &text[start..end];
    let bytes = para.as_bytes();
    let mut sent_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Most characters: neither a terminal mark nor a place to cut.
        let b = bytes[i];
        if b.is_ascii() && !matches!(b, b'.' | b'!' | b'?' | b'\n') && i - sent_start < MAX_SENTENCE
        {
            i += 1;
            continue;
        }
        // A list item on a line of its own ("- Halvenia says ...") is a sentence, even without
        // a full stop before its line.
        if b == b'\n' {
            if bullet_len(&para[i + 1..]).is_some() {
                push(para, start, sent_start, i, &mut out);
                sent_start = i + 1;
            }
            i += 1;
            continue;
        }
        let c = para[i..].chars().next().unwrap_or(' ');
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + c.len_utf8();
            // Runs of terminal marks and closing quotes or brackets.
            while let Some(d) = para[j..].chars().next() {
                if matches!(
                    d,
                    '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '…'
                ) {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            if ends_sentence(para, i, j, grammar) {
                push(para, start, sent_start, j, &mut out);
                sent_start = j;
            }
            i = j;
            continue;
        }
        if i - sent_start >= MAX_SENTENCE && c.is_whitespace() {
            push(para, start, sent_start, i, &mut out);
            sent_start = i;
        }
        i += c.len_utf8();
    }
    push(para, start, sent_start, bytes.len(), &mut out);
    out
}

/// Joins to a whole quotation (a sentence from an opening quote to a closing one after its
/// end mark: "“Is that all there is?”") the sentence after it when `is_tag` says that sentence
/// only names who spoke ("Trump said."), so the tag and what was said are one sentence.
pub fn join_tags(
    text: &str,
    sentences: Vec<(usize, usize)>,
    mut is_tag: impl FnMut(&str) -> bool,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(sentences.len());
    for (s, e) in sentences {
        match out.last_mut() {
            Some(last) if whole_quotation(&text[last.0..last.1]) && is_tag(&text[s..e]) => {
                last.1 = e;
            }
            _ => out.push((s, e)),
        }
    }
    out
}

/// A sentence that opens with a quotation mark and ends with one right after its end mark.
fn whole_quotation(s: &str) -> bool {
    let mut back = s.chars().rev();
    s.starts_with(['"', '“', '‘', '\'', '«'])
        && back
            .next()
            .is_some_and(|c| matches!(c, '"' | '”' | '’' | '\'' | '»'))
        && back
            .next()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// The length of a list marker opening `s` ("- ", "• ", "* ", "– "), with the spaces after it.
fn bullet_len(s: &str) -> Option<usize> {
    let rest = s.trim_start_matches([' ', '\t']);
    let marker = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '•' | '*' | '–' | '—' | '·' | '▪'))?;
    let after = &rest[marker.len_utf8()..];
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    (spaces > 0).then_some(s.len() - after.len() + spaces)
}

fn push(para: &str, offset: usize, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &para[s..e];
    let mut lead = piece.len() - piece.trim_start().len();
    lead += bullet_len(&piece[lead..]).unwrap_or(0);
    let trimmed = piece[lead..].trim();
    if !trimmed.is_empty() {
        out.push((offset + s + lead, offset + s + lead + trimmed.len()));
    }
}

/// Does the terminal mark at `dot` (marks running to `after`) end the sentence?
fn ends_sentence(para: &str, dot: usize, after: usize, grammar: &Grammar) -> bool {
    let rest = &para[after..];
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return false;
    }
    let next = rest.trim_start().chars().next();
    let starts_new = next.is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '"' | '“' | '‘' | '\'' | '«' | '(' | '[' | '—' | '–' | '-' | '•'
            )
    });
    if !starts_new {
        return false;
    }
    if para.as_bytes()[dot] != b'.' || after - dot > 1 {
        return true;
    }
    // The word before the dot.
    let before = &para[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = before[word_start..].to_lowercase();
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    !(single_initial || grammar.abbreviations.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, 0, text.len())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let t = "Lt. Gen. Kirill Budanov said it on Jan. 13 in the U.S. Capital. Then he left.";
        assert_eq!(
            sentences(t),
            [
                "Lt. Gen. Kirill Budanov said it on Jan. 13 in the U.S. Capital.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn list_items_are_sentences_without_their_markers() {
        let t =
            "Where things stand:\n- Halvenia says 3,000 more arrived\n• Belmira claims 47 killed.";
        assert_eq!(
            sentences(t),
            [
                "Where things stand:",
                "Halvenia says 3,000 more arrived",
                "Belmira claims 47 killed."
            ]
        );
        // A dash inside a line is no list marker.
        assert_eq!(
            sentences("Kyiv - The toll rose."),
            ["Kyiv - The toll rose."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let t = "Reports were “incorrect.” Budanov said so. “The media reports are incorrect,” he said.";
        assert_eq!(
            sentences(t),
            [
                "Reports were “incorrect.”",
                "Budanov said so.",
                "“The media reports are incorrect,” he said."
            ]
        );
    }

    #[test]
    fn a_speech_tag_joins_the_quotation_before_it() {
        let t = "“Is that all there is?” Trump said. Then he left. “Go.” Reports were “wrong.” He said.";
        let tag = |s: &str| s.ends_with(" said.");
        let joined: Vec<&str> = join_tags(t, split(t, 0, t.len()), tag)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect();
        assert_eq!(
            joined,
            [
                "“Is that all there is?” Trump said.",
                "Then he left.",
                "“Go.”",
                "Reports were “wrong.”",
                "He said."
            ]
        );
    }

    #[test]
    fn decimals_initials_and_lower_case_continue() {
        let t = "About 1.5 million people, said J. Smith. it goes on. Next one";
        assert_eq!(
            sentences(t),
            [
                "About 1.5 million people, said J. Smith. it goes on.",
                "Next one"
            ]
        );
    }

    #[test]
    fn spans_are_offsets_into_the_whole_text() {
        let t = "xx First one. Second.";
        assert_eq!(split(t, 3, t.len()), vec![(3, 13), (14, 21)]);
    }

    #[test]
    fn huge_runs_are_cut() {
        let t = "word ".repeat(2_000);
        let s = split(&t, 0, t.len());
        assert!(s.len() > 1);
        assert!(s.iter().all(|(a, b)| b - a <= MAX_SENTENCE + 5));
    }
}
