//! Reading articles from disk: files and folders of `.txt`, a folder's optional `meta.toml`
//! (outlet, URL, date per article) and lexicon extensions (`lexicon.toml`, `entities.toml`).
//!
//! Nothing is dropped silently: unreadable paths are errors; non-UTF-8 text is decoded lossily
//! and empty or binary files are skipped, each with a warning naming the file.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::corpus::{ArticleMeta, Input};

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
                } else if p.extension().is_some_and(|e| e == "txt") && p.is_file() {
                    read_article(&p, &mut out)?;
                }
            }
        } else {
            read_article(path, &mut out)?;
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
                input.meta = Some(meta);
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

fn read_article(p: &Path, out: &mut Loaded) -> Result<(), LoadError> {
    let bytes = fs::read(p).map_err(|e| LoadError::Read {
        path: p.to_path_buf(),
        source: e,
    })?;
    let warn = |out: &mut Loaded, message: &str| {
        out.warnings.push(Warning {
            path: p.to_path_buf(),
            message: message.to_string(),
        })
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        warn(out, "empty file; skipped");
        return Ok(());
    }
    if bytes.contains(&0) {
        warn(out, "binary file (contains NUL bytes); skipped");
        return Ok(());
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            warn(
                out,
                &format!("not valid UTF-8 (first bad byte at offset {at}); decoded with replacement characters"),
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let id = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string());
    if out.inputs.iter().any(|i| i.id == id) {
        warn(out, &format!("a second article with id {id:?}; skipped"));
        return Ok(());
    }
    out.inputs.push(Input {
        id,
        text,
        meta: None,
    });
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
