//! Decoder of the embedded dataset: `build.rs` validates `data/pilot.json` and writes it in the
//! postcard wire format (fields in declaration order; lengths and `u32` as LEB128 varints;
//! `Option` as a 0/1 byte; unit enums as their variant index; `u8` and `bool` as one byte;
//! `f64` as 8 little-endian bytes). This reader is hand-written rather than a serde format so
//! the wasm carries one small function per type instead of a second copy of every derived
//! visitor. A model change that this file does not follow fails to compile (struct literals)
//! or fails `tests/core_data.rs` (the decoded dataset must equal the parsed JSON).

use crate::model::*;

/// The dataset as built by `build.rs`.
pub(crate) const BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pilot.bin"));

/// Decodes a blob written by `build.rs`; `None` if it is cut short or malformed (never panics).
pub(crate) fn decode(bytes: &[u8]) -> Option<Dataset> {
    let mut r = Reader { b: bytes, bad: false };
    let ds = r.dataset();
    (!r.bad && r.b.is_empty()).then_some(ds)
}

/// Reads without early returns: a malformed blob sets `bad` and yields empty values, and
/// `decode` then refuses the result. (Straight-line struct literals keep the wasm small: no
/// clean-up path per field.)
struct Reader<'a> {
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
    fn index(&mut self, n: usize) -> usize {
        let i = self.varint() as usize;
        if i >= n {
            self.bad = true;
            return 0;
        }
        i
    }
    fn boolean(&mut self) -> bool {
        self.index(2) == 1
    }
    fn f64(&mut self) -> f64 {
        let mut a = [0u8; 8];
        let b = self.take(8);
        if b.len() == 8 {
            a.copy_from_slice(b);
        }
        f64::from_le_bytes(a)
    }
    fn string(&mut self) -> String {
        let n = self.varint() as usize;
        match std::str::from_utf8(self.take(n)) {
            Ok(s) => String::from(s),
            Err(_) => {
                self.bad = true;
                String::new()
            }
        }
    }
    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        (self.index(2) == 1).then(|| f(self))
    }
    fn vec<T>(&mut self, mut f: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.varint() as usize;
        // Each element takes at least one byte, so a bad length cannot over-allocate.
        let mut v = Vec::with_capacity(n.min(self.b.len()));
        for _ in 0..n {
            if self.bad {
                break;
            }
            v.push(f(self));
        }
        v
    }
    fn strings(&mut self) -> Vec<String> {
        self.vec(Self::string)
    }
    fn opt_string(&mut self) -> Option<String> {
        self.opt(Self::string)
    }
    fn text(&mut self) -> Text {
        Text { en: self.string(), zh: self.string() }
    }
    fn opt_text(&mut self) -> Option<Text> {
        self.opt(Self::text)
    }
    fn confidence(&mut self) -> Confidence {
        [Confidence::Low, Confidence::Medium, Confidence::High][self.index(3)]
    }

    fn dataset(&mut self) -> Dataset {
        Dataset {
            version: self.string(),
            as_of: self.string(),
            title: self.text(),
            caveats: self.vec(Self::caveat),
            out_of_scope: self.vec(Self::caveat),
            sources: self.vec(Self::source),
            programmes: self.vec(Self::programme),
            zones: self.vec(Self::zone),
            places: self.vec(Self::place),
            service_families: self.vec(|r| ServiceFamily { id: r.string(), name: r.text() }),
            services: self.vec(Self::service),
            questions: self.vec(|r| Question { id: r.string(), hash_key: r.string(), label: r.text() }),
            conditions: self.vec(Self::condition),
            rules: self.vec(Self::rule),
            countries: self.vec(|r| Country { id: r.string(), name: r.text() }),
            enterprises: self.vec(Self::enterprise),
            timeline: self.vec(Self::timeline_event),
            figures: self.vec(Self::figure),
            changelog: self.vec(|r| ChangelogEntry { version: r.string(), date: r.string(), summary: r.text(), source_ids: r.strings() }),
        }
    }
    fn caveat(&mut self) -> Caveat {
        Caveat { id: self.string(), text: self.text(), source_ids: self.strings() }
    }
    fn source(&mut self) -> Source {
        Source {
            id: self.string(),
            url: self.string(),
            outlet: self.string(),
            title: self.string(),
            date: self.opt_string(),
            language: self.string(),
            reliability: self.confidence(),
            reliability_note: self.string(),
            retrieved: self.boolean(),
        }
    }
    fn programme(&mut self) -> Programme {
        Programme {
            id: self.string(),
            name: self.text(),
            short_name: self.opt_text(),
            instrument: self.text(),
            date: self.opt_string(),
            source_ids: self.strings(),
        }
    }
    fn zone(&mut self) -> Zone {
        Zone {
            id: self.string(),
            short_name: self.text(),
            official_name: self.text(),
            extent: self.text(),
            partial: self.boolean(),
            key_dates: self.vec(|r| DatedEvent { date: r.string(), label: r.text(), source_ids: r.strings() }),
            anchor: Point { lon: self.f64(), lat: self.f64() },
            confidence: self.confidence(),
            source_ids: self.strings(),
        }
    }
    fn place(&mut self) -> Place {
        Place {
            id: self.string(),
            name: self.text(),
            zone: self.opt_string(),
            programmes: self.strings(),
            note: self.opt_text(),
            source_ids: self.strings(),
        }
    }
    fn service(&mut self) -> Service {
        Service {
            id: self.string(),
            code: self.string(),
            family: self.string(),
            name: self.text(),
            description: self.text(),
            source_ids: self.strings(),
        }
    }
    fn condition(&mut self) -> Condition {
        Condition {
            id: self.string(),
            text: self.text(),
            answer: self.opt_string(),
            confidence: self.confidence(),
            source_ids: self.strings(),
        }
    }
    fn rule(&mut self) -> Rule {
        Rule {
            id: self.string(),
            tier: [Tier::Baseline, Tier::Programme, Tier::Prohibited][self.index(3)],
            programme: self.string(),
            places: self.strings(),
            services: self.strings(),
            max_foreign_equity_pct: self.byte(),
            conditions: self.strings(),
            explanation: self.text(),
            confidence: self.confidence(),
            source_ids: self.strings(),
        }
    }
    fn enterprise(&mut self) -> Enterprise {
        Enterprise {
            id: self.string(),
            status: [Status::Approved, Status::ReportedApplicant][self.index(2)],
            batch: self.opt(Self::varint),
            approval_date: self.opt_string(),
            identified: self.boolean(),
            name_en: self.opt_string(),
            name_zh: self.opt_string(),
            legal_name: self.boolean(),
            parent: self.opt_text(),
            parent_country: self.opt_string(),
            zone: self.opt_string(),
            services: self.opt(Self::strings),
            activity: self.opt_text(),
            confidence: self.confidence(),
            note: self.opt_text(),
            source_ids: self.strings(),
        }
    }
    fn timeline_event(&mut self) -> TimelineEvent {
        TimelineEvent { id: self.string(), date: self.string(), label: self.text(), confidence: self.confidence(), source_ids: self.strings() }
    }
    fn figure(&mut self) -> Figure {
        Figure {
            id: self.string(),
            label: self.text(),
            value: self.opt(Self::f64),
            display: self.opt_text(),
            as_of: self.opt_string(),
            confidence: self.confidence(),
            note: self.opt_text(),
            source_ids: self.strings(),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

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
