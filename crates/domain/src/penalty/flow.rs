//! The monthly run's steps (seed 000 十二, domain.md §4.7): the coordinator
//! starts it for last month's closed cases; each department head confirms
//! his department's items or disputes them; the coordinator settles a
//! dispute and may hold an item back for the resale window; the coordinator
//! submits the run, the general manager approves it (or sends it back), and
//! HR publishes it.

use crate::coded_enum;
use crate::improvement::TrackingRefusal as Refusal;
use crate::issue::{FieldIssue, Rule};
use crate::money::Money;
use crate::org::DepartmentKind;
use crate::role::{Actor, Role};
use crate::State;
use chrono::{Months, NaiveDateTime};

use super::PenaltyPolicy;

coded_enum! {
    /// Where a month's run stands. The names are public API.
    RunState {
        Confirming = "confirming",
        Submitted = "submitted",
        Approved = "approved",
        Published = "published",
    }
}

coded_enum! {
    /// What may be done with a run. The names are public API.
    RunAction {
        Submit = "submit",
        Approve = "approve",
        SendBack = "send_back",
        Publish = "publish",
    }
}

coded_enum! {
    /// Where one item stands. The names are public API.
    ItemState {
        Pending = "pending",
        Confirmed = "confirmed",
        Disputed = "disputed",
        Settled = "settled",
        /// Held back for the resale window: a later month charges it.
        Deferred = "deferred",
    }
}

coded_enum! {
    /// What may be done with an item. The names are public API.
    ItemAction {
        Confirm = "confirm",
        Dispute = "dispute",
        Settle = "settle",
        Defer = "defer",
    }
}

coded_enum! {
    /// What an item charges: a responsible party's share of a closed case,
    /// or a department's fine for a case not closed in time.
    ItemKind {
        Share = "share",
        LateFine = "late_fine",
    }
}

/// The run's next state, if `actor` may take `action` now.
pub fn run_step(actor: &Actor, state: RunState, action: RunAction, open_items: usize) -> Result<RunState, Refusal> {
    use RunAction::*;
    let (role, from, to) = match action {
        Submit => (Role::Coordinator, RunState::Confirming, RunState::Submitted),
        Approve => (Role::Gm, RunState::Submitted, RunState::Approved),
        SendBack => (Role::Gm, RunState::Submitted, RunState::Confirming),
        Publish => (Role::Hr, RunState::Approved, RunState::Published),
    };
    if !actor.has(role) {
        return Err(Refusal::Forbidden);
    }
    if state != from || (action == Submit && open_items > 0) {
        return Err(Refusal::WrongState);
    }
    Ok(to)
}

/// The facts about an item the rules look at.
#[derive(Clone, Copy, Debug)]
pub struct ItemFacts {
    pub run: RunState,
    pub state: ItemState,
    pub kind: ItemKind,
    pub department_id: i64,
    /// The policy holds losses back for resale (a window above 0).
    pub resale_window: bool,
}

/// The item's next state, if `actor` may take `action` now: the head of the
/// item's department confirms or disputes a pending item; the coordinator
/// settles a disputed one and holds any open share back for resale.
pub fn item_step(actor: &Actor, f: ItemFacts, action: ItemAction) -> Result<ItemState, Refusal> {
    use ItemAction::*;
    use ItemState::*;
    let allowed = match action {
        // The coordinator confirms for a department that has no head.
        Confirm => (crate::pay::is_department_head(actor) && actor.department_id == f.department_id) || actor.has(Role::Coordinator),
        Dispute => crate::pay::is_department_head(actor) && actor.department_id == f.department_id,
        Settle | Defer => actor.has(Role::Coordinator),
    };
    if !allowed {
        return Err(Refusal::Forbidden);
    }
    let next = match (action, f.state) {
        (Confirm, Pending) => Confirmed,
        (Dispute, Pending) => Disputed,
        (Settle, Disputed) => Settled,
        (Defer, Pending | Confirmed | Disputed) if f.kind == ItemKind::Share && f.resale_window => Deferred,
        _ => return Err(Refusal::WrongState),
    };
    if f.run != RunState::Confirming {
        return Err(Refusal::WrongState);
    }
    Ok(next)
}

/// The department a case not closed in time is fined on: the one whose
/// step it waits at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LateUnit {
    SalesDepartment,
    Countermeasure,
    Kind(DepartmentKind),
}

pub fn late_unit(state: State) -> LateUnit {
    use State::*;
    match state {
        Draft | SalesProposal | CustomerNegotiation | InvalidNotice | AwaitingCountersign => LateUnit::SalesDepartment,
        ProductionCountermeasure => LateUnit::Countermeasure,
        QaInvestigation => LateUnit::Kind(DepartmentKind::Quality),
        EngineeringReview => LateUnit::Kind(DepartmentKind::Engineering),
        PendingApproval => LateUnit::Kind(DepartmentKind::Executive),
        AwaitingRegistration | CoordinatorReview | Consolidation | AwaitingClose | Closed => LateUnit::Kind(DepartmentKind::GmOffice),
    }
}

/// The fine for a case still open at `month_end` past its whole-case
/// deadline `due`: the policy's amount for each month begun since (seed 002:
/// 每超过一个月未能关闭的抱怨, 按标准的倍填开), none before the deadline.
pub fn late_fine(policy: &PenaltyPolicy, due: NaiveDateTime, month_end: NaiveDateTime) -> Money {
    if !policy.late_fine_enabled || due >= month_end {
        return Money::ZERO;
    }
    let mut months: i64 = 1;
    while due.checked_add_months(Months::new(months as u32)).is_some_and(|d| d < month_end) && months < 1200 {
        months += 1;
    }
    Money::from_fen(policy.late_fine_per_case.fen().saturating_mul(months)).unwrap_or(Money::ZERO)
}

/// A reason for a dispute, a settlement or a deferral.
pub fn check_reason(reason: &str) -> Result<(), Refusal> {
    if reason.trim().is_empty() {
        return Err(Refusal::Invalid(vec![FieldIssue::new("comment", Rule::Required, "say why")]));
    }
    if reason.chars().count() > crate::improvement::MAX_TEXT {
        return Err(Refusal::Invalid(vec![FieldIssue::new("comment", Rule::TooLong, "at most 4000 characters")]));
    }
    Ok(())
}

/// New ratios for a case's shares when a dispute is settled: each 0 to 100,
/// together 100.
pub fn check_ratios(ratios: &[i32]) -> Result<(), Refusal> {
    let mut issues = Vec::new();
    for (i, r) in ratios.iter().enumerate() {
        if !(0..=100).contains(r) {
            issues.push(FieldIssue::new(format!("ratios[{i}].ratio_percent"), Rule::OutOfRange, "between 0 and 100"));
        }
    }
    let sum: i32 = ratios.iter().sum();
    if !ratios.is_empty() && sum != 100 {
        issues.push(FieldIssue::new("ratios", Rule::RatiosNot100, format!("ratios must add up to 100, not {sum}")));
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(Refusal::Invalid(issues))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(roles: &[Role], department_id: i64) -> Actor {
        Actor { user_id: 1, department_id, roles: roles.to_vec() }
    }

    fn facts(state: ItemState) -> ItemFacts {
        ItemFacts { run: RunState::Confirming, state, kind: ItemKind::Share, department_id: 5, resale_window: true }
    }

    #[test]
    fn the_head_of_the_items_department_confirms_or_disputes_it() {
        let head = actor(&[Role::ProductionManager], 5);
        assert_eq!(item_step(&head, facts(ItemState::Pending), ItemAction::Confirm), Ok(ItemState::Confirmed));
        assert_eq!(item_step(&head, facts(ItemState::Pending), ItemAction::Dispute), Ok(ItemState::Disputed));
        assert_eq!(item_step(&head, facts(ItemState::Confirmed), ItemAction::Dispute), Err(Refusal::WrongState));
        assert_eq!(item_step(&actor(&[Role::ProductionManager], 6), facts(ItemState::Pending), ItemAction::Confirm), Err(Refusal::Forbidden));
        assert_eq!(item_step(&actor(&[Role::Production], 5), facts(ItemState::Pending), ItemAction::Confirm), Err(Refusal::Forbidden));
        assert_eq!(item_step(&head, facts(ItemState::Pending), ItemAction::Settle), Err(Refusal::Forbidden));
        let coordinator = actor(&[Role::Coordinator], 3);
        assert_eq!(item_step(&coordinator, facts(ItemState::Pending), ItemAction::Confirm), Ok(ItemState::Confirmed), "for a department without a head");
        assert_eq!(item_step(&coordinator, facts(ItemState::Pending), ItemAction::Dispute), Err(Refusal::Forbidden));
    }

    #[test]
    fn the_coordinator_settles_disputes_and_defers_shares_while_the_run_is_open() {
        let c = actor(&[Role::Coordinator], 3);
        assert_eq!(item_step(&c, facts(ItemState::Disputed), ItemAction::Settle), Ok(ItemState::Settled));
        assert_eq!(item_step(&c, facts(ItemState::Pending), ItemAction::Settle), Err(Refusal::WrongState));
        assert_eq!(item_step(&c, facts(ItemState::Confirmed), ItemAction::Defer), Ok(ItemState::Deferred));
        let no_window = ItemFacts { resale_window: false, ..facts(ItemState::Pending) };
        assert_eq!(item_step(&c, no_window, ItemAction::Defer), Err(Refusal::WrongState));
        let fine = ItemFacts { kind: ItemKind::LateFine, ..facts(ItemState::Pending) };
        assert_eq!(item_step(&c, fine, ItemAction::Defer), Err(Refusal::WrongState));
        let submitted = ItemFacts { run: RunState::Submitted, ..facts(ItemState::Disputed) };
        assert_eq!(item_step(&c, submitted, ItemAction::Settle), Err(Refusal::WrongState));
    }

    #[test]
    fn the_run_goes_coordinator_gm_hr() {
        let (c, gm, hr) = (actor(&[Role::Coordinator], 3), actor(&[Role::Gm], 7), actor(&[Role::Hr], 8));
        assert_eq!(run_step(&c, RunState::Confirming, RunAction::Submit, 1), Err(Refusal::WrongState), "an item still open");
        assert_eq!(run_step(&c, RunState::Confirming, RunAction::Submit, 0), Ok(RunState::Submitted));
        assert_eq!(run_step(&c, RunState::Submitted, RunAction::Approve, 0), Err(Refusal::Forbidden));
        assert_eq!(run_step(&gm, RunState::Submitted, RunAction::Approve, 0), Ok(RunState::Approved));
        assert_eq!(run_step(&gm, RunState::Submitted, RunAction::SendBack, 0), Ok(RunState::Confirming));
        assert_eq!(run_step(&hr, RunState::Submitted, RunAction::Publish, 0), Err(Refusal::WrongState));
        assert_eq!(run_step(&hr, RunState::Approved, RunAction::Publish, 0), Ok(RunState::Published));
    }

    #[test]
    fn a_late_case_is_fined_once_per_month_begun_past_its_deadline() {
        let p = PenaltyPolicy::default();
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let end = at("2026-12-01 00:00");
        assert_eq!(late_fine(&p, at("2026-12-01 00:00"), end), Money::ZERO, "not late yet");
        assert_eq!(late_fine(&p, at("2026-11-30 12:00"), end), "500.00".parse().unwrap());
        assert_eq!(late_fine(&p, at("2026-11-01 00:00"), end), "500.00".parse().unwrap(), "a month to the hour");
        assert_eq!(late_fine(&p, at("2026-10-31 23:00"), end), "1000.00".parse().unwrap());
        assert_eq!(late_fine(&p, at("2026-08-15 00:00"), end), "2000.00".parse().unwrap());
        let off = PenaltyPolicy { late_fine_enabled: false, ..p };
        assert_eq!(late_fine(&off, at("2026-08-15 00:00"), end), Money::ZERO);
        assert_eq!(late_unit(State::ProductionCountermeasure), LateUnit::Countermeasure);
        assert_eq!(late_unit(State::QaInvestigation), LateUnit::Kind(DepartmentKind::Quality));
    }

    #[test]
    fn settled_ratios_add_up_to_100() {
        assert!(check_ratios(&[60, 40]).is_ok());
        assert!(check_ratios(&[60, 30]).is_err());
        assert!(check_ratios(&[-10, 110]).is_err());
        assert!(check_reason("  ").is_err());
    }
}
