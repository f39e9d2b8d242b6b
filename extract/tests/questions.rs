//! A corpus folder that declares its own open question (`tests/corpora/dam/lexicon.toml`: did
//! a dam give way?) gets stance claims on that question, with its keys, and its labels in
//! every view the explorer computes: facets, chart series, the comparison and the exports.

use std::path::Path;

use claimscope_extract::{build, load, Lexicon, Options};
use claimscope_model::compare::{self, By};
use claimscope_model::query::{Facet, Index, METRIC_SERIES};
use claimscope_model::{export, Kind};

fn dam_corpus() -> claimscope_model::Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpora/dam");
    let loaded = load(&[dir]).expect("the dam corpus loads");
    let lex = Lexicon::with_extensions(&loaded.lexicon_extensions).expect("its lexicon is valid");
    build(&loaded.inputs, &lex, Options::default())
}

#[test]
fn stance_claims_take_the_corpus_question_and_its_keys() {
    let corpus = dam_corpus();
    let ids: Vec<&str> = corpus.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        ["dam-status"],
        "the corpus's question replaces the default one"
    );
    let stances: Vec<_> = corpus
        .claims
        .iter()
        .filter(|c| c.kind == Kind::Stance)
        .collect();
    assert!(stances
        .iter()
        .all(|c| c.question.as_deref() == Some("dam-status")));
    for key in ["breached", "intact"] {
        assert!(
            stances.iter().any(|c| c.stance.as_deref() == Some(key)),
            "a claim says {key}"
        );
    }
    // "Horvat denied reports that the dam had collapsed": the denial takes the other position,
    // the one the mayor's headline took (so it is a repeat of that claim, not a claim that the
    // dam gave way).
    let mayor: Vec<_> = stances
        .iter()
        .filter(|c| c.source.as_deref() == Some("Ivan Horvat"))
        .collect();
    assert!(!mayor.is_empty(), "the mayor's stance");
    assert!(mayor.iter().all(|c| c.stance.as_deref() == Some("intact")));
    assert!(
        mayor.iter().any(|c| !c.repeats.is_empty()),
        "the denial repeats the mayor's stance"
    );
    assert!(!corpus.contradictions.is_empty());
    assert!(corpus
        .contradictions
        .iter()
        .all(|k| k.reason.starts_with("Did the dam give way?: ")));
}

#[test]
fn every_view_uses_the_question_labels() {
    let corpus = dam_corpus();
    let index = Index::new(&corpus);
    let kinds: Vec<&str> = (0..index.cardinality(Facet::Kind) as u32)
        .map(|v| index.label(Facet::Kind, v))
        .collect();
    assert!(
        kinds.contains(&"breached") && kinds.contains(&"still intact"),
        "{kinds:?}"
    );
    assert!(!kinds
        .iter()
        .any(|k| k.contains("withdrawn") || k.contains("engaged")));
    let series: Vec<&str> = (METRIC_SERIES..index.series_count())
        .map(|s| index.series_label(s))
        .collect();
    assert_eq!(series, ["breached", "still intact"]);
    assert_eq!(
        corpus.stance_stack_label(),
        "Stance (breached / still intact)"
    );

    let all: Vec<u32> = (0..corpus.claims.len() as u32).collect();
    let m = compare::matrix(&corpus, &all, By::Claimant);
    assert_eq!(m.questions[0].label(), "Did the dam give way?");
    assert!(m.conflicted_cells() >= 2);

    let stances = corpus.claims.iter().filter(|c| c.kind == Kind::Stance);
    let csv = export::csv(&corpus, stances.clone());
    assert!(csv.lines().next().unwrap().contains(",question,stance,"));
    assert!(csv.contains(",dam-status,breached,"));
    let ld = export::json_ld(&corpus, stances);
    assert!(ld.contains("the dam was breached") && ld.contains("the dam is still intact"));
}
