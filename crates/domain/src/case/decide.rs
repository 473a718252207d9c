//! One decision per action (workflow.md "Actions").

use super::*;
use crate::issue::Rule;
use crate::resolution::LineInput;
use crate::workflow::{self, Route, Target};

/// Decides `cmd` on `case` for `actor_id` at `now`. Who may act was checked
/// before (`permission::check`); here are the state's route and the field
/// rules of the action.
pub fn decide(case: &Case, cmd: Command, actor_id: i64, rules: &Rules, now: DateTime<Utc>) -> Result<Decision, Refused> {
    let action = cmd.action();
    let route = Route { engineering_requested: case.engineering_requested, customer_accepted: cmd.customer_accepted() };
    let target = workflow::target(case.state, action, route).ok_or(Refused::WrongState)?;
    let mut d = Decision {
        action,
        from: case.state,
        movement: movement(case, target, rules, now),
        change: Change::None,
        number_in: None,
        record: Record::Nothing {},
        notices: Vec::new(),
        follow_up: false,
    };
    match cmd {
        Command::Submit(_) => {
            let missing = case.intake.missing_for_submit();
            if !missing.is_empty() {
                return Err(Refused::Invalid(missing));
            }
        }
        Command::Register(r) => {
            register(case, &r, rules, now, &mut d)?;
            d.record = Record::Register(r);
        }
        Command::ReturnToSales(r) => d.record = Record::ReturnToSales(r),
        Command::ConcludeInvestigation(c) => {
            d.change = Change::Concluded(conclude(&c)?);
            d.record = Record::Conclude(c);
        }
        Command::DeclareInvalid(r) => {
            d.change = Change::DeclaredInvalid(Investigation::Invalid { invalid: true, reason: r.reason.clone() });
            d.record = Record::Reason(r);
        }
        Command::RecordContainment(c) => {
            if c.measures.is_empty() {
                return Err(invalid("measures", Rule::Required, "name at least one measure"));
            }
            let entry =
                ContainmentEntry { measures: c.measures.clone(), description: c.description.clone(), taken_at: c.taken_at.unwrap_or(now), by: actor_id };
            d.change = Change::ContainmentAdded { entry, first: !case.containment_recorded };
            d.record = Record::Containment(c);
        }
        Command::SubmitCountermeasure(c) => {
            d.change = Change::Countermeasure(c.clone());
            d.record = Record::Countermeasure(c);
        }
        Command::SubmitEngineeringOpinion(o) => {
            d.change = Change::EngineeringOpinion(o.opinion.clone());
            d.record = Record::Opinion(o);
        }
        Command::ForwardToSales(r) => {
            d.change = Change::ForwardedToSales { remarks: r.remarks.clone() };
            d.record = Record::Remarks(r);
        }
        Command::ProposeResolution(p) => {
            d.change = Change::Proposed(propose(&p, actor_id, rules, now)?);
            d.record = Record::Propose(p);
        }
        Command::SubmitForApproval(o) => {
            let (policy, version) = rules.approval.ok_or(Refused::Internal("the approval policy"))?;
            let total = case.settlement_total.unwrap_or(Money::ZERO);
            let routing = policy.route(total);
            let routed = Routed {
                opinion: o.opinion,
                settlement_total: total.to_string(),
                tier: routing.tier,
                approver_role: routing.approver,
                policy_version: version,
            };
            d.change = Change::Routed(routed.clone());
            d.record = Record::Routed(routed);
        }
        Command::Approve(a) => {
            d.change = Change::Approved { by: actor_id, at: now, comment: a.comment.clone() };
            d.record = Record::Approve(a);
        }
        Command::Reject(r) => {
            d.change = Change::Rejected { reason: r.reason.clone() };
            d.record = Record::Reason(r);
        }
        Command::RecordOutcome(o) => {
            d.follow_up = !o.accepted;
            d.change = Change::OutcomeRecorded { outcome: o.clone(), by: actor_id };
            d.record = Record::Outcome(o);
        }
        Command::Countersign(r) => d.record = Record::Remarks(r),
        Command::ConfirmInvalidNotice(n) => {
            d.change = Change::InvalidNoticeGiven(n.clone());
            d.record = Record::InvalidNotice(n);
        }
        Command::Close(r) => {
            crate::eightd::close_allowed(case.eight_d_required, case.eight_d_state).map_err(|i| Refused::Invalid(vec![i]))?;
            d.record = Record::Remarks(r);
        }
        Command::SendBack(r) => {
            if case.state == State::CustomerNegotiation {
                d.change = Change::ApprovalVoided;
            }
            d.record = Record::Reason(r);
        }
        Command::Withdraw(r) => d.record = Record::Reason(r),
        Command::Remind(n) => d.record = Record::Note(n),
    }
    d.notices = notices(&d, case);
    Ok(d)
}

/// The case sent back to `to` by the general manager's decision on a
/// petition (签呈): the step's clock restarts there, and the approval no
/// longer stands once the case goes back before the customer's answer.
pub fn send_back_to(case: &Case, to: State, rules: &Rules, now: DateTime<Utc>) -> Decision {
    let keeps_approval = matches!(to, State::CustomerNegotiation | State::AwaitingCountersign);
    let mut d = Decision {
        action: Action::SendBack,
        from: case.state,
        movement: movement(case, Target::To(to), rules, now),
        change: if keeps_approval { Change::None } else { Change::ApprovalVoided },
        number_in: None,
        record: Record::Nothing {},
        notices: Vec::new(),
        follow_up: false,
    };
    d.notices = notices(&d, case);
    d
}

fn invalid(field: &str, rule: Rule, message: &str) -> Refused {
    Refused::Invalid(vec![FieldIssue::new(field, rule, message)])
}

/// The state, step clock and closure where the action leads.
fn movement(case: &Case, target: Target, rules: &Rules, now: DateTime<Utc>) -> Option<Movement> {
    match target {
        Target::Stay => None,
        Target::To(state) => Some(Movement {
            state,
            entered_at: now,
            step_due_at: rules.deadlines.step_due(rules.calendar, state, case.market, now),
            closure: None,
            first_closure: None,
        }),
        Target::Close(closure) => Some(Movement {
            state: State::Closed,
            entered_at: now,
            step_due_at: None,
            closure: Some(closure),
            first_closure: case.case_due_at.map(|due| now <= due),
        }),
    }
}

fn notices(d: &Decision, case: &Case) -> Vec<Notice> {
    let mut out = Vec::new();
    if d.action == Action::Remind {
        out.push(Notice::Reminder);
    } else if d.to() != d.from {
        out.push(Notice::Waiting(if d.action == Action::Submit { EventType::ComplaintSubmitted } else { EventType::ComplaintStateChanged }));
    } else {
        out.push(Notice::Updated);
    }
    if matches!(&d.change, Change::Registered(r) if r.is_major && !case.is_major) {
        out.push(Notice::MajorAlert);
    }
    let late = d.movement.as_ref().is_some_and(|m| m.first_closure == Some(false) && matches!(m.closure, Some(Closure::Resolved | Closure::Invalid)));
    if late {
        out.push(Notice::LateCloseInquiry);
    }
    out
}

fn register(case: &Case, r: &Register, rules: &Rules, now: DateTime<Utc>, d: &mut Decision) -> Result<(), Refused> {
    if r.kind == ComplaintKind::NonQuality && r.non_quality_cause.is_none() {
        return Err(invalid("non_quality_cause", Rule::Required, "name the cause of a non-quality complaint"));
    }
    let severe_quality = r.severity == Severity::Severe && r.kind == ComplaintKind::Quality;
    let eight_d = rules.eight_d.as_ref().ok_or(Refused::Internal("the 8D policy"))?;
    // A case returned to sales and submitted again keeps its number and clock.
    let first = !case.numbered;
    if first {
        d.number_in = Some(Period::of(rules.calendar.local_date(now)));
    }
    let registered = case.registered_at.unwrap_or(now);
    d.change = Change::Registered(Registration {
        severity: r.severity,
        kind: r.kind,
        non_quality_cause: r.non_quality_cause.filter(|_| r.kind == ComplaintKind::NonQuality),
        is_major: r.is_major,
        registered_at: first.then_some(now),
        case_due_at: rules.deadlines.case_due(rules.calendar, case.market, severe_quality, registered),
        containment_due_at: severe_quality.then(|| rules.calendar.add(registered, rules.deadlines.containment_severe)),
        eight_d_required: case.eight_d_required || eight_d.required(r.severity, r.kind, r.eight_d_requested),
        // A register that names no earlier case keeps the link the case has.
        repeat_of: r.repeat_of.or(case.repeat_of),
    });
    Ok(())
}

fn conclude(c: &Conclude) -> Result<Conclusion, Refused> {
    let mut issues = Vec::new();
    if c.responsible.is_empty() {
        issues.push(FieldIssue::new("responsible", Rule::Required, "name at least one responsible unit"));
    }
    for (i, r) in c.responsible.iter().enumerate() {
        if !(1..=100).contains(&r.ratio_percent) {
            issues.push(FieldIssue::new(format!("responsible[{i}].ratio_percent"), Rule::OutOfRange, "between 1 and 100"));
        }
        if let Some(issue) = r.supplier.as_deref().and_then(|s| crate::supplier::supplier_issue(&format!("responsible[{i}].supplier"), s)) {
            issues.push(issue);
        }
    }
    let sum: i32 = c.responsible.iter().map(|r| r.ratio_percent).sum();
    if !c.responsible.is_empty() && sum != 100 {
        issues.push(FieldIssue::new("responsible", Rule::RatiosNot100, format!("ratios must add up to 100, not {sum}")));
    }
    if let Some(u) = c.countermeasure_department_id {
        if !c.responsible.iter().any(|r| r.department_id == u) {
            issues.push(FieldIssue::new("countermeasure_department_id", Rule::NotResponsible, "must be one of the responsible units"));
        }
    }
    if !issues.is_empty() {
        return Err(Refused::Invalid(issues));
    }
    // The countermeasure unit defaults to the largest share (the last of equals).
    let largest = c.responsible.iter().max_by_key(|r| r.ratio_percent).map(|r| r.department_id);
    Ok(Conclusion {
        shares: c.responsible.clone(),
        countermeasure_department_id: c.countermeasure_department_id.or(largest),
        engineering_requested: c.engineering_needed,
        investigation: Investigation::Verified { defect_verified: c.defect_verified, cause: c.cause.clone(), findings: c.findings.clone() },
    })
}

fn propose(p: &Propose, actor_id: i64, rules: &Rules, now: DateTime<Utc>) -> Result<Proposal, Refused> {
    let policy = rules.loss.ok_or(Refused::Internal("the loss policy"))?;
    if p.lines.is_empty() || p.lines.len() > 50 {
        return Err(invalid("lines", Rule::Count, "between 1 and 50 lines"));
    }
    let mut issues = Vec::new();
    let mut lines = Vec::with_capacity(p.lines.len());
    for (i, l) in p.lines.iter().enumerate() {
        let input = LineInput { kind: l.kind, quantity: l.quantity, unit_price: l.unit_price, amount: l.amount, transport_cost: l.transport_cost };
        match input.value(policy) {
            Ok(v) => lines.push((l.clone(), v)),
            Err(e) => {
                let field = match &e {
                    crate::resolution::LineError::Missing(name) => format!("lines[{i}].{name}"),
                    crate::resolution::LineError::Quantity => format!("lines[{i}].quantity"),
                    crate::resolution::LineError::Money(_) => format!("lines[{i}].amount"),
                };
                issues.push(FieldIssue::new(field, Rule::InvalidLine, e.to_string()));
            }
        }
    }
    if !issues.is_empty() {
        return Err(Refused::Invalid(issues));
    }
    let too_large = || invalid("lines", Rule::TooLarge, "the total is too large");
    let settlement_total = Money::sum(lines.iter().map(|(_, v)| v.settlement)).map_err(|_| too_large())?;
    let loss_total = Money::sum(lines.iter().map(|(_, v)| v.loss)).map_err(|_| too_large())?;
    Ok(Proposal { lines, settlement_total, loss_total, proposed_by: actor_id, proposed_at: now })
}
