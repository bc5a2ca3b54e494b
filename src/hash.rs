//! Fast hashing for the embedded lexicons.
//!
//! Every token of a text is looked up in several small static word tables; the default SipHash
//! spends more time hashing short keys than the lookups are worth. The keys are the lexicons'
//! own words, so hash flooding is not a concern: collisions can only slow a lookup.

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
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
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
