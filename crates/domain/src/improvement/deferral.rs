//! Deferred closure (暂缓关闭, seed 002 §7.4.2): a complaint that cannot, or
//! need not, close within its time is deferred at the request of the
//! department working on it, once the coordinator's manager approves; it
//! then counts as a second-level irrational complaint, followed (watched or
//! monitored) until the date approved.

use super::{text, IrrationalFollow, TrackingRefusal};
use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::role::{Actor, Role};
use crate::State;
use chrono::{Days, NaiveDate};

coded_enum! {
    /// Where a deferral request stands. The names are public API.
    DeferralState {
        Requested = "requested",
        Approved = "approved",
        Refused = "refused",
    }
}

coded_enum! {
    /// What the coordinator's manager does with a request. The names are public API.
    DeferralAction {
        Approve = "approve",
        Refuse = "refuse",
    }
}

/// The furthest a closure is deferred, in days from the request.
pub const MAX_DEFERRAL_DAYS: u64 = 365;

/// What a department asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeferralRequest {
    pub reason: String,
    /// How the case is followed meanwhile.
    pub follow: IrrationalFollow,
    /// The new date by which it closes.
    pub until: NaiveDate,
}

/// What the rules need to know about the case.
#[derive(Clone, Copy, Debug)]
pub struct DeferralFacts {
    pub state: State,
    pub numbered: bool,
    /// The caller is one of the people the case waits for now, or of the
    /// unit responsible for its countermeasure: the executing department.
    pub involved: bool,
    /// A request waits for a decision already.
    pub pending: bool,
}

/// The executing department or the coordinator asks, on a registered, open
/// case, one request at a time.
pub fn may_request(actor: &Actor, f: DeferralFacts) -> Result<(), TrackingRefusal> {
    if !(f.involved || actor.has(Role::Coordinator)) {
        return Err(TrackingRefusal::Forbidden);
    }
    if !f.numbered || f.state == State::Closed || f.pending {
        return Err(TrackingRefusal::WrongState);
    }
    Ok(())
}

/// A reason, and a date after today within [`MAX_DEFERRAL_DAYS`].
pub fn check_request(r: &DeferralRequest, today: NaiveDate) -> Result<(), TrackingRefusal> {
    let mut issues: Vec<FieldIssue> = text("reason", &r.reason, "why the case cannot close in time").into_iter().collect();
    let latest = today.checked_add_days(Days::new(MAX_DEFERRAL_DAYS)).unwrap_or(NaiveDate::MAX);
    if r.until <= today || r.until > latest {
        issues.push(FieldIssue::new("until", Rule::OutOfRange, format!("after today and within {MAX_DEFERRAL_DAYS} days")));
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(TrackingRefusal::Invalid(issues))
    }
}

/// The coordinator's manager — the head of the general manager's office,
/// the deputy general manager, or the general manager — decides; a refusal
/// says why. The state the action leaves.
pub fn decide(actor: &Actor, state: DeferralState, case_open: bool, action: DeferralAction, comment: Option<&str>) -> Result<DeferralState, TrackingRefusal> {
    if !(actor.has(Role::DeputyGm) || actor.has(Role::Gm)) {
        return Err(TrackingRefusal::Forbidden);
    }
    if state != DeferralState::Requested || !case_open {
        return Err(TrackingRefusal::WrongState);
    }
    match action {
        DeferralAction::Approve => Ok(DeferralState::Approved),
        DeferralAction::Refuse => match comment.map(str::trim) {
            Some(c) if !c.is_empty() => Ok(DeferralState::Refused),
            _ => Err(TrackingRefusal::Invalid(vec![FieldIssue::new("comment", Rule::Required, "why the closure is not deferred")])),
        },
    }
}

/// The decisions `actor` may take now.
pub fn available(actor: &Actor, state: DeferralState, case_open: bool) -> Vec<DeferralAction> {
    DeferralAction::ALL.iter().copied().filter(|a| decide(actor, state, case_open, *a, Some("offered")).is_ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role) -> Actor {
        Actor { user_id: 3, roles: vec![role], department_id: 2 }
    }

    fn facts(involved: bool) -> DeferralFacts {
        DeferralFacts { state: State::ProductionCountermeasure, numbered: true, involved, pending: false }
    }

    #[test]
    fn the_executing_department_or_the_coordinator_asks_once_at_a_time() {
        assert_eq!(may_request(&actor(Role::Production), facts(true)), Ok(()));
        assert_eq!(may_request(&actor(Role::Coordinator), facts(false)), Ok(()));
        assert_eq!(may_request(&actor(Role::Production), facts(false)), Err(TrackingRefusal::Forbidden));
        assert_eq!(may_request(&actor(Role::Coordinator), DeferralFacts { pending: true, ..facts(false) }), Err(TrackingRefusal::WrongState));
        assert_eq!(may_request(&actor(Role::Coordinator), DeferralFacts { state: State::Closed, ..facts(false) }), Err(TrackingRefusal::WrongState));
        assert_eq!(may_request(&actor(Role::Coordinator), DeferralFacts { numbered: false, ..facts(false) }), Err(TrackingRefusal::WrongState));
    }

    #[test]
    fn a_request_needs_a_reason_and_a_date_within_a_year() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let r = |reason: &str, days: u64| DeferralRequest { reason: reason.into(), follow: IrrationalFollow::Monitor, until: today + Days::new(days) };
        assert_eq!(check_request(&r("等待客户下批来料验证", 30), today), Ok(()));
        assert_eq!(check_request(&r("x", MAX_DEFERRAL_DAYS), today), Ok(()));
        let fields = |res: Result<(), TrackingRefusal>| match res {
            Err(TrackingRefusal::Invalid(i)) => i.into_iter().map(|x| x.field).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(fields(check_request(&r(" ", 0), today)), ["reason", "until"]);
        assert_eq!(fields(check_request(&r("x", MAX_DEFERRAL_DAYS + 1), today)), ["until"]);
    }

    #[test]
    fn the_coordinators_manager_decides_and_a_refusal_says_why() {
        let gm = actor(Role::DeputyGm);
        let s = DeferralState::Requested;
        assert_eq!(decide(&gm, s, true, DeferralAction::Approve, None), Ok(DeferralState::Approved));
        assert_eq!(decide(&actor(Role::Gm), s, true, DeferralAction::Refuse, Some("可以按期关闭")), Ok(DeferralState::Refused));
        assert!(matches!(decide(&gm, s, true, DeferralAction::Refuse, Some(" ")), Err(TrackingRefusal::Invalid(_))));
        assert_eq!(decide(&actor(Role::Coordinator), s, true, DeferralAction::Approve, None), Err(TrackingRefusal::Forbidden));
        assert_eq!(decide(&gm, DeferralState::Approved, true, DeferralAction::Approve, None), Err(TrackingRefusal::WrongState));
        assert_eq!(decide(&gm, s, false, DeferralAction::Approve, None), Err(TrackingRefusal::WrongState));
        assert_eq!(available(&gm, s, true), [DeferralAction::Approve, DeferralAction::Refuse]);
        assert!(available(&actor(Role::Qa), s, true).is_empty());
    }
}
