//! A small deterministic random generator for the unit tests that build random inputs
//! (xorshift, no dependency): the same inputs on every run.

/// `Dice(seed)`; `roll(n)` gives a number below `n`.
pub(crate) struct Dice(pub(crate) u64);

impl Dice {
    pub(crate) fn roll(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}
