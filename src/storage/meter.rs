//! How much of the browser's local storage is used, in the unit browsers count:
//! UTF-16 code units of keys plus values (about 5 MB, i.e. 5,242,880 units, per site).

use super::area::Area;

/// Chromium, Firefox and Safari allow about 5 Mi UTF-16 units per site.
pub const DEFAULT_CAPACITY: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Usage {
    /// units used by every key of this site
    pub used: usize,
    /// units used by Spanmark's own keys
    pub ours: usize,
    /// the estimated capacity (lowered when the browser says it is full sooner)
    pub capacity: usize,
}

/// UTF-16 length of a string, as the browser counts it. Saved records are mostly ASCII, where
/// it is the byte length: checking that is many times faster than counting code units, and
/// every save of a long document counts its whole record.
pub fn units(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char::len_utf16).sum()
    }
}

/// Usage from the area's size table (kept current by its own writes and rescans), so
/// the meter never rereads every stored value after a save.
pub fn measure(area: &Area, capacity: usize) -> Usage {
    let (used, ours) = area.used("spanmark/");
    Usage {
        used,
        ours,
        capacity,
    }
}

/// "1.2 MB" (or "35 KB" below a tenth of a megabyte) for a number of UTF-16 units;
/// the browsers' "5 MB" is 5 Mi of these units.
pub fn megabytes(units: usize) -> String {
    let mb = units as f64 / (1024.0 * 1024.0);
    if mb < 0.1 {
        format!("{} KB", units.div_ceil(1024))
    } else {
        format!("{mb:.1} MB")
    }
}

impl Usage {
    /// "1.2 MB of about 5.0 MB used"
    pub fn sentence(&self) -> String {
        format!(
            "{} of about {} used",
            megabytes(self.used),
            megabytes(self.capacity)
        )
    }

    pub fn fraction(&self) -> f64 {
        if self.capacity == 0 {
            1.0
        } else {
            (self.used as f64 / self.capacity as f64).min(1.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::units;

    #[test]
    fn units_are_utf16_code_units_in_ascii_and_not() {
        assert_eq!(units(""), 0);
        assert_eq!(units("spanmark/1/doc/a"), 16);
        // é is one unit in two bytes; 𝔸 is two units (a surrogate pair) in four bytes
        assert_eq!(units("café"), 4);
        assert_eq!(units("𝔸b"), 3);
        let mixed = "Bannu, پشاور, 𝔸".repeat(100);
        assert_eq!(units(&mixed), mixed.encode_utf16().count());
    }
}
