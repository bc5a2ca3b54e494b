//! Fast hashing and word tables for the lexicons.
//!
//! Every token of a text is looked up in several small static word tables; the default SipHash
//! spends more time hashing short keys than the lookups are worth. The keys are the lexicons'
//! own words, so hash flooding is not a concern: collisions can only slow a lookup. Most tokens
//! are in none of a table's words, so [`WordMap`] and [`WordSet`] answer most misses from a
//! filter on first byte and length, before hashing.

use std::collections::{HashMap, HashSet};

/// A `HashMap` with a fast non-keyed hash (FxHash), for small static lexicons looked up on
/// every token: collisions can only slow a lookup, never change its answer.
pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// A `HashSet` with the same fast hash.
pub(crate) type FastSet<K> = HashSet<K, std::hash::BuildHasherDefault<FxHasher>>;

/// The multiply-rotate hash of rustc (`FxHasher`), written out to avoid a dependency.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        // The tail in at most two loads, without a variable-length copy (which calls memcpy).
        let rest = chunks.remainder();
        let n = rest.len();
        let tail = match n {
            0 => return,
            1..=3 => u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16,
            _ => {
                let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
                let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
                u64::from(lo) | u64::from(hi) << 32
            }
        };
        self.add(tail);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A word-keyed map for lexicons looked up on every token: a [`FastMap`] behind a filter on
/// (first byte, length) that answers most misses without hashing.
///
/// Most tokens of a text are in none of a lexicon's tables, so the miss is the common case; the
/// filter is a 1 KiB table of length bits per first byte, built as words are inserted.
#[derive(Clone)]
pub(crate) struct WordMap<V> {
    map: FastMap<String, V>,
    /// For each first byte, bit `min(len, 31)` is set when a key of that length starts with it.
    filter: Box<[u32; 256]>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { map: FastMap::default(), filter: Box::new([0; 256]) }
    }
}

impl<V: std::fmt::Debug> std::fmt::Debug for WordMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.map.fmt(f)
    }
}

#[inline]
fn filter_slot(word: &str) -> Option<(usize, u32)> {
    let first = *word.as_bytes().first()?;
    Some((usize::from(first), 1 << word.len().min(31)))
}

impl<V> WordMap<V> {
    #[inline]
    fn may_contain(&self, word: &str) -> bool {
        filter_slot(word).is_some_and(|(b, bit)| self.filter[b] & bit != 0)
    }

    /// Inserts `word`, returning the value it replaces.
    pub(crate) fn insert(&mut self, word: String, value: V) -> Option<V> {
        if let Some((b, bit)) = filter_slot(&word) {
            self.filter[b] |= bit;
        }
        self.map.insert(word, value)
    }

    /// The value of `word`, inserting the default first if it is missing.
    pub(crate) fn get_or_default(&mut self, word: &str) -> &mut V
    where
        V: Default,
    {
        if !self.map.contains_key(word) {
            self.insert(word.to_string(), V::default());
        }
        self.map.get_mut(word).expect("inserted above")
    }

    /// The values, mutably (the keys, and so the filter, stay as they are).
    pub(crate) fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.map.values_mut()
    }

    /// The value of `word`.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        if self.may_contain(word) { self.map.get(word) } else { None }
    }

    /// True when `word` is a key.
    #[inline]
    pub(crate) fn contains_key(&self, word: &str) -> bool {
        self.may_contain(word) && self.map.contains_key(word)
    }

    /// Number of entries.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there is no entry.
    pub(crate) fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The keys, in no particular order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &String> {
        self.map.keys()
    }
}

impl WordMap<Vec<usize>> {
    /// Word → the positions, in order, of the items keyed by it (`None`: an item with no key),
    /// for looking up phrases by their first or last word.
    pub(crate) fn positions<'w>(keys: impl IntoIterator<Item = Option<&'w String>>) -> Self {
        let mut index: WordMap<Vec<usize>> = WordMap::default();
        for (k, word) in keys.into_iter().enumerate() {
            if let Some(word) = word {
                index.get_or_default(word).push(k);
            }
        }
        index
    }
}

impl<V> std::ops::Index<&str> for WordMap<V> {
    type Output = V;
    /// The value of `word`; panics when it is missing, like `HashMap`'s index.
    fn index(&self, word: &str) -> &V {
        &self.map[word]
    }
}

impl<'a, V> IntoIterator for &'a WordMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::collections::hash_map::Iter<'a, String, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.map.iter()
    }
}

/// A word set with the same miss filter as [`WordMap`].
#[derive(Clone, Default)]
pub(crate) struct WordSet(WordMap<()>);

impl std::fmt::Debug for WordSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

impl WordSet {
    /// Adds `word`; true when it was new.
    pub(crate) fn insert(&mut self, word: String) -> bool {
        self.0.insert(word, ()).is_none()
    }

    /// True when `word` is in the set.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.contains_key(word)
    }

    /// The words, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }
}

impl Extend<String> for WordSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, words: I) {
        for w in words {
            self.insert(w);
        }
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        let mut set = WordSet::default();
        set.extend(words);
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_map_filter_never_hides_a_key() {
        let mut m = WordMap::default();
        let words = ["di", "dell'", "è", "miliardi", "un-nome-lunghissimo-oltre-trentun-byte", "a"];
        for (i, w) in words.iter().enumerate() {
            m.insert(w.to_string(), i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(w), Some(&i), "{w}");
        }
        // Same first byte and length bucket as a key, and beyond 31 bytes: found by the map.
        assert_eq!(m.get("un-nome-lunghissimo-oltre-trentun-byte-e-oltre"), None);
        assert_eq!(m.get("da"), None);
        assert_eq!(m.get(""), None);
        assert!(!m.contains_key("milione"));
        *m.get_or_default("nuovo") += 0;
        assert!(m.contains_key("nuovo"));
        let keys = ["di".to_string(), "la".to_string()];
        let index = WordMap::positions([Some(&keys[0]), None, Some(&keys[1]), Some(&keys[0])]);
        assert_eq!((index.get("di"), index.get("la")), (Some(&vec![0, 3]), Some(&vec![2])));
        let s: WordSet = ["il".to_string(), "la".to_string()].into_iter().collect();
        assert!(s.contains("la") && !s.contains("lo") && s.iter().count() == 2);
    }

    #[test]
    fn hash_tail_reads_every_byte() {
        use std::hash::Hasher;
        let hash = |b: &[u8]| {
            let mut h = FxHasher::default();
            h.write(b);
            h.finish()
        };
        // Strings of one length that differ in a single tail byte hash apart.
        for len in 1..16usize {
            let base = vec![b'a'; len];
            for k in 0..len {
                let mut other = base.clone();
                other[k] = b'b';
                assert_ne!(hash(&base), hash(&other), "len {len}, byte {k}");
            }
        }
    }
}
