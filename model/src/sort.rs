//! The model's one sort routine: a linear-time radix sort on `(u64, u64)` keys, and text ranks
//! to sort strings through it. Every sort of the explorer goes through here, so the browser build
//! carries one sort routine instead of one per call site.

/// Positions `0..n` in the order of `key` (stable): a least-significant-digit radix sort on the
/// key's bytes, skipping bytes all keys share (dates and counts vary in two or three bytes), so
/// linear in `n`. Every sort of the core goes through this function (and [`text_ranks`]), so
/// the browser build carries one sort routine instead of one per call site.
pub fn sorted_positions(n: usize, key: &dyn Fn(u32) -> (u64, u64)) -> Vec<u32> {
    let keys: Vec<(u64, u64)> = (0..n as u32).map(key).collect();
    let mut order: Vec<u32> = (0..n as u32).collect();
    let mut tmp = vec![0u32; n];
    // Which bits differ between keys at all: only those bytes need a pass.
    let first = keys.first().copied().unwrap_or_default();
    let varies = keys.iter().fold((0u64, 0u64), |(a, b), k| {
        (a | (k.0 ^ first.0), b | (k.1 ^ first.1))
    });
    // Least significant first: the low word's bytes, then the high word's.
    for word in [1, 0] {
        let mask = if word == 0 { varies.0 } else { varies.1 };
        for shift in (0..64).step_by(8).filter(|s| (mask >> s) & 0xFF != 0) {
            let digit = |i: u32| {
                let k = keys[i as usize];
                ((if word == 0 { k.0 } else { k.1 } >> shift) & 0xFF) as usize
            };
            let mut pos = [0usize; 257];
            for &i in &order {
                pos[digit(i) + 1] += 1;
            }
            for b in 0..256 {
                pos[b + 1] += pos[b];
            }
            for &i in &order {
                let d = digit(i);
                tmp[pos[d]] = i;
                pos[d] += 1;
            }
            std::mem::swap(&mut order, &mut tmp);
        }
    }
    order
}

/// The rank of each text in lexicographic order (equal texts share a rank): a sort key for
/// [`sorted_positions`].
pub fn text_ranks(texts: &[&str]) -> Vec<u64> {
    let mut idx: Vec<u32> = (0..texts.len() as u32).collect();
    idx.sort_unstable_by(|&a, &b| texts[a as usize].cmp(texts[b as usize]));
    let mut ranks = vec![0u64; texts.len()];
    let mut rank = 0;
    for (k, &i) in idx.iter().enumerate() {
        if k > 0 && texts[idx[k - 1] as usize] != texts[i as usize] {
            rank += 1;
        }
        ranks[i as usize] = rank;
    }
    ranks
}

/// `items` in the order of `key` (stable), through [`sorted_positions`].
pub fn sorted_by<T: Clone>(items: &[T], key: &dyn Fn(&T) -> (u64, u64)) -> Vec<T> {
    sorted_positions(items.len(), &|i| key(&items[i as usize]))
        .into_iter()
        .map(|i| items[i as usize].clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_sort_by_both_words_of_the_key_stably() {
        let keys = [(2u64, 9u64), (1, 700), (2, 3), (1, 700), (0, u64::MAX)];
        assert_eq!(
            sorted_positions(keys.len(), &|i| keys[i as usize]),
            [4, 1, 3, 2, 0]
        );
        assert!(sorted_positions(0, &|_| (0, 0)).is_empty());
    }

    #[test]
    fn text_ranks_order_texts_and_share_ties() {
        assert_eq!(text_ranks(&["b", "a", "c", "a"]), [1, 0, 2, 0]);
        assert_eq!(
            sorted_by(&["x", "y", "z"], &|s| (if *s == "y" { 0 } else { 1 }, 0)),
            ["y", "x", "z"]
        );
    }
}
