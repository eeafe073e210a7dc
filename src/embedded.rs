//! Decoder of the embedded dataset: `build.rs` validates `data/pilot.json` and writes it in the
//! postcard wire format (fields in declaration order; lengths and `u32` as LEB128 varints;
//! `Option` as a 0/1 byte; unit enums as their variant index; `u8` and `bool` as one byte;
//! `f64` as 8 little-endian bytes). Not a serde format, so the wasm carries one small function
//! per type instead of a second copy of every derived visitor: this file holds the byte reader
//! and `Decode` for the primitives; each record's and enum's `Decode` follows from its
//! declaration in `model.rs` (`record!`, `values!`), field by field in declaration order, which
//! is the order serde writes. `tests/core_data.rs` requires the decoded dataset to equal the
//! parsed JSON.

use crate::model::{Dataset, Text};

/// Decodes a blob written by `build.rs`; `None` if it is cut short or malformed (never panics).
pub(crate) fn decode(bytes: &[u8]) -> Option<Dataset> {
    let mut r = Reader { b: bytes, bad: false };
    let ds = Dataset::decode(&mut r);
    (!r.bad && r.b.is_empty()).then_some(ds)
}

/// A type read from the blob.
pub(crate) trait Decode: Sized {
    fn decode(r: &mut Reader) -> Self;
}

/// Reads without early returns: a malformed blob sets `bad` and yields empty values, and
/// `decode` then refuses the result. (Straight-line struct literals keep the wasm small: no
/// clean-up path per field.)
pub(crate) struct Reader<'a> {
    b: &'a [u8],
    bad: bool,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> &[u8] {
        if n > self.b.len() {
            self.bad = true;
            self.b = &[];
            return &[];
        }
        let (head, rest) = self.b.split_at(n);
        self.b = rest;
        head
    }
    fn byte(&mut self) -> u8 {
        self.take(1).first().copied().unwrap_or(0)
    }
    fn varint(&mut self) -> u32 {
        let mut v: u32 = 0;
        for shift in [0, 7, 14, 21, 28] {
            let b = self.byte();
            v |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return v;
            }
        }
        self.bad = true;
        0
    }
    /// A varint that must be below `n` (a bool, an option tag, an enum variant).
    pub(crate) fn index(&mut self, n: usize) -> usize {
        let i = self.varint() as usize;
        if i >= n {
            self.bad = true;
            return 0;
        }
        i
    }
}

impl Decode for bool {
    fn decode(r: &mut Reader) -> Self {
        r.index(2) == 1
    }
}

impl Decode for u8 {
    fn decode(r: &mut Reader) -> Self {
        r.byte()
    }
}

impl Decode for u32 {
    fn decode(r: &mut Reader) -> Self {
        r.varint()
    }
}

impl Decode for f64 {
    fn decode(r: &mut Reader) -> Self {
        let mut a = [0u8; 8];
        let b = r.take(8);
        if b.len() == 8 {
            a.copy_from_slice(b);
        }
        f64::from_le_bytes(a)
    }
}

impl Decode for String {
    fn decode(r: &mut Reader) -> Self {
        let n = r.varint() as usize;
        match std::str::from_utf8(r.take(n)) {
            Ok(s) => String::from(s),
            Err(_) => {
                r.bad = true;
                String::new()
            }
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader) -> Self {
        (r.index(2) == 1).then(|| T::decode(r))
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Reader) -> Self {
        let n = r.varint() as usize;
        // Each element takes at least one byte, so a bad length cannot over-allocate.
        let mut v = Vec::with_capacity(n.min(r.b.len()));
        for _ in 0..n {
            if r.bad {
                break;
            }
            v.push(T::decode(r));
        }
        v
    }
}

impl Decode for Text {
    fn decode(r: &mut Reader) -> Self {
        Text { en: String::decode(r), zh: String::decode(r) }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::BLOB;

    #[test]
    fn a_cut_or_padded_blob_is_refused_without_panicking() {
        assert!(decode(BLOB).is_some());
        for cut in [0, 1, BLOB.len() / 2, BLOB.len() - 1] {
            assert_eq!(decode(&BLOB[..cut]), None, "cut at {cut}");
        }
        let mut padded = BLOB.to_vec();
        padded.push(0);
        assert_eq!(decode(&padded), None);
        // Damaged bytes anywhere: refused or decoded, never a panic or a runaway allocation.
        for at in (0..BLOB.len()).step_by(97) {
            let mut bad = BLOB.to_vec();
            bad[at] ^= 0xff;
            let _ = decode(&bad);
        }
    }
}
