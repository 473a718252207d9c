//! Fails requests at once while the database is unreachable.
//!
//! Without it every request waits the pool's whole connection timeout on a
//! blocking thread, and those queued behind the threads wait a multiple of it
//! (an outage test saw 5.9 s). After a checkout fails, one request at a time
//! probes the database, at most once per `retry`; the others get 503 at once
//! unless an idle connection is at hand.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// The database answered last time: wait for a connection as usual.
    Go,
    /// This request probes the database for everyone.
    Probe,
    /// Refuse unless a connection is idle.
    Refuse,
}

pub struct Breaker {
    start: Instant,
    /// Milliseconds since `start` (plus one) of the last failed checkout; 0 while healthy.
    failed_at: AtomicU64,
    probing: AtomicBool,
    retry: Duration,
}

impl Breaker {
    pub fn new(retry: Duration) -> Breaker {
        Breaker { start: Instant::now(), failed_at: AtomicU64::new(0), probing: AtomicBool::new(false), retry }
    }

    fn now(&self) -> u64 {
        self.start.elapsed().as_millis() as u64 + 1
    }

    pub fn admit(&self) -> Pass {
        let failed = self.failed_at.load(Ordering::Acquire);
        if failed == 0 {
            return Pass::Go;
        }
        if self.now().saturating_sub(failed) < self.retry.as_millis() as u64 {
            return Pass::Refuse;
        }
        match self.probing.compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => Pass::Probe,
            Err(_) => Pass::Refuse,
        }
    }

    /// What the checkout admitted as `pass` found.
    pub fn record(&self, pass: Pass, connected: bool) {
        if connected {
            if self.failed_at.load(Ordering::Acquire) != 0 {
                self.failed_at.store(0, Ordering::Release);
            }
        } else {
            self.failed_at.store(self.now(), Ordering::Release);
        }
        if pass == Pass::Probe {
            self.probing.store(false, Ordering::Release);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_probe_at_a_time_after_a_failure_then_healthy_again() {
        let b = Breaker::new(Duration::from_millis(30));
        assert_eq!(b.admit(), Pass::Go);
        b.record(Pass::Go, false);
        assert_eq!(b.admit(), Pass::Refuse, "within the retry interval");
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(b.admit(), Pass::Probe);
        assert_eq!(b.admit(), Pass::Refuse, "one probe at a time");
        b.record(Pass::Probe, false);
        assert_eq!(b.admit(), Pass::Refuse, "the failed probe starts a new interval");
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(b.admit(), Pass::Probe);
        b.record(Pass::Probe, true);
        assert_eq!(b.admit(), Pass::Go);
        assert_eq!(b.admit(), Pass::Go);
    }
}
