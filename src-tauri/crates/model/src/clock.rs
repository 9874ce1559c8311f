use chrono::{DateTime, Utc};

/// A point in time, stored as RFC 3339 in UTC.
pub type Timestamp = DateTime<Utc>;

/// Where "now" comes from. Injected so that tests and exports are deterministic.
pub trait Clock: Send + Sync {
    /// The current time.
    fn now(&self) -> Timestamp;
}

/// The wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Utc::now()
    }
}

/// A clock that always answers the same time; for tests and reproducible output.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }
}
