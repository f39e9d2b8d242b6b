//! `claimscope`: extract claims from news articles as JSON.
//!
//! ```text
//! claimscope extract [--text] [--attributions] [--pretty] PATH...
//! ```

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use claimscope_extract::analyze;
use claimscope_extract::load;
use claimscope_extract::Lexicon;
use claimscope_extract::{build_from, Options};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

const USAGE: &str = "usage: claimscope extract [--text] [--attributions] [--pretty] PATH...

Reads articles (.txt files, or folders of them with an optional meta.toml, lexicon.toml and
entities.toml) and prints the claims they contain as one JSON object on stdout.

  --text          include each article's text in the output
  --attributions  list every attribution (who says what: source, cue and content byte spans
                  and the claimant) under \"attributions\"
  --pretty        indent the JSON";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimscope: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("extract") => {}
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return Ok(());
        }
        Some(other) => bail!("unknown command {other:?}\n\n{USAGE}"),
        None => bail!("no command given\n\n{USAGE}"),
    }
    let mut opts = Options::default();
    let mut pretty = false;
    let mut paths = Vec::new();
    for a in args {
        match a.as_str() {
            "--text" => opts.with_text = true,
            "--attributions" => opts.with_attributions = true,
            "--pretty" => pretty = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            s if s.starts_with("--") => bail!("unknown option {s:?}\n\n{USAGE}"),
            _ => paths.push(PathBuf::from(a)),
        }
    }
    if paths.is_empty() {
        bail!("no articles given\n\n{USAGE}");
    }
    let loaded = load(&paths)?;
    for w in &loaded.warnings {
        eprintln!("claimscope: warning: {w}");
    }
    let loaded = loaded.nonempty(&paths)?;
    let lex =
        Lexicon::with_extensions(&loaded.lexicon_extensions).context("reading the lexicon")?;
    let total: u64 = loaded.inputs.iter().map(|i| i.text.len() as u64).sum();
    let bar = if std::io::stderr().is_terminal() && total > 5_000_000 {
        let b = ProgressBar::new(total);
        b.set_style(
            ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let analyses: Vec<_> = loaded
        .inputs
        .par_iter()
        .map(|i| {
            let a = analyze(&i.text, &lex);
            bar.inc(i.text.len() as u64);
            a
        })
        .collect();
    bar.finish_and_clear();
    let corpus = build_from(&loaded.inputs, analyses, &lex, opts);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if pretty {
        serde_json::to_writer_pretty(&mut out, &corpus)?;
    } else {
        serde_json::to_writer(&mut out, &corpus)?;
    }
    writeln!(out)?;
    out.flush().context("writing to stdout")?;
    Ok(())
}
