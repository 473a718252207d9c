//! Queues for login attempts. Attempts on one account go one at a time, so
//! each sees every earlier one's outcome: the account's limit counts exactly,
//! and a right password is never refused for attempts still in flight.
//! Attempts from an address with many recent failures go one at a time, a
//! second apart, instead of being refused: behind a company proxy one address
//! is everyone, and the right password must still get in.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::OwnedMutexGuard;

/// The pause before each slowed attempt.
pub const PAUSE: Duration = Duration::from_secs(1);

/// One queue per key (per instance); a queue nobody waits in is dropped.
#[derive(Default)]
pub struct Gate {
    lanes: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

/// A key's turn: the next attempt on it waits until this is dropped.
pub struct Turn<'g> {
    gate: &'g Gate,
    key: String,
    lane: Arc<tokio::sync::Mutex<()>>,
    _held: OwnedMutexGuard<()>,
}

impl Gate {
    /// Waits for `key`'s turn (first come, first served), then `pause`.
    pub async fn turn(&self, key: &str, pause: Duration) -> Turn<'_> {
        let lane = self.lanes.lock().unwrap_or_else(|e| e.into_inner()).entry(key.to_owned()).or_default().clone();
        let held = lane.clone().lock_owned().await;
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
        Turn { gate: self, key: key.to_owned(), lane, _held: held }
    }

    pub fn queues(&self) -> usize {
        self.lanes.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let mut lanes = self.gate.lanes.lock().unwrap_or_else(|e| e.into_inner());
        // The map's, this turn's and the held guard's: nobody else waits.
        if Arc::strong_count(&self.lane) <= 3 {
            lanes.remove(&self.key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn one_address_goes_one_at_a_time_and_leaves_no_queue() {
        let gate = Gate::default();
        let started = tokio::time::Instant::now();
        let (a, b) = tokio::join!(
            async {
                let _t = gate.turn("10.0.0.1", PAUSE).await;
                started.elapsed()
            },
            async {
                let _t = gate.turn("10.0.0.1", PAUSE).await;
                started.elapsed()
            }
        );
        assert_eq!((a.min(b), a.max(b)), (PAUSE, PAUSE * 2));
        // Another address does not wait behind them.
        let other = tokio::time::Instant::now();
        drop(gate.turn("10.0.0.2", PAUSE).await);
        assert_eq!(other.elapsed(), PAUSE);
        assert_eq!(gate.queues(), 0);
    }
}
