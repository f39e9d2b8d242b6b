//! Numbers as people read them: thousands separators and hedged values.

use crate::model::Qualifier;

/// "about 8,000", "10,000–12,000", "more than 3,000".
pub fn describe_value(value: Option<u64>, high: Option<u64>, q: Option<Qualifier>) -> String {
    let Some(v) = value else {
        return "an unspecified number".to_string();
    };
    let num = match high {
        Some(h) => format!("{}–{}", thousands(v), thousands(h)),
        None => thousands(v),
    };
    match q {
        Some(Qualifier::About) => format!("about {num}"),
        Some(Qualifier::UpTo) => format!("up to {num}"),
        Some(Qualifier::AtLeast) => format!("at least {num}"),
        Some(Qualifier::MoreThan) => format!("more than {num}"),
        Some(Qualifier::LessThan) => format!("less than {num}"),
        _ => num,
    }
}

/// `12000` → `12,000`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(
            describe_value(Some(10_000), Some(12_000), Some(Qualifier::Exact)),
            "10,000–12,000"
        );
        assert_eq!(
            describe_value(Some(8_000), None, Some(Qualifier::About)),
            "about 8,000"
        );
    }
}
