//! Who said it: claimants of attributions and figure claims in news stories written for this
//! test (`tests/stories/*.txt`: floods, an earthquake, a protest, a mine collapse, a ferry
//! sinking, a wildfire, a cholera outbreak, a strike), scored against hand-made gold
//! (`tests/data/gold_claimants.json`).
//!
//! The stories and the gold were written without reading the extractor's rules. Each gold item
//! names a document, a `quote` (a few words that occur exactly once in the article and lie
//! inside what is said) and the acceptable lower-case names of its claimant, or `null` when the
//! outlet states it itself.
//!
//! - Attribution claimant: the narrowest attribution of the document whose `content` contains the
//!   quote. A gold claimant is right when that attribution's claimant, lower-cased, equals one of
//!   the acceptable names or ends with one preceded by a space ("health minister rosa quispe"
//!   ends with "rosa quispe"). A `null` gold is right when no attribution contains the quote or
//!   the one that does has no claimant.
//! - Figure claimant: for gold items whose quote lies inside a figure claim's sentence (`span`)
//!   and overlaps its figure words (`mention`), that claim's `source` is checked the same way.
//!
//! An item may also list `org` (acceptable names of the claimant's organisation: reported, not
//! scored) and a `note` (why the claimant is what it is).
//!
//! Printed: both accuracies per article and overall, every wrong item (doc, quote, expected,
//! got), and every distinct claimant the extractor produced with its count, flagged when no
//! gold item names it (junk candidates) or when it is only a part of a gold name (a surname
//! that was not resolved to the whole name, or an organisation fragment such as "Institute").

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use claimscope_extract::{build, Input, Lexicon, Options};
use claimscope_model::model::Attribution;
use claimscope_model::{Claim, Corpus, Kind};
use serde_json::Value;

// Floors on the overall accuracies, just under what the extractor measures on these stories
// (attribution claimant 0.896, figure claimant 0.938 over 80 figures), so that regressions
// fail.
const ATTRIBUTION_CLAIMANT_FLOOR: f64 = 0.89;
const FIGURE_CLAIMANT_FLOOR: f64 = 0.93;

fn here() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Every story, as one article each; the document id is the file stem.
fn stories() -> Vec<Input> {
    let dir = here().join("stories");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no stories in {}", dir.display());
    paths
        .iter()
        .map(|p| Input {
            id: p
                .file_stem()
                .expect("file stem")
                .to_string_lossy()
                .into_owned(),
            text: std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
            meta: None,
        })
        .collect()
}

/// One gold item.
struct Gold {
    doc: String,
    quote: String,
    /// Acceptable lower-case names; `None`: the outlet states it (no claimant).
    claimant: Option<Vec<String>>,
    org: Option<Vec<String>>,
    /// Byte span of the quote in the article.
    span: [usize; 2],
}

fn names(v: &Value) -> Option<Vec<String>> {
    v.as_array().map(|a| {
        a.iter()
            .map(|s| s.as_str().expect("a name is a string").to_lowercase())
            .collect()
    })
}

/// Reads the gold file and places every quote in its article: a quote that is missing or occurs
/// more than once fails the test, naming the document and the quote.
fn gold(inputs: &[Input]) -> Vec<Gold> {
    let path = here().join("data/gold_claimants.json");
    let items: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .expect("gold json");
    let mut bad = Vec::new();
    let mut out = Vec::new();
    for it in &items {
        let doc = it["doc"]
            .as_str()
            .expect("gold item without doc")
            .to_string();
        let quote = it["quote"]
            .as_str()
            .expect("gold item without quote")
            .to_string();
        let Some(input) = inputs.iter().find(|i| i.id == doc) else {
            bad.push(format!("{doc}: no such story (quote {quote:?})"));
            continue;
        };
        let hits: Vec<usize> = input.text.match_indices(&quote).map(|(i, _)| i).collect();
        if hits.len() != 1 {
            bad.push(format!(
                "{doc}: quote {quote:?} occurs {} times in the article (it must occur exactly once)",
                hits.len()
            ));
            continue;
        }
        out.push(Gold {
            span: [hits[0], hits[0] + quote.len()],
            claimant: names(&it["claimant"]),
            org: names(&it["org"]),
            doc,
            quote,
        });
    }
    assert!(bad.is_empty(), "bad gold items:\n{}", bad.join("\n"));
    out
}

/// Whether `got` is one of the acceptable `names` (equal, or ending with one after a space).
fn is_named(got: &str, names: &[String]) -> bool {
    let got = got.to_lowercase();
    names
        .iter()
        .any(|n| got == *n || got.ends_with(&format!(" {n}")))
}

/// Whether `got` is some whole words of an acceptable name ("Alam" of "shahidul alam").
fn is_part_of_a_name(got: &str, names: &[String]) -> bool {
    let got = format!(" {} ", got.to_lowercase());
    names.iter().any(|n| format!(" {n} ").contains(&got))
}

/// Whether an extracted claimant is right for a gold claimant (`None`: the outlet's own words).
fn right(got: Option<&str>, want: &Option<Vec<String>>) -> bool {
    match (got, want) {
        (None, None) => true,
        (Some(g), Some(names)) => is_named(g, names),
        _ => false,
    }
}

fn inside(inner: [usize; 2], outer: [usize; 2]) -> bool {
    outer[0] <= inner[0] && inner[1] <= outer[1]
}

fn overlaps(a: [usize; 2], b: [usize; 2]) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

/// The narrowest attribution of `doc` whose content contains `span`.
fn attribution_of<'a>(corpus: &'a Corpus, doc: &str, span: [usize; 2]) -> Option<&'a Attribution> {
    corpus
        .attributions
        .iter()
        .filter(|a| a.doc == doc && inside(span, a.content))
        .min_by_key(|a| a.content[1] - a.content[0])
}

/// The figure claim whose sentence contains `span` and whose figure words overlap it (the
/// narrowest figure words when several do).
fn figure_of<'a>(corpus: &'a Corpus, doc: &str, span: [usize; 2]) -> Option<&'a Claim> {
    corpus
        .claims
        .iter()
        .filter(|c| {
            c.kind == Kind::Figure
                && c.doc == doc
                && inside(span, c.span)
                && overlaps(span, c.mention)
        })
        .min_by_key(|c| c.mention[1] - c.mention[0])
}

fn show(names: &Option<Vec<String>>) -> String {
    match names {
        None => "(none: the outlet)".into(),
        Some(n) => n.join(" | "),
    }
}

fn excerpt(text: &str, span: [usize; 2]) -> String {
    let s = text.get(span[0]..span[1]).unwrap_or("?").replace('\n', " ");
    if s.chars().count() > 110 {
        let head: String = s.chars().take(107).collect();
        format!("{head}...")
    } else {
        s
    }
}

#[derive(Default, Clone, Copy)]
struct Tally {
    attr: usize,
    attr_right: usize,
    org: usize,
    org_right: usize,
    fig: usize,
    fig_right: usize,
    /// Gold items in no figure claim.
    fig_none: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.attr += o.attr;
        self.attr_right += o.attr_right;
        self.org += o.org;
        self.org_right += o.org_right;
        self.fig += o.fig;
        self.fig_right += o.fig_right;
        self.fig_none += o.fig_none;
    }
}

fn ratio(right: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        right as f64 / total as f64
    }
}

fn line(name: &str, t: Tally) -> String {
    format!(
        "{name:<22} attribution claimant {:.3} ({}/{})  figure claimant {:.3} ({}/{}; {} gold items in no figure claim)  org {:.3} ({}/{})",
        ratio(t.attr_right, t.attr),
        t.attr_right,
        t.attr,
        ratio(t.fig_right, t.fig),
        t.fig_right,
        t.fig,
        t.fig_none,
        ratio(t.org_right, t.org),
        t.org_right,
        t.org,
    )
}

#[test]
fn claimants_of_news_stories() {
    let inputs = stories();
    let gold = gold(&inputs);
    let corpus = build(
        &inputs,
        &Lexicon::builtin(),
        Options {
            with_attributions: true,
            ..Options::default()
        },
    );
    for i in &inputs {
        assert!(
            gold.iter().any(|g| g.doc == i.id),
            "story {} has no gold items",
            i.id
        );
    }

    let mut per_doc: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut wrong = Vec::new();
    for g in &gold {
        let text = &inputs
            .iter()
            .find(|i| i.id == g.doc)
            .expect("gold story")
            .text;
        let t = per_doc.entry(g.doc.as_str()).or_default();

        let a = attribution_of(&corpus, &g.doc, g.span);
        let got = a.and_then(|a| a.claimant.as_deref());
        t.attr += 1;
        if right(got, &g.claimant) {
            t.attr_right += 1;
        } else {
            wrong.push(format!(
                "ATTRIBUTION {} {:?}: expected {}, got {}",
                g.doc,
                g.quote,
                show(&g.claimant),
                match a {
                    None => "no attribution containing the quote".to_string(),
                    Some(a) => format!(
                        "{:?} (org {:?}, source {:?}, content {:?})",
                        a.claimant,
                        a.claimant_org,
                        a.source.map(|s| excerpt(text, s)),
                        excerpt(text, a.content)
                    ),
                }
            ));
        }
        if let (Some(orgs), Some(a)) = (&g.org, a) {
            t.org += 1;
            if a.claimant_org.as_deref().is_some_and(|o| is_named(o, orgs)) {
                t.org_right += 1;
            } else {
                wrong.push(format!(
                    "ORG         {} {:?}: expected {}, got {:?} (claimant {:?})",
                    g.doc,
                    g.quote,
                    orgs.join(" | "),
                    a.claimant_org,
                    a.claimant
                ));
            }
        }

        match figure_of(&corpus, &g.doc, g.span) {
            None => t.fig_none += 1,
            Some(c) => {
                t.fig += 1;
                if right(c.source.as_deref(), &g.claimant) {
                    t.fig_right += 1;
                } else {
                    wrong.push(format!(
                        "FIGURE      {} {:?}: expected {}, got {:?} (org {:?}, via {:?}, figure {:?} in {:?})",
                        g.doc,
                        g.quote,
                        show(&g.claimant),
                        c.source,
                        c.source_org,
                        c.via,
                        excerpt(text, c.mention),
                        excerpt(text, c.span)
                    ));
                }
            }
        }
    }

    // Every claimant the extractor produced for these stories, and whether any gold item names
    // it.
    let all_names: Vec<String> = gold
        .iter()
        .filter_map(|g| g.claimant.clone())
        .flatten()
        .collect();
    let mut produced: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for a in &corpus.attributions {
        if let Some(c) = &a.claimant {
            produced.entry(c.clone()).or_default().0 += 1;
        }
    }
    for c in corpus.claims.iter().filter(|c| c.kind == Kind::Figure) {
        if let Some(s) = &c.source {
            produced.entry(s.clone()).or_default().1 += 1;
        }
    }

    println!(
        "--- claimants of news stories ({} gold items) ---",
        gold.len()
    );
    for w in &wrong {
        println!("{w}");
    }
    println!("claimants produced (attributions, figure claims):");
    for (name, (attrs, figs)) in &produced {
        let flag = if is_named(name, &all_names) {
            ""
        } else if is_part_of_a_name(name, &all_names) {
            "   <- only a part of a gold name (a surname not resolved, or a fragment)"
        } else {
            "   <- in no gold list (junk?)"
        };
        println!("  {attrs:>3} {figs:>3}  {name}{flag}");
    }
    let mut total = Tally::default();
    for (doc, t) in &per_doc {
        println!("{}", line(doc, *t));
        total.add(*t);
    }
    println!("{}", line("overall", total));

    let attr = ratio(total.attr_right, total.attr);
    let fig = ratio(total.fig_right, total.fig);
    assert!(
        attr >= ATTRIBUTION_CLAIMANT_FLOOR,
        "attribution claimant accuracy {attr:.3} is below its floor {ATTRIBUTION_CLAIMANT_FLOOR}"
    );
    assert!(
        fig >= FIGURE_CLAIMANT_FLOOR,
        "figure claimant accuracy {fig:.3} is below its floor {FIGURE_CLAIMANT_FLOOR}"
    );
}

#[test]
fn claimant_names_match_whole_words_at_the_end() {
    let n = vec!["rosa quispe".to_string(), "police".to_string()];
    assert!(is_named("Health Minister Rosa Quispe", &n));
    assert!(is_named("Police", &n));
    assert!(is_named("provincial police", &n));
    assert!(!is_named("Rosa Quispe's office", &n));
    assert!(!is_named("militiapolice", &n));
    assert!(right(None, &None));
    assert!(!right(Some("police"), &None));
    assert!(!right(None, &Some(n.clone())));
    assert!(is_part_of_a_name("Quispe", &n));
    assert!(!is_part_of_a_name("Quis", &n));
}
