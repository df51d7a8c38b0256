//! What a command needs from the world outside the core: the clock and a source of fresh
//! ids. The shell passes the browser's; tests pass fixed ones, so every update is repeatable.

/// The clock and the id source for one `update`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ctx {
    /// Now, in milliseconds since the Unix epoch (what `Date.now()` gives).
    pub now: f64,
    /// A random number below 36^4, so two documents made in the same millisecond differ.
    pub salt: u32,
}

impl Ctx {
    /// A context for tests and tools: this time, no randomness.
    pub fn at(now: f64) -> Ctx {
        Ctx { now, salt: 0 }
    }

    /// A new document id: the time and the salt, in hex.
    pub fn new_id(&self) -> String {
        format!("d{:x}{:04x}", self.now as u64, self.salt)
    }
}
