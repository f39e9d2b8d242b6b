//! Tokens: words, numbers and punctuation with their byte spans.
//!
//! Every rule of the extractor works on tokens, and every lexicon phrase is tokenized the same
//! way, so "Pyongyang's", "Pyongyang’s" and "PYONGYANG" all meet the phrase "pyongyang".

use compact_str::CompactString;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (and digits mixed with letters), with inner apostrophes: `don't`, `U.S.`.
    Word,
    /// Digits with inner `,` or `.` separators: `8,000`, `1.5`.
    Number,
    /// Any other single character that is not white space.
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// The token as written.
    pub text: &'a str,
    /// Lower case, typographic apostrophes made plain, a possessive `'s` removed.
    pub norm: Norm<'a>,
    /// The word carried a possessive `'s`.
    pub possessive: bool,
    /// The word's id in the lexicon's vocabulary ([`NO_ID`] if it is in no phrase); set by
    /// `Lexicon::tokenize`.
    pub id: u32,
    /// The lexicon's lists the word is in; set by `Lexicon::tokenize`.
    pub lists: Lists,
}

/// A token's compared form: the written text itself when it is already in that form (most
/// words, numbers and punctuation: nothing is copied), else a lower-cased copy.
#[derive(Clone)]
pub enum Norm<'a> {
    Written(&'a str),
    Lowered(CompactString),
}

impl Norm<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Norm::Written(s) => s,
            Norm::Lowered(s) => s.as_str(),
        }
    }
}

impl std::ops::Deref for Norm<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Norm<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Norm<'_> {}

impl PartialEq<str> for Norm<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Norm<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for Norm<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for Norm<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

/// The id of a word that no lexicon phrase contains.
pub const NO_ID: u32 = u32::MAX;

/// The lexicon's word lists a token's word is in, one bit per list (numbered by the lexicon),
/// so that the rules test a bit instead of looking the word up again and again. Unknown for
/// a token tokenized without a lexicon: then the lists look the word up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lists(u128);

impl Lists {
    /// The bit that says the others are known.
    const KNOWN: u128 = 1 << 127;
    /// How many lists can be numbered.
    pub const CAPACITY: usize = 127;
    /// Known to be in no list.
    pub const NONE: Lists = Lists(Self::KNOWN);

    /// The mask of list `bit` (below [`Lists::CAPACITY`]).
    pub const fn mask(bit: u8) -> u128 {
        1 << bit
    }

    /// Also in the lists of `mask`.
    pub fn with(self, mask: u128) -> Lists {
        Lists(self.0 | Self::KNOWN | mask)
    }

    /// Whether the word is in one of the lists of `mask`, if the lists are known (and `mask`
    /// names some: 0 is a list never numbered).
    #[inline]
    pub fn holds(self, mask: u128) -> Option<bool> {
        (mask != 0 && self.0 & Self::KNOWN != 0).then_some(self.0 & mask != 0)
    }
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == TokKind::Number
    }

    pub fn is(&self, s: &str) -> bool {
        self.norm == s
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// Written in capitals, a possessive "'s" aside, and longer than one character ("WHO",
    /// "MSF's", "COVID-19").
    pub fn is_shouted(&self) -> bool {
        self.text.len() > 1 && all_caps(self.text)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | '‘' | '’' | '\'')
}

/// Opening or closing quotation mark (straight quotes count as both).
pub fn is_quote_token(t: &Token) -> bool {
    t.kind == TokKind::Punct && t.text.chars().next().is_some_and(is_quote)
}

/// Splits `text` (from byte `offset` of the document) into tokens.
pub fn tokenize(text: &str, offset: usize) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, offset, &mut out);
    out
}

/// Like [`tokenize`], appending to `out` (so that a buffer can be reused).
pub fn tokenize_into<'a>(text: &'a str, offset: usize, out: &mut Vec<Token<'a>>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // Spaces between words, the commonest byte of all.
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let c = char_at(text, i);
        let end = if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        } else if c.is_ascii_digit() {
            let end = number_end(text.as_bytes(), i);
            out.push(make(text, offset, i, end, TokKind::Number));
            end
        } else if c.is_alphabetic() {
            let end = word_end(text, i, c);
            out.push(make(text, offset, i, end, TokKind::Word));
            end
        } else {
            let end = i + c.len_utf8();
            out.push(make(text, offset, i, end, TokKind::Punct));
            end
        };
        i = end;
    }
}

/// The character at byte `i` (a character boundary, before the end).
#[inline]
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes()[i] {
        b if b.is_ascii() => b as char,
        _ => text[i..].chars().next().unwrap_or(' '),
    }
}

/// Where the number starting with the digit at byte `i` ends. Digits with inner separators
/// followed by a digit: 8,000 / 1.5 / 2,700. A comma separates thousands only before three
/// digits: "22,24,26" is three numbers.
fn number_end(bytes: &[u8], i: usize) -> usize {
    let mut end = i + 1;
    while end < bytes.len() {
        let b = bytes[end];
        let digit = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() {
            end += 1;
        } else if (b == b'.' && digit(end + 1))
            || (b == b',' && (1..=3).all(|k| digit(end + k)) && !digit(end + 4))
        {
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// Where the word starting with the letter `c` at byte `i` ends: letters and digits, with
/// inner apostrophes (don't, Pyongyang's) and abbreviation dots (U.S., a.m.).
fn word_end(text: &str, i: usize, c: char) -> usize {
    let bytes = text.as_bytes();
    let mut end = i + c.len_utf8();
    let mut dotted = false;
    while end < text.len() {
        // Most of a word: ASCII letters and digits.
        if bytes[end].is_ascii_alphanumeric() {
            end += 1;
            continue;
        }
        let j = end;
        let d = char_at(text, j);
        if d.is_alphanumeric() {
            end = j + d.len_utf8();
            continue;
        }
        if !(is_apostrophe(d) || d == '.') {
            break;
        }
        let next = text[j + d.len_utf8()..].chars().next();
        let single_letters = d == '.' && (end - i == c.len_utf8() || dotted);
        if next.is_some_and(char::is_alphabetic) && (d != '.' || single_letters) {
            dotted |= d == '.';
            end = j + d.len_utf8();
        } else if is_apostrophe(d) && plural_possessive(text, i, j) {
            // "the voters’ choice": the mark is the word's, not a quote's end.
            return j + d.len_utf8();
        } else if d == '.' && dotted {
            // Closing dot of U.S.
            return j + 1;
        } else {
            break;
        }
    }
    end
}

/// The apostrophe at byte `j` ends the plural possessive of the word from byte `i` ("Sanders’
/// campaign"): the word ends in "s", a word follows, and no single quotation is open in the
/// paragraph (then the mark would close it).
fn plural_possessive(text: &str, i: usize, j: usize) -> bool {
    let word = &text[i..j];
    let mark = text[j..].chars().next().unwrap_or(' ');
    let mut after = text[j + mark.len_utf8()..].chars();
    if !(word.ends_with('s') || word.ends_with('S'))
        || after.next() != Some(' ')
        || !after.next().is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    let para = &text[text[..i].rfind('\n').map_or(0, |p| p + 1)..i];
    let (open, close) = if mark == '’' {
        (para.rfind('‘'), para.rfind('’'))
    } else {
        (para.rfind(" '"), para.rfind("' "))
    };
    match (open, close) {
        (Some(o), Some(c)) => c > o,
        (Some(_), None) => false,
        _ => true,
    }
}

fn make(text: &str, offset: usize, start: usize, end: usize, kind: TokKind) -> Token<'_> {
    let raw = &text[start..end];
    let (norm, possessive) = norm_of(raw);
    Token {
        start: start + offset,
        end: end + offset,
        kind,
        text: raw,
        norm,
        possessive,
        id: NO_ID,
        lists: Lists::default(),
    }
}

/// The form a token is compared in, borrowed from the text when the text is in that form
/// already (plain lower case, no possessive), and whether the word carried a possessive.
fn norm_of(raw: &str) -> (Norm<'_>, bool) {
    let plain = raw
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'\'');
    if plain {
        (Norm::Written(raw), false)
    } else {
        let (norm, possessive) = normalize(raw);
        (Norm::Lowered(norm), possessive)
    }
}

/// The form tokens are compared in (inline, no allocation, for words up to 24 bytes).
pub fn normalize(raw: &str) -> (CompactString, bool) {
    let mut norm = if raw.is_ascii() {
        // No typographic apostrophes: lower case is all there is to do.
        let mut norm = CompactString::new(raw);
        norm.as_mut_str().make_ascii_lowercase();
        norm
    } else {
        let mut norm = CompactString::with_capacity(raw.len());
        for c in raw.chars() {
            match c {
                '’' | '‘' => norm.push('\''),
                c if c.is_ascii() => norm.push(c.to_ascii_lowercase()),
                c => norm.extend(c.to_lowercase()),
            }
        }
        norm
    };
    let possessive = norm.len() > 2 && (norm.ends_with("'s") || norm.ends_with("s'"));
    if possessive {
        let cut = if norm.ends_with("'s") { 2 } else { 1 };
        norm.truncate(norm.len() - cut);
    }
    (norm, possessive)
}

/// No lower-case letter, a possessive "'s" aside.
pub fn all_caps(text: &str) -> bool {
    without_possessive(text).chars().all(|c| !c.is_lowercase())
}

/// The word without its possessive "'s" or "’s" (a suffix test: no substring search).
pub fn without_possessive(text: &str) -> &str {
    let mut word = text;
    while let Some(w) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
        word = w;
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s, 0).iter().map(|t| t.norm.to_string()).collect()
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(
            norms("about 8,000 and 1.5 million"),
            ["about", "8,000", "and", "1.5", "million"]
        );
        assert_eq!(norms("2,700."), ["2,700", "."]);
        assert_eq!(norms("11 000"), ["11", "000"]);
        assert_eq!(norms("22,24,1,000"), ["22", ",", "24", ",", "1,000"]);
    }

    #[test]
    fn possessives_and_quotes_are_normalized() {
        let toks = tokenize("Pyongyang’s soldiers, don't", 0);
        assert_eq!(toks[0].norm, "pyongyang");
        assert!(toks[0].possessive);
        assert_eq!(toks[3].norm, "don't");
    }

    #[test]
    fn a_plural_possessive_is_not_a_closing_quote() {
        assert_eq!(norms("Sanders’ campaign"), ["sanders", "campaign"]);
        assert_eq!(norms("the voters' choice"), ["the", "voters", "choice"]);
        // Inside a single quotation the mark closes it.
        assert_eq!(
            norms("he called them ‘losers’ and left"),
            ["he", "called", "them", "'", "losers", "'", "and", "left"]
        );
    }

    #[test]
    fn abbreviations_with_dots_are_one_word() {
        assert_eq!(norms("U.S. officials"), ["u.s.", "officials"]);
        assert_eq!(norms("Jan. 13"), ["jan", ".", "13"]);
        assert_eq!(norms("end.Next"), ["end", ".", "next"]);
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "Kyiv • UNN";
        for t in tokenize(text, 0) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
}
