//! What the synthetic-data generators share: a small deterministic random generator and the
//! name lists of `assets/` they draw from.
#![allow(dead_code)]

const ORGANISATIONS: &str = include_str!("../../assets/organisations.txt");
const GIVEN: &str = include_str!("../../assets/given_names.txt");

/// A small deterministic generator (SplitMix64).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T: ?Sized>(&mut self, v: &[&'a T]) -> &'a T {
        v[self.below(v.len())]
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// The canonical names of `assets/organisations.txt`.
pub fn organisations() -> Vec<String> {
    ORGANISATIONS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            l.split('|')
                .next()
                .map(|n| n.trim().trim_start_matches(['?', '~']).to_string())
        })
        .collect()
}

/// The given names of `assets/given_names.txt`.
pub fn given_names() -> Vec<String> {
    GIVEN
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .collect()
}
