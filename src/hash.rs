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

/// A one-hash bit set of integer keys, `WORDS` × 64 bits (`WORDS` a power of two): `contains`
/// may say yes for a key never inserted, never no for one that was. A filter in front of a
/// costlier check (an automaton search, a compound-number parse).
#[derive(Debug, Clone)]
pub(crate) struct KeyFilter<const WORDS: usize>(Box<[u64; WORDS]>);

impl<const WORDS: usize> Default for KeyFilter<WORDS> {
    fn default() -> Self {
        KeyFilter(Box::new([0; WORDS]))
    }
}

impl<const WORDS: usize> KeyFilter<WORDS> {
    /// Keeps the top bits of the multiplied key: as many as index `WORDS * 64` bits.
    const SHIFT: u32 = 64 - (WORDS as u64 * 64).trailing_zeros();

    #[inline]
    fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> Self::SHIFT) as usize
    }

    pub(crate) fn insert(&mut self, key: u64) {
        let i = Self::slot(key);
        self.0[i >> 6] |= 1 << (i & 63);
    }

    #[inline]
    pub(crate) fn contains(&self, key: u64) -> bool {
        let i = Self::slot(key);
        self.0[i >> 6] >> (i & 63) & 1 == 1
    }
}

/// A word-keyed map for lexicons looked up on every token: a filter on (first byte, length)
/// that answers most misses at once, in front of an open-addressing table whose slots hold the
/// key packed into two integers.
///
/// Most tokens of a text are in none of a lexicon's tables, so the miss is the common case; the
/// filter is a 1 KiB table of length bits per first byte, built as words are inserted. A word of
/// up to 16 bytes is compared as two integers and its length, without a call to `memcmp`; a
/// longer one is checked against its key.
#[derive(Clone)]
pub(crate) struct WordMap<V> {
    /// Keys and values in insertion order; slot `index` points into them.
    keys: Vec<String>,
    values: Vec<V>,
    /// A power of two in size and at most half full, so a probe always meets an empty slot.
    slots: Vec<Slot>,
    /// For each first byte, bit `min(len, 31)` is set when a key of that length starts with it.
    filter: Box<[u32; 256]>,
}

/// A table slot: the packed key and its length, and `index + 1` of the entry (0: empty).
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    lo: u64,
    hi: u64,
    len: u32,
    index: u32,
}

/// A word as two integers. With its length this is exact up to 16 bytes: the first and the last
/// eight bytes (overlapping when shorter), or for shorter words the first and last four, or the
/// first, middle and last byte.
#[inline]
fn pack(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    let le8 = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let le4 = |at: usize| u64::from(u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]));
    match n {
        0 => (0, 0),
        1..=3 => (u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16, 0),
        4..=7 => (le4(0) | le4(n - 4) << 32, 0),
        _ => (le8(0), le8(n - 8)),
    }
}

#[inline]
fn slot_hash(lo: u64, hi: u64, len: usize) -> u64 {
    (lo ^ hi.rotate_left(29) ^ (len as u64).rotate_right(8)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { keys: Vec::new(), values: Vec::new(), slots: Vec::new(), filter: Box::new([0; 256]) }
    }
}

impl<V: std::fmt::Debug> std::fmt::Debug for WordMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.keys.iter().zip(&self.values)).finish()
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

    /// The entry index of `word`, probing from its slot.
    #[inline]
    fn find(&self, word: &str) -> Option<usize> {
        let b = word.as_bytes();
        let (lo, hi) = pack(b);
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = (slot_hash(lo, hi, b.len()) >> 32) as usize & mask;
        loop {
            let slot = self.slots.get(at)?;
            if slot.index == 0 {
                return None;
            }
            if slot.lo == lo && slot.hi == hi && slot.len as usize == b.len() {
                let i = slot.index as usize - 1;
                if b.len() <= 16 || self.keys.get(i).is_some_and(|k| k == word) {
                    return Some(i);
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Puts entry `index` (key `word`) in the first free slot of its probe sequence.
    fn place(slots: &mut [Slot], word: &str, index: usize) {
        let b = word.as_bytes();
        let (lo, hi) = pack(b);
        let mask = slots.len() - 1;
        let mut at = (slot_hash(lo, hi, b.len()) >> 32) as usize & mask;
        while slots[at].index != 0 {
            at = (at + 1) & mask;
        }
        slots[at] = Slot { lo, hi, len: b.len() as u32, index: index as u32 + 1 };
    }

    /// Inserts `word`, returning the value it replaces.
    pub(crate) fn insert(&mut self, word: String, value: V) -> Option<V> {
        if let Some(i) = self.find(&word) {
            return Some(std::mem::replace(&mut self.values[i], value));
        }
        if let Some((b, bit)) = filter_slot(&word) {
            self.filter[b] |= bit;
        }
        if 2 * (self.keys.len() + 1) > self.slots.len() {
            let mut slots = vec![Slot::default(); (4 * (self.keys.len() + 1)).next_power_of_two()];
            for (i, k) in self.keys.iter().enumerate() {
                Self::place(&mut slots, k, i);
            }
            self.slots = slots;
        }
        Self::place(&mut self.slots, &word, self.keys.len());
        self.keys.push(word);
        self.values.push(value);
        None
    }

    /// The value of `word`, inserting the default first if it is missing.
    pub(crate) fn get_or_default(&mut self, word: &str) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(word) {
            Some(i) => i,
            None => {
                self.insert(word.to_string(), V::default());
                self.keys.len() - 1
            }
        };
        &mut self.values[i]
    }

    /// The values, mutably (the keys, and so the filter, stay as they are).
    pub(crate) fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.values.iter_mut()
    }

    /// The value of `word`.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        if self.may_contain(word) { self.find(word).and_then(|i| self.values.get(i)) } else { None }
    }

    /// True when `word` is a key.
    #[inline]
    pub(crate) fn contains_key(&self, word: &str) -> bool {
        self.may_contain(word) && self.find(word).is_some()
    }

    /// Number of entries.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when there is no entry.
    pub(crate) fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The keys, in insertion order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &String> {
        self.keys.iter()
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
        // Straight to the table: the filter leaves out the empty word, which can still be a key.
        &self.values[self.find(word).expect("WordMap: no entry for the word")]
    }
}

impl<'a, V> IntoIterator for &'a WordMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Zip<std::slice::Iter<'a, String>, std::slice::Iter<'a, V>>;
    fn into_iter(self) -> Self::IntoIter {
        self.keys.iter().zip(&self.values)
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

    /// The words, in insertion order.
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
    fn word_map_packs_keys_exactly() {
        // Every length from 1 to 40, and words that differ in one byte only: no two are confused.
        // Beyond 16 bytes the packed form (first and last eight bytes) is shared, so the key
        // itself decides.
        let mut m = WordMap::default();
        let mut words = Vec::new();
        for len in 1..=40usize {
            let base = "a".repeat(len);
            words.push(base.clone());
            for k in 0..len {
                let mut w = base.clone().into_bytes();
                w[k] = b'b';
                words.push(String::from_utf8(w).unwrap());
            }
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.insert(w.clone(), i), None, "{w}");
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(w), Some(&i), "{w}");
        }
        assert_eq!(m.len(), words.len());
        let aaa = words.iter().position(|w| w == "aaa");
        assert_eq!(m.insert("aaa".to_string(), 7), aaa);
        assert_eq!(m.get("aaaa".repeat(11).as_str()), None);
        assert!(m.keys().zip(&words).all(|(k, w)| k == w), "keys keep insertion order");
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
