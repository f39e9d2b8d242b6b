//! What a user brings, read as articles: a file (an article, a saved web page, or a claimscope
//! JSON corpus) or a pasted text with what they typed about it. Plain Rust, tested natively;
//! the worker runs it in the browser.

use claimscope_extract::{build, read_article, ArticleMeta, FileOutcome, Input, Lexicon, Options};
use claimscope_model::imports::{check, free_id, join, rename, split};
use claimscope_model::Corpus;

use crate::job::Pasted;

/// The corpus folder's `lexicon.toml` and `entities.toml` (written by `build.rs`).
const EXTENSIONS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/extensions.rs"));

/// The largest JSON corpus read (several articles with their texts and claims).
pub const MAX_CORPUS_BYTES: usize = 50 << 20;

/// Articles read from one file or paste, each a corpus of its own.
#[derive(Debug)]
pub struct Read {
    pub articles: Vec<Corpus>,
    /// What was not quite right, though something was read.
    pub warning: Option<String>,
}

/// Reads articles with the site's lexicon.
pub struct Intake {
    lex: Lexicon,
}

fn is_json(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("json"))
}

impl Intake {
    /// The built-in lexicon extended by the corpus folder's files.
    pub fn new() -> Result<Intake, String> {
        let extensions: Vec<(String, String)> = EXTENSIONS
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        Lexicon::with_extensions(&extensions)
            .map(|lex| Intake { lex })
            .map_err(|e| format!("the lexicon does not load: {e}"))
    }

    /// The articles of the file `name`; `Err` says why it was skipped. New ids avoid `taken`.
    pub fn file(&self, name: &str, bytes: &[u8], taken: &[String]) -> Result<Read, String> {
        if is_json(name) {
            return corpus_file(bytes, taken);
        }
        match read_article(name, bytes) {
            FileOutcome::Article { input, warning } => Ok(Read {
                articles: vec![self.extract(input, taken)],
                warning,
            }),
            FileOutcome::Skipped(reason) => Err(reason),
        }
    }

    /// A pasted article; `Err` says what is wrong with it.
    pub fn paste(&self, p: &Pasted, taken: &[String]) -> Result<Read, String> {
        if p.text.trim().is_empty() {
            return Err("the pasted text is empty".into());
        }
        let published = given(&p.published);
        if let Some(d) = &published {
            if !is_iso_date(d) {
                return Err(format!(
                    "the publication date \"{d}\" is not a date (YYYY-MM-DD)"
                ));
            }
        }
        let title = given(&p.title);
        let id = slug(title.as_deref().unwrap_or("pasted article"));
        let meta = ArticleMeta {
            id: id.clone(),
            title,
            outlet: given(&p.outlet),
            url: given(&p.url),
            published,
        };
        let input = Input {
            id,
            text: p.text.replace("\r\n", "\n"),
            meta: Some(meta),
        };
        Ok(Read {
            articles: vec![self.extract(input, taken)],
            warning: None,
        })
    }

    fn extract(&self, mut input: Input, taken: &[String]) -> Corpus {
        input.id = free_id(&input.id, |x| taken.iter().any(|t| t == x));
        if let Some(m) = &mut input.meta {
            m.id = input.id.clone();
        }
        let opts = Options {
            with_text: true,
            with_attributions: true,
        };
        build(std::slice::from_ref(&input), &self.lex, opts)
    }
}

/// A claimscope JSON corpus (an export, or the CLI's output with `--text`), as articles.
fn corpus_file(bytes: &[u8], taken: &[String]) -> Result<Read, String> {
    if bytes.len() > MAX_CORPUS_BYTES {
        return Err(format!(
            "too large for a corpus file ({} MB; the limit is {} MB)",
            bytes.len() >> 20,
            MAX_CORPUS_BYTES >> 20
        ));
    }
    let corpus: Corpus = serde_json::from_slice(bytes)
        .map_err(|e| format!("not a claimscope corpus (JSON): {e}"))?;
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    let mut ids: Vec<String> = taken.to_vec();
    for mut part in split(&corpus) {
        if let Err(e) = check(&part) {
            problems.push(e.to_string());
            continue;
        }
        let id = free_id(&part.documents[0].id, |x| ids.iter().any(|t| t == x));
        rename(&mut part, &id);
        ids.push(id);
        articles.push(part);
    }
    if articles.is_empty() {
        return Err(match problems.first() {
            Some(p) => format!("no article could be read: {p}"),
            None => "the corpus holds no articles".into(),
        });
    }
    let warning = (!problems.is_empty()).then(|| {
        format!(
            "{} of {} articles skipped: {}",
            problems.len(),
            problems.len() + articles.len(),
            problems.join("; ")
        )
    });
    Ok(Read { articles, warning })
}

/// Every stored article as one claimscope JSON corpus (clusters and contradictions among them).
pub fn export(articles: &[Corpus]) -> String {
    let parts: Vec<&Corpus> = articles.iter().collect();
    serde_json::to_string_pretty(&join(&parts)).unwrap_or_default()
}

fn given(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

/// An article id from its title: lower-case words joined by `-` (at most 40 bytes).
fn slug(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() > 40 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if out.is_empty() {
        "pasted-article".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimscope_model::Kind;

    const ARTICLE: &str = "Flood toll rises\n\nBENGHAZI, Libya (Reuters) - At least 300 people \
        were killed in the floods, the health minister said on Monday. Rescue teams said 40 \
        more people were missing.\n";

    fn intake() -> Intake {
        Intake::new().expect("the site's lexicon loads")
    }

    #[test]
    fn a_text_file_becomes_an_article_with_figures() {
        let read = intake().file("derna.txt", ARTICLE.as_bytes(), &[]).unwrap();
        let [a] = read.articles.as_slice() else {
            panic!("{read:?}")
        };
        assert_eq!(a.documents[0].id, "derna");
        assert!(a
            .claims
            .iter()
            .any(|c| c.kind == Kind::Figure && c.value == Some(300)));
        assert!(check(a).is_ok());
    }

    #[test]
    fn ids_avoid_the_built_in_ones() {
        let taken = vec!["derna".to_string(), "derna-2".to_string()];
        let read = intake()
            .file("derna.txt", ARTICLE.as_bytes(), &taken)
            .unwrap();
        assert_eq!(read.articles[0].documents[0].id, "derna-3");
        assert_eq!(read.articles[0].claims[0].doc, "derna-3");
    }

    #[test]
    fn unreadable_files_say_why() {
        let i = intake();
        assert!(i.file("e.txt", b"  \n", &[]).unwrap_err().contains("empty"));
        assert!(i
            .file("b.txt", b"a\0b", &[])
            .unwrap_err()
            .contains("binary"));
        let page = b"<html><body><nav>Home</nav></body></html>";
        assert!(i.file("p.html", page, &[]).is_err());
        let err = i.file("x.json", b"{\"nope\":1}", &[]).unwrap_err();
        assert!(err.starts_with("not a claimscope corpus"), "{err}");
        let bad = i
            .file(
                "bad.txt",
                b"At least 300 people were killed \xff there.",
                &[],
            )
            .unwrap();
        assert!(bad.warning.unwrap().contains("UTF-8"));
    }

    #[test]
    fn an_export_reads_back_as_the_same_articles() {
        let i = intake();
        let a = i.file("a.txt", ARTICLE.as_bytes(), &[]).unwrap().articles;
        let b = i.file("b.txt", ARTICLE.as_bytes(), &[]).unwrap().articles;
        let all: Vec<Corpus> = a.into_iter().chain(b).collect();
        let json = export(&all);
        let back = i.file("mine.json", json.as_bytes(), &[]).unwrap();
        assert_eq!(back.articles.len(), 2);
        assert!(back.warning.is_none());
        for (x, y) in back.articles.iter().zip(&all) {
            assert_eq!(x.documents, y.documents);
            assert_eq!(x.claims.len(), y.claims.len());
            assert_eq!(x.attributions, y.attributions);
        }
    }

    #[test]
    fn a_corpus_without_texts_is_refused_per_article() {
        let i = intake();
        let mut a = i.file("a.txt", ARTICLE.as_bytes(), &[]).unwrap().articles;
        let b = i.file("b.txt", ARTICLE.as_bytes(), &[]).unwrap().articles;
        a[0].documents[0].text = None;
        let all: Vec<Corpus> = a.into_iter().chain(b).collect();
        let back = i.file("mine.json", export(&all).as_bytes(), &[]).unwrap();
        assert_eq!(back.articles.len(), 1);
        assert!(back.warning.unwrap().contains("\"a\": no text"));
    }

    #[test]
    fn a_hostile_page_gives_text_only() {
        let page = std::fs::read("../extract/tests/pages/hostile.html").expect("the test page");
        let read = intake().file("hostile.html", &page, &[]).unwrap();
        let text = read.articles[0].documents[0].text.clone().unwrap();
        for markup in ["<script", "onerror", "javascript:", "<iframe", "<div"] {
            assert!(!text.contains(markup), "{markup} in the text");
        }
    }

    #[test]
    fn a_paste_keeps_what_the_user_typed() {
        let p = Pasted {
            text: ARTICLE.into(),
            title: "Flood toll rises in Derna!".into(),
            outlet: "Example News".into(),
            url: "https://example.org/derna".into(),
            published: "2023-09-12".into(),
        };
        let read = intake().paste(&p, &[]).unwrap();
        let d = &read.articles[0].documents[0];
        assert_eq!(d.id, "flood-toll-rises-in-derna");
        assert_eq!(d.outlet.as_deref(), Some("Example News"));
        assert_eq!(d.published.as_deref(), Some("2023-09-12"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/derna"));
        let c = read.articles[0]
            .claims
            .iter()
            .find(|c| c.value == Some(300))
            .unwrap();
        assert_eq!(c.stated_on.as_deref(), Some("2023-09-11"));
        let bad = Pasted {
            published: "12/09/2023".into(),
            ..p.clone()
        };
        assert!(intake()
            .paste(&bad, &[])
            .unwrap_err()
            .contains("YYYY-MM-DD"));
        let empty = Pasted {
            text: " ".into(),
            ..p
        };
        assert!(intake().paste(&empty, &[]).is_err());
        assert_eq!(slug("  "), "pasted-article");
    }
}
