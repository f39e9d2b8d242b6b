//! The full extraction of each seed article, as reviewed snapshots: any change of output shows
//! up as a diff (`cargo insta review` to accept it). The seeds are extracted together, as the
//! app does, so that dates inferred from the other articles are part of the picture.

use std::path::Path;

use claimscope_extract::load;
use claimscope_extract::Lexicon;
use claimscope_extract::{build, Options};
use serde_json::json;

#[test]
fn extraction_of_each_seed_article() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let loaded = load(&[seeds]).expect("seeds load");
    let lex = Lexicon::with_extensions(&loaded.lexicon_extensions).expect("lexicon");
    let corpus = build(&loaded.inputs, &lex, Options::default());
    insta::glob!("../../seeds", "*.txt", |path: &Path| {
        let id = path
            .file_stem()
            .expect("file stem")
            .to_string_lossy()
            .into_owned();
        let claims: Vec<_> = corpus.claims.iter().filter(|c| c.doc == id).collect();
        let clusters: Vec<&str> = claims.iter().map(|c| c.cluster.as_str()).collect();
        let contradictions: Vec<_> = corpus
            .contradictions
            .iter()
            .filter(|x| clusters.contains(&x.a.as_str()) || clusters.contains(&x.b.as_str()))
            .collect();
        let view = json!({
            "document": corpus.document(&id),
            "claims": claims,
            "contradictions": contradictions,
        });
        insta::with_settings!({
            description => "claimscope's extraction of one seed article (within the seed corpus)",
            omit_expression => true,
        }, {
            insta::assert_json_snapshot!(view);
        });
    });
}
