//! Webhook delivery: which events a hook takes, and when a failed delivery
//! is tried again.

use crate::coded_enum;
use crate::events::EventType;
use chrono::Duration;

coded_enum! {
    /// Where a webhook delivery stands.
    DeliveryStatus {
        /// Waiting for its next try.
        Pending = "pending",
        Delivered = "delivered",
        /// Given up after the last try.
        Failed = "failed",
    }
}

/// Tries after the first: roughly doubling, from 10 seconds to a day; after
/// the last the delivery is given up (and stays in the log as failed).
const RETRY_AFTER_SECS: [i64; 9] = [10, 30, 60, 300, 900, 3600, 3 * 3600, 6 * 3600, 24 * 3600];

/// When to try again after `attempts` failed tries, or `None` to give up.
pub fn retry_after(attempts: i32) -> Option<Duration> {
    usize::try_from(attempts).ok().and_then(|n| n.checked_sub(1)).and_then(|i| RETRY_AFTER_SECS.get(i)).map(|s| Duration::seconds(*s))
}

pub const MAX_ATTEMPTS: i32 = RETRY_AFTER_SECS.len() as i32 + 1;

/// `event_types` as stored: `*`, or comma-separated types.
pub fn wants(event_types: &str, event_type: EventType) -> bool {
    event_types.split(',').map(str::trim).any(|t| t == "*" || t == event_type.as_str())
}

/// A hook's subscription as given: `*` or known event types, at least one.
pub fn valid_subscription(types: &[String]) -> bool {
    !types.is_empty() && types.iter().all(|t| t == "*" || t.parse::<EventType>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_then_stop() {
        assert_eq!(retry_after(1), Some(Duration::seconds(10)));
        assert_eq!(retry_after(2), Some(Duration::seconds(30)));
        assert_eq!(retry_after(9), Some(Duration::hours(24)));
        assert_eq!(retry_after(MAX_ATTEMPTS), None);
        assert_eq!(retry_after(0), None);
        assert_eq!(MAX_ATTEMPTS, 10);
    }

    #[test]
    fn hooks_take_their_types() {
        assert!(wants("*", EventType::ComplaintOverdue));
        assert!(wants("complaint.submitted, complaint.state_changed", EventType::ComplaintStateChanged));
        assert!(!wants("complaint.submitted", EventType::ComplaintStateChanged));
    }

    #[test]
    fn a_subscription_names_known_types_or_all() {
        let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(valid_subscription(&list(&["*"])));
        assert!(valid_subscription(&list(&["complaint.submitted", "complaint.overdue"])));
        assert!(!valid_subscription(&list(&["complaint.submited"])));
        assert!(!valid_subscription(&list(&[])));
    }
}
