//! The story's open questions, as a lexicon declares them (`[[question]]`): an id, a label, the
//! parties whose status it is about, and exactly two positions, each with the phrases that take
//! it. Declarations with the same id in several files merge (lists are appended, later labels
//! win); a corpus lexicon that declares questions replaces the built-in default ones it does not
//! mention, and `question = []` leaves a corpus with none (so no stance claims).

use serde::Deserialize;

use claimscope_model::model::{Position, Question};

/// One `[[question]]` of a lexicon file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionEntry {
    pub id: String,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub parties: Vec<String>,
    #[serde(default)]
    pub position: Vec<PositionEntry>,
}

/// One `[[question.position]]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PositionEntry {
    pub key: String,
    #[serde(default)]
    pub label: Option<String>,
    /// "{party} troops were withdrawn": how a claim taking it reads in reasons and exports.
    #[serde(default)]
    pub says: Option<String>,
    /// Phrases that take this position; negated or denied they take the other one.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Nouns that take it only as the object of a reporting or denying verb ("withdrawal").
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Phrases that take it only when negated ("have not been seen").
    #[serde(default)]
    pub negated: Vec<String>,
}

/// How a phrase takes its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// As it stands; negation flips it.
    Says,
    /// A noun: only as the object of a reporting or denying verb.
    Noun,
    /// Only when negated.
    Negated,
}

/// A position taken on a question: indices into [`crate::lexicon::Lexicon::questions`] and the
/// question's two positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Take {
    pub question: usize,
    pub position: usize,
}

impl Take {
    /// The other position on the same question (what a negation or a denial takes).
    pub fn opposite(self) -> Take {
        Take {
            position: 1 - self.position,
            ..self
        }
    }
}

/// What a stance phrase says: the tag of [`crate::lexicon::Lexicon::stance`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StanceCue {
    pub take: Take,
    pub form: Form,
}

impl StanceCue {
    pub fn tag(self) -> u32 {
        let form = match self.form {
            Form::Says => 0,
            Form::Noun => 1,
            Form::Negated => 2,
        };
        ((self.take.question as u32) << 3) | ((self.take.position as u32) << 2) | form
    }

    pub fn of_tag(tag: u32) -> StanceCue {
        let form = match tag & 3 {
            0 => Form::Says,
            1 => Form::Noun,
            _ => Form::Negated,
        };
        StanceCue {
            take: Take {
                question: (tag >> 3) as usize,
                position: ((tag >> 2) & 1) as usize,
            },
            form,
        }
    }
}

/// A question ready for matching: its model record and its phrase lists per position.
#[derive(Debug, Clone)]
pub struct Declared {
    pub question: Question,
    /// `(position, form, phrases)`.
    pub lists: Vec<(usize, Form, Vec<String>)>,
}

/// Merges the `[[question]]` entries of the built-in file and of the extensions (in order):
/// the result is the corpus's questions, each with exactly two positions, or an error naming
/// the file of the first bad declaration.
pub fn merge(
    builtin: &[QuestionEntry],
    extensions: &[(String, Option<Vec<QuestionEntry>>)],
    builtin_file: &str,
) -> Result<Vec<Declared>, String> {
    let declared: Vec<(&str, &QuestionEntry)> = extensions
        .iter()
        .filter_map(|(f, list)| list.as_ref().map(|l| (f.as_str(), l)))
        .flat_map(|(f, l)| l.iter().map(move |q| (f, q)))
        .collect();
    let replaces = extensions.iter().any(|(_, l)| l.is_some());
    // The ids, in order: the built-in ones unless an extension declares its own set.
    let mut ids: Vec<&str> = Vec::new();
    if !replaces {
        ids.extend(builtin.iter().map(|q| q.id.as_str()));
    }
    for (_, q) in &declared {
        if !ids.contains(&q.id.as_str()) {
            ids.push(&q.id);
        }
    }
    let all: Vec<(&str, &QuestionEntry)> = builtin
        .iter()
        .map(|q| (builtin_file, q))
        .chain(declared.iter().copied())
        .collect();
    let mut out: Vec<Declared> = Vec::new();
    for id in ids {
        let parts: Vec<&(&str, &QuestionEntry)> = all.iter().filter(|(_, q)| q.id == id).collect();
        out.push(one(id, &parts)?);
    }
    Ok(out)
}

/// A position while its declarations are merged: key, label, says, lists.
type Merged = (
    String,
    Option<String>,
    Option<String>,
    Vec<(Form, Vec<String>)>,
);

/// One question from all its declarations.
fn one(id: &str, parts: &[&(&str, &QuestionEntry)]) -> Result<Declared, String> {
    let last_file = parts.last().map_or("", |(f, _)| *f);
    if id.trim().is_empty() {
        return Err(format!("{last_file}: a [[question]] has an empty id"));
    }
    let mut label = None;
    let mut parties: Vec<String> = Vec::new();
    let mut positions: Vec<Merged> = Vec::new();
    for (file, q) in parts {
        label = q.label.clone().or(label);
        for p in &q.parties {
            if !parties.contains(p) {
                parties.push(p.clone());
            }
        }
        for p in &q.position {
            if p.key.trim().is_empty() {
                return Err(format!(
                    "{file}: question {id:?} has a position with an empty key"
                ));
            }
            let at = match positions.iter().position(|x| x.0 == p.key) {
                Some(at) => at,
                None => {
                    positions.push((p.key.clone(), None, None, Vec::new()));
                    positions.len() - 1
                }
            };
            let slot = &mut positions[at];
            slot.1 = p.label.clone().or(slot.1.take());
            slot.2 = p.says.clone().or(slot.2.take());
            for (form, list) in [
                (Form::Says, &p.phrases),
                (Form::Noun, &p.nouns),
                (Form::Negated, &p.negated),
            ] {
                slot.3.push((form, list.clone()));
            }
        }
    }
    if positions.len() != 2 {
        return Err(format!(
            "{last_file}: question {id:?} has {} position(s) ({}); a question has exactly two",
            positions.len(),
            positions
                .iter()
                .map(|p| p.0.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let mut lists = Vec::new();
    let mut made = Vec::new();
    for (k, (key, plabel, says, forms)) in positions.into_iter().enumerate() {
        for (form, list) in forms {
            lists.push((k, form, list));
        }
        made.push(Position {
            label: plabel.unwrap_or_else(|| key.clone()),
            key,
            says: says.unwrap_or_default(),
        });
    }
    let [a, b]: [Position; 2] = made
        .try_into()
        .map_err(|_| format!("{last_file}: {id:?}"))?;
    Ok(Declared {
        question: Question {
            id: id.to_string(),
            label: label.unwrap_or_else(|| id.to_string()),
            parties,
            positions: [a, b],
        },
        lists,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, keys: &[&str]) -> QuestionEntry {
        QuestionEntry {
            id: id.into(),
            label: Some(format!("{id}?")),
            parties: vec![],
            position: keys
                .iter()
                .map(|k| PositionEntry {
                    key: k.to_string(),
                    phrases: vec![format!("is {k}")],
                    ..PositionEntry::default()
                })
                .collect(),
        }
    }

    #[test]
    fn tags_round_trip() {
        for question in [0, 1, 7] {
            for position in [0, 1] {
                for form in [Form::Says, Form::Noun, Form::Negated] {
                    let cue = StanceCue {
                        take: Take { question, position },
                        form,
                    };
                    assert_eq!(StanceCue::of_tag(cue.tag()), cue);
                }
            }
        }
        let t = Take {
            question: 2,
            position: 0,
        };
        assert_eq!(t.opposite().opposite(), t);
        assert_eq!(t.opposite().position, 1);
    }

    #[test]
    fn extensions_merge_by_id_and_replace_the_defaults() {
        let builtin = vec![entry("a", &["x", "y"])];
        // No extension: the default.
        let q = merge(&builtin, &[("f".into(), None)], "built in").unwrap();
        assert_eq!(q.len(), 1);
        // An extension adding phrases to "a" keeps it, with both lists.
        let more = QuestionEntry {
            label: None,
            ..entry("a", &["x"])
        };
        let q = merge(&builtin, &[("f".into(), Some(vec![more]))], "built in").unwrap();
        assert_eq!(q[0].question.label, "a?");
        assert_eq!(
            q[0].lists
                .iter()
                .filter(|l| l.0 == 0 && !l.2.is_empty())
                .count(),
            2
        );
        // An extension with its own question replaces the default.
        let q = merge(
            &builtin,
            &[("f".into(), Some(vec![entry("b", &["p", "q"])]))],
            "x",
        )
        .unwrap();
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].question.id, "b");
        // `question = []`: none.
        assert!(merge(&builtin, &[("f".into(), Some(vec![]))], "x")
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_question_needs_two_positions() {
        let err = merge(
            &[],
            &[("c/lexicon.toml".into(), Some(vec![entry("b", &["p"])]))],
            "x",
        )
        .unwrap_err();
        assert!(
            err.starts_with("c/lexicon.toml: question \"b\" has 1 position"),
            "{err}"
        );
        let three = entry("b", &["p", "q", "r"]);
        assert!(merge(&[], &[("c".into(), Some(vec![three]))], "x").is_err());
    }
}
