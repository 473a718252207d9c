//! The notices of a month's reward-and-penalty run (奖罚月结): each step
//! tells whoever acts next. They name the run and its month; none carries
//! an amount, so none shows a person's pay to anyone else.

use super::{Notice, NoticeKind};

impl Notice {
    fn about_run(kind: NoticeKind, run_id: i64, month: &str, more: &[(&'static str, String)]) -> Notice {
        let mut params = vec![("run_id", run_id.to_string()), ("month", month.to_owned())];
        params.extend_from_slice(more);
        Notice::new(kind, None, &params)
    }

    /// The run holds items of the reader's department to confirm or dispute.
    pub fn penalty_review(run_id: i64, month: &str) -> Notice {
        Notice::about_run(NoticeKind::PenaltyReview, run_id, month, &[])
    }

    pub fn penalty_disputed(run_id: i64, month: &str, department: &str, reason: &str) -> Notice {
        Notice::about_run(NoticeKind::PenaltyDisputed, run_id, month, &[("department", department.into()), ("reason", reason.into())])
    }

    pub fn penalty_approval(run_id: i64, month: &str) -> Notice {
        Notice::about_run(NoticeKind::PenaltyApproval, run_id, month, &[])
    }

    pub fn penalty_returned(run_id: i64, month: &str, reason: &str) -> Notice {
        Notice::about_run(NoticeKind::PenaltyReturned, run_id, month, &[("reason", reason.into())])
    }

    pub fn penalty_approved(run_id: i64, month: &str) -> Notice {
        Notice::about_run(NoticeKind::PenaltyApproved, run_id, month, &[])
    }

    pub fn penalty_published(run_id: i64, month: &str) -> Notice {
        Notice::about_run(NoticeKind::PenaltyPublished, run_id, month, &[])
    }
}
