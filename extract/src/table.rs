//! Tables laid out in plain text: one row per line, cells split by " | " or tabs, a header row
//! with no number first ("Source | Published | Killed | Injured"). A count in a cell counts
//! what its column's header names (a metric cue: "Killed", "Injured", "Missing"), and the cell
//! of a source column (`[claimant] table_sources`: "Source", "According to") names who says it.
//!
//! A labelled list is a table too: a title that names what is counted ("THE DEAD BY
//! DISTRICT"), perhaps a source line ("Source: National Emergency Operation Centre, May 6"),
//! then at least [`MIN_LIST_ROWS`] lines "label: count" ("Sindhupalchok: 3,057").

use crate::claimant::{self, Claimant, History};
use crate::lexicon::{metric_of, Lexicon};
use crate::number::numbers;
use claimscope_model::model::Metric;

/// What splits cells: a bar with spaces around it, or a tab.
const SEPARATORS: [&str; 2] = [" | ", "\t"];

/// Fewest "label: count" lines that make a labelled list.
const MIN_LIST_ROWS: usize = 3;
/// Most words in a list's title, in a row's label and in its count.
const MAX_TITLE_WORDS: usize = 10;
const MAX_LABEL_WORDS: usize = 6;
const MAX_COUNT_WORDS: usize = 4;
/// Most bytes in a list's title (a longer paragraph is running text).
const MAX_TITLE_BYTES: usize = 120;

/// A table: its header's cells and each data row's cells (byte ranges), and the paragraphs
/// (indices into the layout's) it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<(usize, usize)>,
    pub rows: Vec<Vec<(usize, usize)>>,
    pub paragraphs: std::ops::Range<usize>,
    /// Who gives every row (a labelled list's source line, after its "Source:").
    pub source: Option<(usize, usize)>,
    /// A labelled list: a row's label, when it names a metric, says what its count counts
    /// before the title does ("Injured: 5,674" under "THE TOLL").
    pub list: bool,
}

/// One count a table's cell gives.
#[derive(Debug, Clone)]
pub struct Count {
    pub metric: Metric,
    /// The header's words and the row's label, lower case ("killed, mandalay").
    pub subject: String,
    pub value: u64,
    pub value_high: Option<u64>,
    pub qualifier: claimscope_model::model::Qualifier,
    /// The cell (the quote) and the number in it.
    pub cell: (usize, usize),
    pub number: (usize, usize),
    pub claimant: Option<Claimant>,
}

fn cells(text: &str, (s, e): (usize, usize)) -> Vec<(usize, usize)> {
    let line = &text[s..e];
    let Some(sep) = SEPARATORS.iter().find(|sep| line.contains(**sep)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = 0;
    for part in line.split(sep) {
        let lead = part.len() - part.trim_start().len();
        let cell = (s + at + lead, s + at + part.trim_end().len());
        if cell.0 < cell.1 {
            out.push(cell);
        } else {
            out.push((s + at, s + at));
        }
        at += part.len() + sep.len();
    }
    out
}

/// The tables among `paragraphs` (one line each): a header with no digit and at least one
/// more row, every row with as many cells (at least three); or a labelled list.
pub fn tables(text: &str, paragraphs: &[(usize, usize)], lex: &Lexicon) -> Vec<Table> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < paragraphs.len() {
        if let Some(list) = labelled_list(text, paragraphs, i, lex) {
            i = list.paragraphs.end;
            out.push(list);
            continue;
        }
        let header = cells(text, paragraphs[i]);
        let (hs, he) = paragraphs[i];
        if header.len() < 3 || text[hs..he].bytes().any(|b| b.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut rows = Vec::new();
        let mut j = i + 1;
        while j < paragraphs.len() {
            let row = cells(text, paragraphs[j]);
            if row.len() != header.len() {
                break;
            }
            rows.push(row);
            j += 1;
        }
        if rows.is_empty() {
            i += 1;
            continue;
        }
        out.push(Table {
            header,
            rows,
            paragraphs: i..j,
            source: None,
            list: false,
        });
        i = j;
    }
    out
}

/// The labelled list whose title is paragraph `i`, if one starts there.
fn labelled_list(
    text: &str,
    paragraphs: &[(usize, usize)],
    i: usize,
    lex: &Lexicon,
) -> Option<Table> {
    let title = paragraphs[i];
    // Most paragraphs are running text: too long for a title, told without a look at a word.
    if title.1 - title.0 > MAX_TITLE_BYTES {
        return None;
    }
    let words = |(s, e): (usize, usize)| text[s..e].split_whitespace().count();
    let digits = |(s, e): (usize, usize)| text[s..e].bytes().any(|b| b.is_ascii_digit());
    if digits(title) || words(title) > MAX_TITLE_WORDS || column_metric(text, title, lex).is_none()
    {
        return None;
    }
    let mut j = i + 1;
    let source = paragraphs
        .get(j)
        .and_then(|&p| source_line(text, p, lex))
        .inspect(|_| j += 1);
    let mut rows: Vec<Vec<(usize, usize)>> = Vec::new();
    while let Some([label, count]) = paragraphs.get(j).and_then(|&p| label_row(text, p)) {
        if digits(label) || words(label) > MAX_LABEL_WORDS || words(count) > MAX_COUNT_WORDS {
            break;
        }
        rows.push(vec![label, count]);
        j += 1;
    }
    (rows.len() >= MIN_LIST_ROWS).then(|| Table {
        header: vec![(title.0, title.0), title],
        rows,
        paragraphs: i..j,
        source,
        list: true,
    })
}

/// "Sindhupalchok: 3,057": the label and the count (byte ranges), when the line is one.
fn label_row(text: &str, (s, e): (usize, usize)) -> Option<[(usize, usize); 2]> {
    let line = &text[s..e];
    let colon = line.find(": ")?;
    let count = line[colon + 1..].trim();
    let label = &line[..colon];
    let starts_with_letter = label.chars().next().is_some_and(char::is_alphabetic);
    // The count ends in its number ("3,057", "about 900"): no sentence goes on after it.
    let ends_in_number = count
        .trim_end_matches('.')
        .split_whitespace()
        .last()
        .is_some_and(|w| w.bytes().any(|b| b.is_ascii_digit()));
    (starts_with_letter && !label.contains(',') && ends_in_number).then(|| {
        let count_start =
            s + colon + 1 + (line[colon + 1..].len() - line[colon + 1..].trim_start().len());
        [(s, s + colon), (count_start, count_start + count.len())]
    })
}

/// "Source: National Emergency Operation Centre, May 6": who gives the list, up to the first
/// comma.
fn source_line(text: &str, (s, e): (usize, usize), lex: &Lexicon) -> Option<(usize, usize)> {
    let line = &text[s..e];
    let colon = line.find(':')?;
    let toks = lex.tokenize(&line[..colon], s);
    if !toks
        .first()
        .is_some_and(|t| lex.grammar.table_sources.has(t))
    {
        return None;
    }
    let rest = &line[colon + 1..];
    let lead = rest.len() - rest.trim_start().len();
    let name = rest.trim().split(',').next()?.trim_end();
    let from = s + colon + 1 + lead;
    (!name.is_empty()).then_some((from, from + name.len()))
}

/// The metric a header cell names ("Killed", "Dead", "Injured"), if any.
fn column_metric(text: &str, (s, e): (usize, usize), lex: &Lexicon) -> Option<Metric> {
    let toks = lex.tokenize(&text[s..e], s);
    (0..toks.len()).find_map(|k| lex.metrics.match_at(&toks, k).map(|(_, t)| metric_of(t)))
}

fn is_source_column(text: &str, (s, e): (usize, usize), lex: &Lexicon) -> bool {
    let toks = lex.tokenize(&text[s..e], s);
    toks.first()
        .is_some_and(|t| lex.grammar.table_sources.has(t))
}

/// A header that names a value ("Figure", "Total", "Estimate") and no metric.
fn is_value_column(text: &str, (s, e): (usize, usize), lex: &Lexicon) -> bool {
    let toks = lex.tokenize(&text[s..e], s);
    toks.iter().any(|t| lex.grammar.predicate_nouns.has(t))
}

fn lower(text: &str, (s, e): (usize, usize)) -> String {
    text[s..e].trim().to_lowercase()
}

/// The counts of one table's data rows.
pub fn counts(text: &str, table: &Table, lex: &Lexicon, history: &History) -> Vec<Count> {
    let metrics: Vec<Option<Metric>> = table
        .header
        .iter()
        .map(|&h| column_metric(text, h, lex))
        .collect();
    let source = table
        .header
        .iter()
        .position(|&h| is_source_column(text, h, lex));
    // "Source | Published | What is counted | Figure": a column of values, whose metric each
    // row's own words give.
    let values: Vec<bool> = table
        .header
        .iter()
        .map(|&h| is_value_column(text, h, lex))
        .collect();
    let mut out = Vec::new();
    for row in &table.rows {
        let row_metric = row
            .iter()
            .enumerate()
            .filter(|&(c, &(s, e))| {
                Some(c) != source && !text[s..e].bytes().any(|b| b.is_ascii_digit())
            })
            .find_map(|(_, &cell)| column_metric(text, cell, lex));
        let claimant = source.map(|c| row[c]).or(table.source).and_then(|(s, e)| {
            let toks = lex.tokenize(&text[s..e], s);
            claimant::resolve(&toks, 0, toks.len(), lex, history)
                .flatten()
                .or_else(|| claimant::described_body(&toks, 0, toks.len(), lex))
        });
        // A row's label (its first cell, when that is not the source): "Mandalay".
        let label = (source != Some(0)).then(|| lower(text, row[0]));
        for (c, &(s, e)) in row.iter().enumerate() {
            let metric = if table.list {
                row_metric.or(metrics[c])
            } else {
                metrics[c].or(row_metric.filter(|_| values[c]))
            };
            let Some(metric) = metric else {
                continue;
            };
            for n in numbers(&text[s..e], lex) {
                let Some(value) = n.value.filter(|_| !n.year_like) else {
                    continue;
                };
                let header = lower(text, table.header[c]);
                out.push(Count {
                    metric,
                    subject: label
                        .as_ref()
                        .map_or(header.clone(), |l| format!("{header}, {l}")),
                    value,
                    value_high: n.value_high,
                    qualifier: n.qualifier,
                    // A list's row is its quote ("Sindhupalchok: 3,057").
                    cell: if table.list { (row[0].0, e) } else { (s, e) },
                    number: (s + n.span.0, s + n.span.1),
                    claimant: claimant.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_counts_by_its_columns_and_cites_its_source_column() {
        let lex = Lexicon::builtin();
        let text = "Counts so far\n\
                    Source | Published | Killed | Injured | Basis\n\
                    Health ministry | Oct 1 | about 708 | 16,342 | hospital records\n\
                    Rights group | Aug 21 | 819 | not given | press\n\
                    After the table, a sentence with 12 dead.";
        let lines = crate::layout::analyze(text, &lex).paragraphs;
        let t = tables(text, &lines, &lex);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 2);
        let got: Vec<(Metric, u64, Option<String>)> =
            counts(text, &t[0], &lex, &History::default())
                .into_iter()
                .map(|c| (c.metric, c.value, c.claimant.map(|c| c.source)))
                .collect();
        assert_eq!(
            got,
            [
                (Metric::Killed, 708, Some("Health ministry".into())),
                (Metric::Wounded, 16342, Some("Health ministry".into())),
                (Metric::Killed, 819, Some("Rights group".into())),
            ]
        );
    }

    #[test]
    fn a_labelled_list_counts_what_its_title_names_for_its_source() {
        let lex = Lexicon::builtin();
        let text = "THE DEAD BY DISTRICT\n\
                    Source: National Emergency Operation Centre, May 6\n\
                    Sindhupalchok: 3,057\n\
                    Kathmandu: 1,207\n\
                    Injured: about 900\n\
                    After the list, a sentence: with 12 dead.";
        let lines = crate::layout::analyze(text, &lex).paragraphs;
        let t = tables(text, &lines, &lex);
        assert_eq!(t.len(), 1);
        let got: Vec<(Metric, u64, String, Option<String>)> =
            counts(text, &t[0], &lex, &History::default())
                .into_iter()
                .map(|c| {
                    let quote = text[c.cell.0..c.cell.1].to_string();
                    (c.metric, c.value, quote, c.claimant.map(|c| c.source))
                })
                .collect();
        let source = Some("National Emergency Operation Centre".to_string());
        assert_eq!(
            got,
            [
                (
                    Metric::Killed,
                    3057,
                    "Sindhupalchok: 3,057".into(),
                    source.clone()
                ),
                (
                    Metric::Killed,
                    1207,
                    "Kathmandu: 1,207".into(),
                    source.clone()
                ),
                (Metric::Wounded, 900, "Injured: about 900".into(), source),
            ]
        );
        // Two rows, or a title that names nothing counted, make no list.
        let short = "THE DEAD BY DISTRICT\nSindhupalchok: 3,057\nKathmandu: 1,207\n";
        assert!(tables(short, &crate::layout::analyze(short, &lex).paragraphs, &lex).is_empty());
        let untitled = "Schedule\nMonday: 9\nTuesday: 10\nWednesday: 11\n";
        let lines = crate::layout::analyze(untitled, &lex).paragraphs;
        assert!(tables(untitled, &lines, &lex).is_empty());
    }

    #[test]
    fn lines_with_bars_but_no_header_or_one_row_are_no_table() {
        let lex = Lexicon::builtin();
        let text = "Killed | 12 | 14\nInjured | 3 | 4\nA | B | C\n";
        let lines = crate::layout::analyze(text, &lex).paragraphs;
        // The header row has digits in neither of the first two lines; "A | B | C" has no row.
        assert!(tables(text, &lines, &lex).is_empty());
    }

    #[test]
    fn a_value_column_takes_each_row_s_metric_from_its_words() {
        let lex = Lexicon::builtin();
        let text = "How the counts compare\n\
                    Source | Published | What is counted | Figure\n\
                    Health ministry | Feb 21, 2025 | people killed | 1,200\n\
                    Rights group | Feb 24, 2025 | injured, hospital records | about 3,400\n\
                    After the table, a sentence.";
        let lines = crate::layout::analyze(text, &lex).paragraphs;
        let t = tables(text, &lines, &lex);
        let got: Vec<(Metric, u64)> = counts(text, &t[0], &lex, &History::default())
            .into_iter()
            .map(|c| (c.metric, c.value))
            .collect();
        // The dates of the "Published" column are no counts.
        assert_eq!(got, [(Metric::Killed, 1200), (Metric::Wounded, 3400)]);
    }
}
