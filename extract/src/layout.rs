//! The shape of a page: which lines are the article (paragraphs) and which are clutter
//! (navigation, bylines, captions, newsletter prompts, teasers and bios appended after the body),
//! plus what the page says about itself: title, dateline outlet, publication date.

use crate::lexicon::{EntityKind, Lexicon};
use claimscope_model::model::Span;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Byte ranges of the article's paragraphs (one per line), clutter removed.
    pub paragraphs: Vec<(usize, usize)>,
    pub clutter: Vec<Span>,
    pub title: Option<String>,
    /// The outlet the page names for itself, with the evidence's weight.
    pub outlet: Option<String>,
    /// The text of a dateline or byline date ("February 4, 2025 9:20 PM").
    pub published_text: Option<String>,
}

struct Line {
    start: usize,
    end: usize,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            out.push(Line {
                start: pos + lead,
                end: pos + lead + trimmed.len(),
            });
        }
        pos += raw.len();
    }
    out
}

fn ends_with_terminal(s: &str) -> bool {
    s.trim_end()
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '"' | '”' | '…' | ':' | ')'))
}

/// Words in `s`, counted up to `max` (enough to compare with a threshold, in constant time).
fn word_count(s: &str, max: usize) -> usize {
    s.split_whitespace().take(max).count()
}

/// Looks like a headline: several words, no sentence end.
fn headline_like(s: &str) -> bool {
    word_count(s, 4) >= 4 && !ends_with_terminal(s) && s.len() < 200
}

/// Splits a page into article paragraphs and clutter.
pub fn analyze(text: &str, lex: &Lexicon) -> Layout {
    let lines = lines(text);
    let mut layout = Layout::default();
    // Per line: None = clutter, Some((start, end)) = body from `start` to `end`.
    let mut body: Vec<Option<(usize, usize)>> = Vec::with_capacity(lines.len());
    let mut outlet_votes: Vec<(String, u32)> = Vec::new();
    let vote = |name: &str, weight: u32, votes: &mut Vec<(String, u32)>| {
        let name = canonical_outlet(name, lex);
        match votes.iter_mut().find(|(n, _)| *n == name) {
            Some((_, w)) => *w += weight,
            None => votes.push((name, weight)),
        }
    };
    let mut first_body_text: Option<&str> = None;
    for (n, line) in lines.iter().enumerate() {
        let s = &text[line.start..line.end];
        let mut start = Some(line.start);
        let mut end = line.end;
        // One search for the literals of the three lists (in `page_literals`' order).
        let found = lex.page_literals.scan(s);
        let found_in = |list: usize| found.as_ref().map(|f| f[list]);
        if n < 20 && layout.published_text.is_none() {
            for re in lex.published.may_match_found(s, found_in(0)) {
                if let Some(c) = re.captures(s) {
                    if let Some(d) = c.name("date").filter(|d| {
                        crate::date::parse_date_text_in(d.as_str(), &lex.grammar).is_some()
                    }) {
                        layout.published_text = Some(d.as_str().to_string());
                        let whole = c.get(0).map_or(0, |m| m.end());
                        // A dateline prefix ("date 2025-02-04 ...") is clutter; the rest is text.
                        let rest = s[whole..].trim_start();
                        start = if rest.len() < 20 {
                            None
                        } else {
                            Some(line.end - rest.len())
                        };
                        break;
                    }
                }
            }
        }
        if start.is_some() && n < 20 {
            for re in lex.datelines.may_match_found(s, found_in(1)) {
                if let Some(c) = re.captures(s) {
                    if let Some(o) = c.name("outlet") {
                        vote(o.as_str(), 3, &mut outlet_votes);
                    }
                    let whole = c.get(0).map_or(0, |m| m.end());
                    let rest = s[whole..].trim_start();
                    start = if rest.is_empty() {
                        None
                    } else {
                        Some(line.end - rest.len())
                    };
                    break;
                }
            }
        }
        // "Photo: Marchers fill the avenue. (Lena Ortiz / The Standard)": a caption's words
        // are the article's, its label and credit are not.
        let caption = start.and_then(|_| caption(s, lex));
        if let Some((from, to)) = caption {
            start = Some(line.start + from);
            end = line.start + to;
        } else if start.is_some() && lex.clutter_set.is_match(s) {
            start = None;
        }
        if start.is_some() {
            if let (Some(first), true) = (first_body_text, n > 0) {
                if first == s {
                    start = None; // The headline repeated (as an image caption or teaser).
                }
            }
        }
        // The capturing regexes run only on the rare lines that may match.
        for re in lex.outlet_signals.may_match_found(s, found_in(2)) {
            for c in re.captures_iter(s) {
                if let Some(o) = c.name("outlet") {
                    // A relay (", reports UNN.") names the outlet more surely.
                    let weight = if c.name("relay").is_some() { 2 } else { 1 };
                    vote(o.as_str(), weight, &mut outlet_votes);
                }
            }
        }
        if start.is_some() && first_body_text.is_none() {
            first_body_text = Some(s);
        }
        body.push(start.map(|s| (s, end)));
    }

    // The page's tail: after a trailer line that follows real text, everything is clutter,
    // starting from the teaser headline just before the trailer, if there is one.
    // Lines of running text, and how many there are from each line on.
    let prose: Vec<bool> = (0..lines.len())
        .map(|n| {
            let t = &text[lines[n].start..lines[n].end];
            body[n].is_some() && word_count(t, 8) >= 8 && ends_with_terminal(t)
        })
        .collect();
    let mut prose_after = vec![0usize; lines.len() + 1];
    for n in (0..lines.len()).rev() {
        prose_after[n] = prose_after[n + 1] + usize::from(prose[n]);
    }
    let mut seen_text = false;
    let mut tail_from = None;
    for (n, line) in lines.iter().enumerate() {
        let s = &text[line.start..line.end];
        // A trailer starts the tail only when little text follows it (else it is a link in
        // the middle of the article, as "Related" often is).
        if seen_text && lex.trailer_set.is_match(s) && prose_after[n + 1] <= 3 {
            let mut from = n;
            for back in 1..=3 {
                let Some(k) = n.checked_sub(back) else { break };
                let prev = &text[lines[k].start..lines[k].end];
                if body[k].is_some() && headline_like(prev) {
                    let before_ok =
                        k == 0 || ends_with_terminal(&text[lines[k - 1].start..lines[k - 1].end]);
                    if before_ok {
                        from = k;
                    }
                    break;
                }
            }
            tail_from = Some(from);
            break;
        }
        if prose[n] {
            seen_text = true;
        }
    }
    if let Some(from) = tail_from {
        for b in body.iter_mut().skip(from) {
            *b = None;
        }
    }

    for (line, b) in lines.iter().zip(&body) {
        match *b {
            Some((start, end)) => {
                if start > line.start {
                    layout.clutter.push([line.start, start]);
                }
                layout.paragraphs.push((start, end));
                if end < line.end {
                    layout.clutter.push([end, line.end]);
                }
            }
            None => layout.clutter.push([line.start, line.end]),
        }
    }
    merge_adjacent(&mut layout.clutter, text);

    layout.title = layout.paragraphs.first().map(|&(s, e)| {
        let first = &text[s..e];
        if headline_like(first) || word_count(first, 21) <= 20 {
            first.to_string()
        } else {
            let sentence_end = crate::sentence::split_in(text, s, e, &lex.grammar)
                .first()
                .map_or(e, |&(_, se)| se);
            truncate(&text[s..sentence_end], 140)
        }
    });
    outlet_votes.sort_by_key(|v| std::cmp::Reverse(v.1));
    layout.outlet = outlet_votes.into_iter().next().map(|(n, _)| n);
    layout
}

/// How far into a line a caption's label ("Photo:", "PICTURES 3 —") ends.
const CAPTION_LABEL_CHARS: usize = 16;

/// The caption in `line` (its byte range), without its label and credit, when the line is one.
fn caption(line: &str, lex: &Lexicon) -> Option<(usize, usize)> {
    // Most lines are none: a caption ends in its credit's bracket or opens with a short label
    // (the patterns' own shapes), so only those lines meet the patterns.
    let credit = line.trim_end().trim_end_matches('.').ends_with(')');
    let label = line
        .chars()
        .take(CAPTION_LABEL_CHARS)
        .any(|c| matches!(c, ':' | '|' | '-' | '–' | '—'));
    if !credit && !label {
        return None;
    }
    let text = lex
        .captions
        .may_match_found(line, None)
        .find_map(|re| re.captures(line)?.name("text"))?;
    Some((text.start(), text.end()))
}

/// Joins clutter spans separated only by white space.
fn merge_adjacent(spans: &mut Vec<Span>, text: &str) {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        match out.last_mut() {
            Some(last) if text[last[1]..s[0]].trim().is_empty() => last[1] = s[1],
            _ => out.push(s),
        }
    }
    *spans = out;
}

fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = s[..cut].rfind(' ').unwrap_or(cut);
    format!("{}…", &s[..cut])
}

/// An outlet's canonical name when the entity table knows it, else the text as found.
pub fn canonical_outlet(name: &str, lex: &Lexicon) -> String {
    let toks = lex.tokenize(name, 0);
    let mut i = 0;
    while i < toks.len() {
        if let Some((len, tag)) = lex.aliases.match_at(&toks, i) {
            let e = &lex.entities[tag as usize];
            if e.kind == EntityKind::Outlet && len == toks.len() - i {
                return e.name.clone();
            }
        }
        i += 1;
    }
    name.trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clutter_text(text: &str, l: &Layout) -> Vec<String> {
        l.clutter
            .iter()
            .map(|c| text[c[0]..c[1]].to_string())
            .collect()
    }

    #[test]
    fn navigation_bylines_and_prompts_are_clutter() {
        let lex = Lexicon::builtin();
        let text = "Skip to content\nEdit post\n\nBig news about troops here today\n\nby Jane Doe February 4, 2025 9:20 PM 2 min read\nSome body text that is long enough to be a sentence of the article.\nSubscribe\n* indicates required\n";
        let l = analyze(text, &lex);
        assert_eq!(l.title.as_deref(), Some("Big news about troops here today"));
        assert_eq!(l.published_text.as_deref(), Some("February 4, 2025"));
        assert_eq!(l.paragraphs.len(), 2);
        let c = clutter_text(text, &l);
        assert!(c[0].starts_with("Skip to content"));
        assert!(c.iter().any(|x| x.starts_with("by Jane Doe")));
        assert!(c.iter().any(|x| x.contains("indicates required")));
    }

    #[test]
    fn a_wire_story_s_version_slug_and_change_note_are_clutter() {
        let lex = Lexicon::builtin();
        let text = "UPDATE 3-Flood deaths rise as thousands flee

(Updates toll, adds minister's comments)

At least three people have drowned, officials said on Thursday.
";
        let l = analyze(text, &lex);
        assert_eq!(
            l.title.as_deref(),
            Some("Flood deaths rise as thousands flee")
        );
        let c = clutter_text(text, &l);
        assert!(c.iter().any(|x| x.starts_with("UPDATE 3-")), "{c:?}");
        assert!(c.iter().any(|x| x.starts_with("(Updates toll")), "{c:?}");
        // A sentence in brackets that says more is text.
        let text = "Headline of the story is here

(Updates on the rescue came hourly.) More text follows here, with 12 people rescued.
";
        assert!(clutter_text(text, &analyze(text, &lex)).is_empty());
    }

    #[test]
    fn a_sentence_opening_with_by_is_no_byline() {
        let lex = Lexicon::builtin();
        let text = "Big news about troops here today\n\nBy late April, officials said about 1,000 civilians were sheltering.\n";
        let l = analyze(text, &lex);
        assert!(
            clutter_text(text, &l).is_empty(),
            "{:?}",
            clutter_text(text, &l)
        );
    }

    #[test]
    fn a_caption_s_words_are_text_and_its_label_and_credit_clutter() {
        let lex = Lexicon::builtin();
        let text = "Headline of the story is here\n\
                    Photo: Marchers fill the avenue. Police said 500,000 came. (Lena Ortiz / The Standard)\n\
                    Rescuers search the mud on Wednesday. (Highland Courier/Tran Minh)\n\
                    Photo by Lena Ortiz\n";
        let l = analyze(text, &lex);
        let paragraphs: Vec<&str> = l.paragraphs.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            paragraphs,
            [
                "Headline of the story is here",
                "Marchers fill the avenue. Police said 500,000 came.",
                "Rescuers search the mud on Wednesday."
            ]
        );
        assert_eq!(
            clutter_text(text, &l),
            [
                "Photo: ",
                " (Lena Ortiz / The Standard)",
                " (Highland Courier/Tran Minh)\nPhoto by Lena Ortiz"
            ]
        );
    }

    #[test]
    fn dateline_gives_the_outlet_and_a_date_prefix_is_cut() {
        let lex = Lexicon::builtin();
        let text = "Headline of the story is here\nKyiv • UNN\nThe body says something long enough here, reports UNN.";
        let l = analyze(text, &lex);
        assert_eq!(l.outlet.as_deref(), Some("UNN"));
        let text = " date 2025-02-04 South Korean intelligence has confirmed that soldiers left.";
        let l = analyze(text, &lex);
        assert_eq!(l.published_text.as_deref(), Some("2025-02-04"));
        let (s, _) = l.paragraphs[0];
        assert!(text[s..].starts_with("South Korean"));
    }

    #[test]
    fn a_wire_dateline_names_any_outlet_and_is_cut_from_the_body() {
        let lex = Lexicon::builtin();
        let text =
            "Hajj deaths rise\n\nAMMAN, June 24 (Levant Courier) - The health minister said \
                    on Sunday that many pilgrims had died.";
        let l = analyze(text, &lex);
        assert_eq!(l.outlet.as_deref(), Some("Levant Courier"));
        let body = &text[l.paragraphs.last().unwrap().0..];
        assert!(body.starts_with("The health minister"), "{body}");
        // Places and outlets in Latin letters with diacritics, Greek or Cyrillic.
        for (dateline, outlet) in [
            ("HÀ NỘI, Sept. 9 (Sông Hồng Tin) - ", "Sông Hồng Tin"),
            ("ŁÓDŹ, May 3 (Gazeta Łódzka) - ", "Gazeta Łódzka"),
            ("КИЇВ, Feb. 4 (Укрінформ) - ", "Укрінформ"),
        ] {
            let text = format!(
                "Hajj deaths rise\n\n{dateline}The health minister said on Sunday that many died."
            );
            let l = analyze(&text, &lex);
            assert_eq!(l.outlet.as_deref(), Some(outlet), "{text}");
        }
    }

    #[test]
    fn the_tail_after_a_trailer_is_clutter_from_the_teaser_on() {
        let lex = Lexicon::builtin();
        let text = "Title words of the story\nThe article body has a real sentence with enough words in it.\nAnother story teaser headline goes here\nTeaser paragraph of another story, with words.\nArticle image\nAuthor bio line.\n";
        let l = analyze(text, &lex);
        assert_eq!(l.paragraphs.len(), 2, "{:?}", clutter_text(text, &l));
        assert!(clutter_text(text, &l)
            .last()
            .unwrap()
            .starts_with("Another story teaser"));
    }
}
