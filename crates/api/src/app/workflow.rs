//! Applying one workflow action: permission, state, body rules, deadlines,
//! history, notifications and outbox — one transaction, all or nothing.

use super::action_bodies::*;
use super::{intake, notify, policy};
use crate::app::complaint_view::facts;
use crate::auth::Caller;
use crate::error::FieldCode;
use crate::error::{ApiError, ApiResult, FieldError};
use chrono::{NaiveDateTime, Utc};
use kehu_domain::deadline::{Calendar, DeadlinePolicy, Market};
use kehu_domain::intake::{ComplaintKind, Severity};
use kehu_domain::number::{ComplaintNumber, Period};
use kehu_domain::permission::{self, Denied};
use kehu_domain::resolution::{self, LineInput};
use kehu_domain::workflow::{self, Route, Target};
use kehu_domain::{Action, Actor, Closure, Money, State};
use kehu_persistence::complaints::{self, ComplaintChanges, ComplaintRow, LineRow, NewComplaint, ResponsibilityRow};
use kehu_persistence::events::{self, EventRow};
use kehu_persistence::{people, settings, DbConn};
use serde::de::DeserializeOwned;

fn body<T: DeserializeOwned>(raw: &[u8]) -> ApiResult<T> {
    crate::http::body::parse(if raw.is_empty() { b"{}" } else { raw })
}

fn required_text(errors: &mut Vec<FieldError>, field: &str, v: &str, max: usize) {
    if v.trim().is_empty() {
        errors.push(FieldError { field: field.into(), code: FieldCode::Required, message: "must not be empty".into() });
    } else if v.chars().count() > max {
        errors.push(FieldError { field: field.into(), code: FieldCode::TooLong, message: format!("at most {max} characters") });
    }
}

fn optional_text(errors: &mut Vec<FieldError>, field: &str, v: &Option<String>, max: usize) {
    if v.as_ref().is_some_and(|s| s.chars().count() > max) {
        errors.push(FieldError { field: field.into(), code: FieldCode::TooLong, message: format!("at most {max} characters") });
    }
}

fn done(errors: Vec<FieldError>) -> ApiResult<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

fn market(row: &ComplaintRow) -> Market {
    if row.market == "foreign" {
        Market::Foreign
    } else {
        Market::Domestic
    }
}

/// The caller's role that allowed the action, for the history.
fn acting_role(actor: &Actor, action: Action, case: &permission::CaseFacts, route: Route) -> Option<String> {
    actor
        .roles
        .iter()
        .find(|r| permission::check(&Actor { roles: vec![**r], ..actor.clone() }, action, case, route).is_ok())
        .or(actor.roles.first())
        .map(|r| r.as_str().to_owned())
}

pub struct Applied {
    pub row: ComplaintRow,
    /// The new linked draft when the customer did not accept.
    pub follow_up_id: Option<i64>,
}

/// Applies `action` to complaint `id` if it is still at `expected_version`.
/// Runs inside the caller's write transaction.
pub fn apply(
    conn: &mut DbConn,
    caller: &Caller,
    id: i64,
    expected_version: i64,
    action: Action,
    raw: &[u8],
    request_id: &Option<String>,
) -> ApiResult<Applied> {
    let now = Utc::now().naive_utc();
    let (row, owner) = kehu_persistence::complaint_reads::with_owner(conn, caller.org_id, id)?;
    let case = facts(&row, Some(owner));
    let actor = caller.actor();
    let outcome: Option<OutcomeBody> = if action == Action::RecordOutcome { Some(body(raw)?) } else { None };
    let route = Route { engineering_requested: row.engineering_requested, customer_accepted: outcome.as_ref().is_some_and(|o| o.accepted) };
    match permission::check(&actor, action, &case, route) {
        Err(Denied::Hidden) => return Err(ApiError::NotFound),
        _ if row.version != expected_version => return Err(ApiError::PreconditionFailed),
        Err(Denied::WrongState) => return Err(ApiError::state(format!("`{action}` is not possible while the case is `{}`", row.state))),
        Err(Denied::Forbidden) => return Err(ApiError::Forbidden("your role, department or ownership does not allow this action on this case")),
        Ok(()) => {}
    }
    let from: State = row.state.parse().map_err(|_| ApiError::Internal(format!("stored state {}", row.state)))?;
    let target = workflow::target(from, action, route).ok_or_else(|| ApiError::state("not possible in this state"))?;
    let (cal, deadlines) = policy::calendar_and_deadlines(conn, row.org_id)?;
    let mut ch = ComplaintChanges::default();
    let mut recorded = serde_json::Value::Object(Default::default());
    let mut major = false;
    // Numbered late in the transaction: the counter row stays locked from
    // the increment to the commit, and registrations queue on it.
    let mut number_in: Option<Period> = None;

    match action {
        Action::Submit => {
            let _: NoteBody = body(raw)?;
            let missing = intake::to_domain(&row).missing_for_submit();
            if !missing.is_empty() {
                return Err(ApiError::issues(missing));
            }
        }
        Action::Register => {
            let b: RegisterBody = body(raw)?;
            let mut errors = Vec::new();
            optional_text(&mut errors, "note", &b.note, 4000);
            if b.kind == ComplaintKind::NonQuality && b.non_quality_cause.is_none() {
                errors.push(FieldError {
                    field: "non_quality_cause".into(),
                    code: FieldCode::Required,
                    message: "name the cause of a non-quality complaint".into(),
                });
            }
            done(errors)?;
            let severe_quality = b.severity == Severity::Severe && b.kind == ComplaintKind::Quality;
            // A case returned to sales and submitted again keeps its number and clock.
            if row.number.is_none() {
                number_in = Some(Period::of(cal.local_date(now.and_utc())));
                ch.registered_at = Some(Some(now));
            }
            let registered = row.registered_at.unwrap_or(now);
            ch.case_due_at = Some(Some(deadlines.case_due(&cal, market(&row), severe_quality, registered.and_utc()).naive_utc()));
            ch.containment_due_at = Some(severe_quality.then(|| cal.add(registered.and_utc(), deadlines.containment_severe).naive_utc()));
            ch.severity = Some(Some(b.severity.as_str().into()));
            ch.kind = Some(Some(b.kind.as_str().into()));
            ch.non_quality_cause = Some(b.non_quality_cause.filter(|_| b.kind == ComplaintKind::NonQuality).map(|c| c.as_str().into()));
            ch.is_major = Some(b.is_major);
            major = b.is_major && !row.is_major;
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::ReturnToSales => {
            let b: ReturnToSalesBody = body(raw)?;
            let mut errors = Vec::new();
            required_text(&mut errors, "reason", &b.reason, 4000);
            const FIELDS: [&str; 14] = [
                "customer_id",
                "order_number",
                "product_number",
                "product_spec",
                "ship_date",
                "quantity_shipped",
                "defective_quantity",
                "found_at",
                "description",
                "requests",
                "claim_amount",
                "channel",
                "has_sample",
                "attachments",
            ];
            for (i, m) in b.missing_items.iter().enumerate() {
                if !FIELDS.contains(&m.as_str()) {
                    errors.push(FieldError {
                        field: format!("missing_items[{i}]"),
                        code: FieldCode::UnknownValue,
                        message: format!("expected one of: {}", FIELDS.join(", ")),
                    });
                }
            }
            done(errors)?;
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::ConcludeInvestigation => {
            let b: ConcludeBody = body(raw)?;
            let mut errors = Vec::new();
            required_text(&mut errors, "cause", &b.cause, 4000);
            optional_text(&mut errors, "findings", &b.findings, 4000);
            if b.responsible.is_empty() {
                errors.push(FieldError { field: "responsible".into(), code: FieldCode::Required, message: "name at least one responsible unit".into() });
            }
            let mut sum = 0;
            for (i, r) in b.responsible.iter().enumerate() {
                if !(1..=100).contains(&r.ratio_percent) {
                    errors.push(FieldError {
                        field: format!("responsible[{i}].ratio_percent"),
                        code: FieldCode::OutOfRange,
                        message: "between 1 and 100".into(),
                    });
                }
                sum += r.ratio_percent;
                if people::department(conn, row.org_id, r.department_id).is_err() {
                    errors.push(FieldError {
                        field: format!("responsible[{i}].department_id"),
                        code: FieldCode::NotFound,
                        message: "no such department".into(),
                    });
                }
                optional_text(&mut errors, &format!("responsible[{i}].team"), &r.team, 100);
            }
            if !b.responsible.is_empty() && sum != 100 {
                errors.push(FieldError {
                    field: "responsible".into(),
                    code: FieldCode::RatiosNot100,
                    message: format!("ratios must add up to 100, not {sum}"),
                });
            }
            let unit = b.countermeasure_department_id.or_else(|| b.responsible.iter().max_by_key(|r| r.ratio_percent).map(|r| r.department_id));
            if let Some(u) = b.countermeasure_department_id {
                if !b.responsible.iter().any(|r| r.department_id == u) {
                    errors.push(FieldError {
                        field: "countermeasure_department_id".into(),
                        code: FieldCode::NotResponsible,
                        message: "must be one of the responsible units".into(),
                    });
                }
            }
            done(errors)?;
            let rows: Vec<ResponsibilityRow> = b
                .responsible
                .iter()
                .map(|r| ResponsibilityRow {
                    id: 0,
                    complaint_id: row.id,
                    department_id: r.department_id,
                    team: r.team.clone(),
                    person_id: r.person_id,
                    ratio_percent: r.ratio_percent,
                })
                .collect();
            ch.responsibilities_json = Some(complaints::replace_responsibilities(conn, row.id, &rows)?);
            ch.countermeasure_department_id = Some(unit);
            ch.engineering_requested = Some(b.engineering_needed);
            ch.investigation = Some(Some(serde_json::json!({"defect_verified": b.defect_verified, "cause": b.cause, "findings": b.findings}).to_string()));
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::DeclareInvalid => {
            let b: ReasonBody = body(raw)?;
            let mut errors = Vec::new();
            required_text(&mut errors, "reason", &b.reason, 4000);
            done(errors)?;
            ch.investigation = Some(Some(serde_json::json!({"invalid": true, "reason": b.reason}).to_string()));
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::RecordContainment => {
            let b: ContainmentBody = body(raw)?;
            let mut errors = Vec::new();
            required_text(&mut errors, "description", &b.description, 4000);
            if b.measures.is_empty() {
                errors.push(FieldError { field: "measures".into(), code: FieldCode::Required, message: "name at least one measure".into() });
            }
            for (i, m) in b.measures.iter().enumerate() {
                if !CONTAINMENT_MEASURES.contains(&m.as_str()) {
                    errors.push(FieldError {
                        field: format!("measures[{i}]"),
                        code: FieldCode::UnknownValue,
                        message: format!("expected one of: {}", CONTAINMENT_MEASURES.join(", ")),
                    });
                }
            }
            done(errors)?;
            let mut list: Vec<serde_json::Value> = row.containment.as_deref().and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default();
            let taken = b.taken_at.map(|t| t.naive_utc()).unwrap_or(now);
            list.push(serde_json::json!({"measures": b.measures, "description": b.description, "taken_at": taken.and_utc(), "by": caller.user_id}));
            ch.containment = Some(Some(serde_json::Value::Array(list).to_string()));
            if row.containment_recorded_at.is_none() {
                ch.containment_recorded_at = Some(Some(taken));
            }
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::SubmitCountermeasure => {
            let b: CountermeasureBody = body(raw)?;
            let mut errors = Vec::new();
            required_text(&mut errors, "cause_analysis", &b.cause_analysis, 4000);
            required_text(&mut errors, "containment", &b.containment, 4000);
            required_text(&mut errors, "permanent_actions", &b.permanent_actions, 4000);
            done(errors)?;
            ch.countermeasure = Some(Some(serde_json::to_string(&b).unwrap_or_default()));
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::SubmitEngineeringOpinion => {
            let b: OpinionBody = body(raw)?;
            let mut errors = Vec::new();
            required_text(&mut errors, "opinion", &b.opinion, 4000);
            done(errors)?;
            ch.engineering_opinion = Some(Some(b.opinion.clone()));
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::ForwardToSales => {
            let b: RemarksBody = body(raw)?;
            let mut errors = Vec::new();
            optional_text(&mut errors, "remarks", &b.remarks, 4000);
            done(errors)?;
            ch.coordinator_remarks = Some(b.remarks.clone());
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::ProposeResolution => {
            let b: ProposeBody = body(raw)?;
            let loss_policy = policy::loss(conn, row.org_id)?;
            let mut errors = Vec::new();
            optional_text(&mut errors, "note", &b.note, 4000);
            if b.lines.is_empty() || b.lines.len() > 50 {
                errors.push(FieldError { field: "lines".into(), code: FieldCode::Count, message: "between 1 and 50 lines".into() });
            }
            let mut rows = Vec::new();
            for (i, l) in b.lines.iter().enumerate() {
                let f = |name: &str| format!("lines[{i}].{name}");
                let unit_price = intake::money_field(&mut errors, &f("unit_price"), &l.unit_price);
                let amount = intake::money_field(&mut errors, &f("amount"), &l.amount);
                let transport_cost = intake::money_field(&mut errors, &f("transport_cost"), &l.transport_cost);
                optional_text(&mut errors, &f("remarks"), &l.remarks, 1000);
                let input = LineInput { kind: l.kind, quantity: l.quantity, unit_price, amount, transport_cost };
                match input.value(loss_policy) {
                    Ok(v) => rows.push(LineRow {
                        id: 0,
                        complaint_id: row.id,
                        position: i as i32,
                        kind: l.kind.as_str().into(),
                        quantity: l.quantity,
                        unit_price_fen: unit_price.map(Money::fen),
                        amount_fen: amount.map(Money::fen),
                        transport_cost_fen: transport_cost.map(Money::fen),
                        settlement_fen: v.settlement.fen(),
                        loss_fen: v.loss.fen(),
                        remarks: l.remarks.clone(),
                    }),
                    Err(e) => {
                        let field = match &e {
                            resolution::LineError::Missing(name) => f(name),
                            resolution::LineError::Quantity => f("quantity"),
                            resolution::LineError::Money(_) => f("amount"),
                        };
                        if !errors.iter().any(|x| x.field.starts_with(&format!("lines[{i}]"))) {
                            errors.push(FieldError { field, code: FieldCode::InvalidLine, message: e.to_string() });
                        }
                    }
                }
            }
            done(errors)?;
            let settlement = rows.iter().try_fold(0i64, |a, r| a.checked_add(r.settlement_fen));
            let loss = rows.iter().try_fold(0i64, |a, r| a.checked_add(r.loss_fen));
            let (Some(settlement), Some(loss)) = (settlement.filter(|s| Money::from_fen(*s).is_ok()), loss) else {
                return Err(ApiError::field("lines", FieldCode::TooLarge, "the total is too large"));
            };
            ch.lines_json = Some(complaints::replace_lines(conn, row.id, &rows)?);
            ch.settlement_total_fen = Some(Some(settlement));
            ch.loss_total_fen = Some(Some(loss));
            ch.proposed_by = Some(Some(caller.user_id));
            ch.proposed_at = Some(Some(now));
            // A new proposal voids any earlier routing and approval.
            void_approval(&mut ch);
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::SubmitForApproval => {
            let b: OpinionBody = body(raw)?;
            let mut errors = Vec::new();
            required_text(&mut errors, "opinion", &b.opinion, 4000);
            done(errors)?;
            let total = Money::from_fen(row.settlement_total_fen.unwrap_or(0)).map_err(|e| ApiError::Internal(e.to_string()))?;
            let (approval, version) = policy::approval(conn, row.org_id)?;
            let routing = approval.route(total);
            ch.consolidated_opinion = Some(Some(b.opinion.clone()));
            ch.approval_tier = Some(Some(routing.tier as i32));
            ch.approver_role = Some(Some(routing.approver.as_str().into()));
            ch.approval_policy_version = Some(Some(version));
            ch.approved_by = Some(None);
            ch.approved_at = Some(None);
            ch.approval_comment = Some(None);
            recorded = serde_json::json!({"opinion": b.opinion, "settlement_total": total.to_string(), "tier": routing.tier, "approver_role": routing.approver.as_str(), "policy_version": version});
        }
        Action::Approve => {
            let b: ApproveBody = body(raw)?;
            let mut errors = Vec::new();
            optional_text(&mut errors, "comment", &b.comment, 4000);
            done(errors)?;
            ch.approved_by = Some(Some(caller.user_id));
            ch.approved_at = Some(Some(now));
            ch.approval_comment = Some(b.comment.clone());
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::Reject => {
            let b: ReasonBody = body(raw)?;
            let mut errors = Vec::new();
            required_text(&mut errors, "reason", &b.reason, 4000);
            done(errors)?;
            ch.approval_comment = Some(Some(b.reason.clone()));
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::RecordOutcome => {
            let b = outcome.ok_or_else(|| ApiError::Internal("outcome".into()))?;
            let mut errors = Vec::new();
            optional_text(&mut errors, "remarks", &b.remarks, 4000);
            done(errors)?;
            ch.outcome = Some(Some(serde_json::to_string(&b).unwrap_or_default()));
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::ConfirmInvalidNotice => {
            let b: InvalidNoticeBody = body(raw)?;
            let mut errors = Vec::new();
            required_text(&mut errors, "method", &b.method, 100);
            optional_text(&mut errors, "remarks", &b.remarks, 4000);
            done(errors)?;
            ch.outcome = Some(Some(serde_json::to_string(&b).unwrap_or_default()));
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::Close => {
            let b: RemarksBody = body(raw)?;
            let mut errors = Vec::new();
            optional_text(&mut errors, "remarks", &b.remarks, 4000);
            done(errors)?;
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::SendBack | Action::Withdraw => {
            let b: ReasonBody = body(raw)?;
            let mut errors = Vec::new();
            required_text(&mut errors, "reason", &b.reason, 4000);
            done(errors)?;
            if action == Action::SendBack && from == State::CustomerNegotiation {
                void_approval(&mut ch);
            }
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
        Action::Remind => {
            let b: NoteBody = body(raw)?;
            let mut errors = Vec::new();
            optional_text(&mut errors, "note", &b.note, 4000);
            done(errors)?;
            recorded = serde_json::to_value(&b).unwrap_or_default();
        }
    }

    let to = move_to(&mut ch, &row, target, &cal, &deadlines, now);
    let updated = complaints::update_versioned(conn, row.id, row.version, &ch, now)?.ok_or(ApiError::PreconditionFailed)?;
    events::insert_event(
        conn,
        &EventRow {
            id: 0,
            complaint_id: row.id,
            seq: updated.version,
            action: action.as_str().into(),
            from_state: Some(row.state.clone()),
            to_state: to.as_str().into(),
            actor_id: Some(caller.user_id),
            actor_role: acting_role(&actor, action, &case, route),
            at: now,
            body: recorded.to_string(),
            step_due_at: updated.step_due_at,
        },
    )?;
    crate::routes::audit::write(
        conn,
        caller,
        &format!("complaint.{action}"),
        "complaint",
        row.id,
        request_id,
        serde_json::json!({"from": row.state, "to": updated.state, "version": updated.version}),
    )?;

    let updated = match number_in {
        Some(period) => {
            let serial = settings::next_serial(conn, row.org_id, &period.key())?;
            complaints::set_number(conn, row.id, &ComplaintNumber::new(period, serial as u32).to_string())?
        }
        None => updated,
    };
    if action == Action::Remind {
        notify::reminder(conn, &updated, now)?;
    } else if to != from {
        let event_type = if action == Action::Submit { "complaint.submitted" } else { "complaint.state_changed" };
        notify::case_moved(conn, &updated, event_type, &format!("{}", to.as_str()), now)?;
    } else {
        notify::outbox(conn, &updated, "complaint.updated", now)?;
    }
    if major {
        notify::major_alert(conn, &updated, now)?;
    }
    if updated.first_closure == Some(false) && matches!(updated.closure.as_deref(), Some("resolved") | Some("invalid")) {
        notify::late_close_inquiry(conn, &updated, now)?;
    }
    let follow_up_id = if action == Action::RecordOutcome && updated.closure.as_deref() == Some(Closure::Superseded.as_str()) {
        Some(open_follow_up(conn, caller, &updated, now)?)
    } else {
        None
    };
    Ok(Applied { row: updated, follow_up_id })
}

fn void_approval(ch: &mut ComplaintChanges) {
    ch.approval_tier = Some(None);
    ch.approver_role = Some(None);
    ch.approval_policy_version = Some(None);
    ch.approved_by = Some(None);
    ch.approved_at = Some(None);
    ch.approval_comment = Some(None);
}

/// Sets state, closure and step clock for where the action leads.
fn move_to(ch: &mut ComplaintChanges, row: &ComplaintRow, target: Target, cal: &Calendar, deadlines: &DeadlinePolicy, now: NaiveDateTime) -> State {
    let from: State = row.state.parse().unwrap_or(State::Closed);
    match target {
        Target::Stay => from,
        Target::To(s) => {
            ch.state = Some(s.as_str().into());
            ch.step_entered_at = Some(now);
            ch.step_due_at = Some(deadlines.step_due(cal, s, market(row), now.and_utc()).map(|d| d.naive_utc()));
            ch.reminded_at = Some(None);
            s
        }
        Target::Close(closure) => {
            ch.state = Some(State::Closed.as_str().into());
            ch.closure = Some(Some(closure.as_str().into()));
            ch.closed_at = Some(Some(now));
            ch.step_entered_at = Some(now);
            ch.step_due_at = Some(None);
            ch.first_closure = Some(row.case_due_at.map(|due| now <= due));
            State::Closed
        }
    }
}

/// The customer did not accept: a new draft for sales, linked to the closed case.
fn open_follow_up(conn: &mut DbConn, caller: &Caller, closed: &ComplaintRow, now: NaiveDateTime) -> ApiResult<i64> {
    let new = NewComplaint {
        org_id: closed.org_id,
        state: State::Draft.as_str().into(),
        customer_id: closed.customer_id,
        sales_department_id: closed.sales_department_id,
        created_by: caller.user_id,
        market: closed.market.clone(),
        step_entered_at: now,
        supersedes_id: Some(closed.id),
        created_at: now,
        updated_at: now,
    };
    let draft = complaints::insert(conn, &new, &intake::row_of(closed))?;
    events::insert_event(
        conn,
        &EventRow {
            id: 0,
            complaint_id: draft.id,
            seq: draft.version,
            action: "create".into(),
            from_state: None,
            to_state: State::Draft.as_str().into(),
            actor_id: Some(caller.user_id),
            actor_role: caller.main_role().map(|r| r.as_str().into()),
            at: now,
            body: serde_json::json!({"supersedes_id": closed.id, "supersedes_number": closed.number}).to_string(),
            step_due_at: None,
        },
    )?;
    notify::case_moved(conn, &draft, "complaint.created", "draft", now)?;
    Ok(draft.id)
}
