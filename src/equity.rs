//! A foreign-equity share, held exactly in hundredths of a percent.
//!
//! One type and one parser serve the share box, the URL hash, the JS API and the engine, so
//! what a reader sees is what the engine compares: a share has at most two decimals, and a
//! value with more (e.g. `50.001`) is refused rather than rounded to something else.

/// A share from 0 to 100 % in hundredths of a percent (`5000` = 50 %).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Equity(u16);

/// Why a value is not a share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EquityError {
    /// Not a decimal number (e.g. `abc`, `1e2`, `NaN`).
    NotANumber,
    /// Below 0 or above 100.
    OutOfRange,
    /// More than two decimals (e.g. `50.001`).
    TooPrecise,
}

impl std::fmt::Display for EquityError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EquityError::NotANumber => "is not a number",
            EquityError::OutOfRange => "is not between 0 and 100",
            EquityError::TooPrecise => "has more than two decimals",
        })
    }
}

impl std::error::Error for EquityError {}

impl Equity {
    pub const FULL: Equity = Equity(10_000);

    /// A whole percentage, as rules state their caps. Values above 100 saturate at 100.
    pub fn whole(pct: u8) -> Equity {
        Equity(u16::from(pct.min(100)) * 100)
    }

    pub fn hundredths(self) -> u16 {
        self.0
    }

    pub fn from_hundredths(n: u16) -> Option<Equity> {
        (n <= 10_000).then_some(Equity(n))
    }

    /// Reads what a reader types or a URL carries: `50`, `49.5`, ` 50 % `, `５０` (full-width),
    /// `49,5` (decimal comma). At most two decimals; no exponent, sign or thousands separator.
    pub fn parse(text: &str) -> Result<Equity, EquityError> {
        let folded: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '\u{ff10}'..='\u{ff19}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                '\u{ff0e}' | ',' => '.',
                c => c,
            })
            .collect();
        let body = folded.trim_end_matches(['%', '\u{ff05}']).trim_end();
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) || (body.contains('.') && frac.is_empty()) {
            return Err(EquityError::NotANumber);
        }
        let frac = frac.trim_end_matches('0');
        if frac.len() > 2 {
            return Err(EquityError::TooPrecise);
        }
        let int = int.trim_start_matches('0');
        if int.len() > 3 {
            return Err(EquityError::OutOfRange);
        }
        let whole: u32 = if int.is_empty() { 0 } else { int.parse().map_err(|_| EquityError::NotANumber)? };
        let mut cents: u32 = 0;
        for (i, b) in frac.bytes().enumerate() {
            cents += u32::from(b - b'0') * if i == 0 { 10 } else { 1 };
        }
        let n = whole * 100 + cents;
        u16::try_from(n).ok().and_then(Equity::from_hundredths).ok_or(EquityError::OutOfRange)
    }

    /// Takes a number from a script (the JS API). It must be finite, from 0 to 100, with at
    /// most two decimals (binary floating-point noise such as `0.1 + 0.2` is tolerated).
    pub fn from_f64(v: f64) -> Result<Equity, EquityError> {
        if !v.is_finite() {
            return Err(EquityError::NotANumber);
        }
        if !(0.0..=100.0).contains(&v) {
            return Err(EquityError::OutOfRange);
        }
        let scaled = v * 100.0;
        let n = scaled.round();
        // Tolerates the rounding of one multiplication (~1e-16 relative), not a real extra decimal.
        if (scaled - n).abs() > scaled.abs().max(1.0) * 1e-13 {
            return Err(EquityError::TooPrecise);
        }
        Ok(Equity(n as u16))
    }

    /// The share as a number (for the JS API's output).
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

/// `50`, `49.5`, `33.33`: no trailing zeros, no exponent. The same text in both languages.
impl std::fmt::Display for Equity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (whole, cents) = (self.0 / 100, self.0 % 100);
        match cents {
            0 => write!(f, "{whole}"),
            c if c % 10 == 0 => write!(f, "{whole}.{}", c / 10),
            c => write!(f, "{whole}.{c:02}"),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn parses_what_readers_type() {
        let ok = |s: &str| Equity::parse(s).map(|e| e.hundredths());
        assert_eq!(ok("50"), Ok(5000));
        assert_eq!(ok(" 49.5 % "), Ok(4950));
        assert_eq!(ok("49,5"), Ok(4950));
        assert_eq!(ok("５０％"), Ok(5000));
        assert_eq!(ok("0.25"), Ok(25));
        assert_eq!(ok(".5"), Ok(50));
        assert_eq!(ok("100.00"), Ok(10_000));
        assert_eq!(ok("007"), Ok(700));
        assert_eq!(ok("50.001"), Err(EquityError::TooPrecise));
        assert_eq!(ok("50.0000000001"), Err(EquityError::TooPrecise));
        assert_eq!(ok("100.01"), Err(EquityError::OutOfRange));
        assert_eq!(ok("250"), Err(EquityError::OutOfRange));
        assert_eq!(ok("99999999999999999999"), Err(EquityError::OutOfRange));
        for bad in ["", "%", "-1", "+5", "1e2", "NaN", "inf", "5.", "1.2.3", "fifty", "5 0"] {
            assert_eq!(ok(bad), Err(EquityError::NotANumber), "{bad:?}");
        }
    }

    #[test]
    fn numbers_from_scripts_keep_two_decimals_and_refuse_more() {
        assert_eq!(Equity::from_f64(100.0), Ok(Equity::FULL));
        assert_eq!(Equity::from_f64(0.1 + 0.2).map(|e| e.to_string()), Ok("0.3".into()));
        assert_eq!(Equity::from_f64(33.33).map(|e| e.to_string()), Ok("33.33".into()));
        assert_eq!(Equity::from_f64(50.0000000001), Err(EquityError::TooPrecise));
        assert_eq!(Equity::from_f64(50.001), Err(EquityError::TooPrecise));
        assert_eq!(Equity::from_f64(-0.5), Err(EquityError::OutOfRange));
        assert_eq!(Equity::from_f64(f64::NAN), Err(EquityError::NotANumber));
    }

    #[test]
    fn shows_what_it_holds() {
        let show = |n| Equity::from_hundredths(n).unwrap().to_string();
        assert_eq!((show(5000), show(4950), show(3333), show(5), show(0)), ("50".into(), "49.5".into(), "33.33".into(), "0.05".into(), "0".into()));
        assert!(Equity::whole(50) < Equity::parse("50.01").unwrap());
        assert_eq!(Equity::whole(50), Equity::parse("50.00").unwrap());
    }
}
