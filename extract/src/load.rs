//! Reading articles: files and folders of `.txt` and saved web pages (`.html`, `.htm`, read by
//! `page`), a folder's optional `meta.toml` (outlet, URL, date per article, over what a page
//! says) and lexicon extensions (`lexicon.toml`, `entities.toml`). [`read_article`] turns one
//! file's bytes into an article, for the browser's import as for the disk.
//!
//! Nothing is dropped silently: unreadable paths are errors; non-UTF-8 text is decoded lossily
//! and empty, binary, oversized and article-less files are skipped, each with a warning naming
//! the file.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::corpus::{ArticleMeta, Input};
use crate::page::read_page;

/// A file that could not be used as given.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: no such file or folder", .0.display())]
    NotFound(PathBuf),
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
    #[error("{0}: no articles to extract (looked for .txt, .html and .htm files)")]
    NoArticles(String),
}

/// Something the user should know about an input that was still processed (or skipped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Everything read from the given paths.
#[derive(Debug, Default)]
pub struct Loaded {
    pub inputs: Vec<Input>,
    /// `(file name, contents)` of lexicon extensions found in folders.
    pub lexicon_extensions: Vec<(String, String)>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaFile {
    #[serde(default)]
    article: Vec<ArticleMeta>,
}

pub const META_FILE: &str = "meta.toml";

impl Loaded {
    /// These articles, or an error naming `paths` when there are none.
    pub fn nonempty(self, paths: &[PathBuf]) -> Result<Loaded, LoadError> {
        if !self.inputs.is_empty() {
            return Ok(self);
        }
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        Err(LoadError::NoArticles(names.join(", ")))
    }
}

/// Reads `paths` (files or folders; folders are read one level deep, sorted by name).
pub fn load(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    let mut out = Loaded::default();
    let mut metas: Vec<(PathBuf, ArticleMeta)> = Vec::new();
    for path in paths {
        let md = fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound(path.clone()),
            _ => LoadError::Read {
                path: path.clone(),
                source: e,
            },
        })?;
        if md.is_dir() {
            let mut entries: Vec<PathBuf> = fs::read_dir(path)
                .map_err(|e| LoadError::Read {
                    path: path.clone(),
                    source: e,
                })?
                .map(|e| e.map(|e| e.path()))
                .collect::<Result<_, _>>()
                .map_err(|e| LoadError::Read {
                    path: path.clone(),
                    source: e,
                })?;
            entries.sort();
            for p in entries {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if name == META_FILE {
                    let text = read_text(&p)?;
                    let meta: MetaFile = toml::from_str(&text).map_err(|e| LoadError::Invalid {
                        path: p.clone(),
                        message: e.to_string(),
                    })?;
                    metas.extend(meta.article.into_iter().map(|m| (p.clone(), m)));
                } else if name == "lexicon.toml" || name == "entities.toml" {
                    out.lexicon_extensions
                        .push((p.display().to_string(), read_text(&p)?));
                } else if extension_in(&p, &ARTICLE_EXTENSIONS) && p.is_file() {
                    read_article_file(&p, &mut out)?;
                }
            }
        } else {
            read_article_file(path, &mut out)?;
        }
    }
    for (file, meta) in metas {
        match out.inputs.iter_mut().find(|i| i.id == meta.id) {
            Some(input) => {
                if let Some(p) = &meta.published {
                    if claimscope_model::day::parse_day(p).is_none() {
                        return Err(LoadError::Invalid {
                            path: file,
                            message: format!(
                                "article {:?}: published {p:?} is not a YYYY-MM-DD date",
                                meta.id
                            ),
                        });
                    }
                }
                input.meta = Some(match input.meta.take() {
                    Some(page) => meta.over(page),
                    None => meta,
                });
            }
            None => out.warnings.push(Warning {
                path: file,
                message: format!(
                    "metadata for {:?}, which is not among the articles; ignored",
                    meta.id
                ),
            }),
        }
    }
    Ok(out)
}

fn read_text(p: &Path) -> Result<String, LoadError> {
    let bytes = fs::read(p).map_err(|e| LoadError::Read {
        path: p.to_path_buf(),
        source: e,
    })?;
    String::from_utf8(bytes).map_err(|_| LoadError::Invalid {
        path: p.to_path_buf(),
        message: "not valid UTF-8".to_string(),
    })
}

/// The file names read as articles: text and saved web pages (any case).
pub const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "html", "htm"];
const PAGE_EXTENSIONS: [&str; 2] = ["html", "htm"];

/// Files larger than this are skipped (5 MB: far above any article, even as a saved page).
pub const MAX_ARTICLE_BYTES: usize = 5 << 20;

fn extension_in(p: &Path, list: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| list.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// What one file gives.
#[derive(Debug, Clone)]
pub enum FileOutcome {
    /// An article, with a warning when it was read only in part (bad UTF-8).
    Article {
        input: Input,
        warning: Option<String>,
    },
    /// Nothing to extract, and why.
    Skipped(String),
}

/// One file's bytes as an article: `name` is its file name (the extension says whether it is
/// a saved page; the stem becomes the article's id).
pub fn read_article(name: &str, bytes: &[u8]) -> FileOutcome {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return FileOutcome::Skipped(format!(
            "too large ({:.1} MB; the limit is {} MB); skipped",
            bytes.len() as f64 / (1 << 20) as f64,
            MAX_ARTICLE_BYTES >> 20
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return FileOutcome::Skipped("empty file; skipped".to_string());
    }
    if bytes.contains(&0) {
        return FileOutcome::Skipped("binary file (contains NUL bytes); skipped".to_string());
    }
    let (text, warning) = match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_string(), None),
        Err(e) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(format!(
                "not valid UTF-8 (first bad byte at offset {}); decoded with replacement characters",
                e.valid_up_to()
            )),
        ),
    };
    let path = Path::new(name);
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| name.to_string());
    if !extension_in(path, &PAGE_EXTENSIONS) {
        let input = Input {
            id,
            text,
            meta: None,
        };
        return FileOutcome::Article { input, warning };
    }
    match read_page(&text) {
        Ok(page) => {
            let meta = ArticleMeta {
                id: id.clone(),
                title: page.title,
                outlet: page.outlet,
                url: page.url,
                published: page.published,
            };
            let input = Input {
                id,
                text: page.text,
                meta: Some(meta),
            };
            FileOutcome::Article { input, warning }
        }
        Err(e) => FileOutcome::Skipped(e.to_string()),
    }
}

fn read_article_file(p: &Path, out: &mut Loaded) -> Result<(), LoadError> {
    let bytes = fs::read(p).map_err(|e| LoadError::Read {
        path: p.to_path_buf(),
        source: e,
    })?;
    let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
    let outcome = read_article(name.as_deref().unwrap_or(""), &bytes);
    let mut warn = |message: String| {
        out.warnings.push(Warning {
            path: p.to_path_buf(),
            message,
        })
    };
    let (input, warning) = match outcome {
        FileOutcome::Article { input, warning } => (input, warning),
        FileOutcome::Skipped(reason) => {
            warn(reason);
            return Ok(());
        }
    };
    if let Some(w) = warning {
        warn(w);
    }
    if out.inputs.iter().any(|i| i.id == input.id) {
        warn(format!("a second article with id {:?}; skipped", input.id));
        return Ok(());
    }
    out.inputs.push(input);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("claimscope-load-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn bad_files_are_named_and_skipped_or_decoded() {
        let d = temp_dir("bad");
        fs::write(d.join("a.txt"), "About 300 soldiers were killed.").unwrap();
        fs::write(d.join("empty.txt"), "  \n").unwrap();
        fs::write(d.join("bin.txt"), b"ab\0cd").unwrap();
        fs::write(d.join("latin.txt"), b"caf\xe9 300 soldiers").unwrap();
        fs::write(d.join("notes.md"), "ignored").unwrap();
        fs::write(
            d.join("meta.toml"),
            "[[article]]\nid = \"a\"\noutlet = \"Example\"\npublished = \"2025-02-04\"\n[[article]]\nid = \"zzz\"\n",
        )
        .unwrap();
        let l = load(std::slice::from_ref(&d)).unwrap();
        let ids: Vec<&str> = l.inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "latin"]);
        assert_eq!(
            l.inputs[0].meta.as_ref().unwrap().outlet.as_deref(),
            Some("Example")
        );
        assert!(l.inputs[1].text.contains('\u{fffd}'));
        let w: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(w.len(), 4, "{w:?}");
        assert!(w
            .iter()
            .any(|x| x.contains("empty.txt") && x.contains("empty")));
        assert!(w
            .iter()
            .any(|x| x.contains("bin.txt") && x.contains("binary")));
        assert!(w
            .iter()
            .any(|x| x.contains("latin.txt") && x.contains("UTF-8")));
        assert!(w
            .iter()
            .any(|x| x.contains("meta.toml") && x.contains("zzz")));
    }

    #[test]
    fn one_file_is_an_article_or_a_reason() {
        let skipped = |name: &str, bytes: &[u8]| match read_article(name, bytes) {
            FileOutcome::Skipped(why) => why,
            FileOutcome::Article { .. } => panic!("{name} read as an article"),
        };
        let big = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        assert!(skipped("big.txt", &big).contains("too large"));
        assert!(skipped(
            "front.HTML",
            b"<html><body><a href=/>Home</a></body></html>"
        )
        .contains("no readable article"));
        let FileOutcome::Article { input, warning } = read_article("notes.txt", b"caf\xe9") else {
            panic!("a text file is an article");
        };
        assert_eq!((input.id.as_str(), input.meta), ("notes", None));
        assert!(warning.is_some_and(|w| w.contains("offset 3")));
    }

    #[test]
    fn missing_paths_and_bad_metadata_are_errors() {
        let err = load(&[PathBuf::from("/no/such/place")]).unwrap_err();
        assert_eq!(err.to_string(), "/no/such/place: no such file or folder");
        let d = temp_dir("meta");
        fs::write(d.join("a.txt"), "text").unwrap();
        fs::write(
            d.join("meta.toml"),
            "[[article]]\nid = \"a\"\npublished = \"Feb 4\"\n",
        )
        .unwrap();
        let err = load(&[d]).unwrap_err().to_string();
        assert!(
            err.contains("meta.toml") && err.contains("YYYY-MM-DD"),
            "{err}"
        );
    }
}
