//! A decided workflow action as the rows store it: the changeset of the
//! case, its lines and shares replaced, in the caller's transaction.

use crate::codes::Codes;
use crate::complaints::{self, ComplaintChanges, ComplaintRow, IntakeRow, LineRow, ResponsibilityRow};
use crate::db::DbConn;
use crate::error::{DbError, DbResult};
use chrono::NaiveDateTime;
use kehu_domain::case::{Change, ContainmentEntry, Decision, Movement};
use kehu_domain::intake::Intake;
use kehu_domain::Money;
// The row operations below name the table, not the module of its types.
use crate::schema::complaints as rows;
use diesel::prelude::*;
use kehu_domain::State;

fn json<T: serde::Serialize>(v: &T) -> DbResult<String> {
    serde_json::to_string(v).map_err(|e| DbError::Other(format!("case document: {e}")))
}

fn naive(t: chrono::DateTime<chrono::Utc>) -> NaiveDateTime {
    t.naive_utc()
}

/// Applies `d` to `row` if the case is still at `row.version`; `None` when
/// another writer got there first. The state change and what the action
/// writes go into one versioned UPDATE.
pub fn apply(conn: &mut DbConn, row: &ComplaintRow, d: &Decision, now: NaiveDateTime) -> DbResult<Option<ComplaintRow>> {
    let mut ch = ComplaintChanges::default();
    if let Some(m) = &d.movement {
        moved(&mut ch, m);
    }
    match &d.change {
        Change::None => {}
        Change::Registered(r) => {
            ch.severity = Some(Some(r.severity));
            ch.kind = Some(Some(r.kind));
            ch.non_quality_cause = Some(r.non_quality_cause);
            ch.is_major = Some(r.is_major);
            if let Some(at) = r.registered_at {
                ch.registered_at = Some(Some(naive(at)));
            }
            ch.case_due_at = Some(Some(naive(r.case_due_at)));
            ch.containment_due_at = Some(r.containment_due_at.map(naive));
            ch.eight_d_required = Some(r.eight_d_required);
            ch.repeat_of_id = Some(r.repeat_of);
        }
        Change::Concluded(c) => {
            let rows: Vec<ResponsibilityRow> = c
                .shares
                .iter()
                .map(|s| ResponsibilityRow {
                    id: 0,
                    complaint_id: row.id,
                    department_id: s.department_id,
                    team: s.team.clone(),
                    person_id: s.person_id,
                    ratio_percent: s.ratio_percent,
                    supplier: s.supplier.clone(),
                })
                .collect();
            ch.responsibilities_json = Some(complaints::replace_responsibilities(conn, row.id, &rows)?);
            ch.countermeasure_department_id = Some(c.countermeasure_department_id);
            ch.engineering_requested = Some(c.engineering_requested);
            ch.investigation = Some(Some(json(&c.investigation)?));
        }
        Change::DeclaredInvalid(i) => ch.investigation = Some(Some(json(i)?)),
        Change::ContainmentAdded { entry, first } => {
            ch.containment = Some(Some(containment_with(row, entry)?));
            if *first {
                ch.containment_recorded_at = Some(Some(naive(entry.taken_at)));
            }
        }
        Change::Countermeasure(c) => ch.countermeasure = Some(Some(json(c)?)),
        Change::EngineeringOpinion(o) => ch.engineering_opinion = Some(Some(o.clone())),
        Change::ForwardedToSales { remarks } => ch.coordinator_remarks = Some(remarks.clone()),
        Change::Proposed(p) => {
            let rows: Vec<LineRow> = p
                .lines
                .iter()
                .enumerate()
                .map(|(i, (l, v))| LineRow {
                    id: 0,
                    complaint_id: row.id,
                    position: i as i32,
                    kind: l.kind,
                    quantity: l.quantity,
                    unit_price_fen: l.unit_price.map(Money::fen),
                    amount_fen: l.amount.map(Money::fen),
                    transport_cost_fen: l.transport_cost.map(Money::fen),
                    settlement_fen: v.settlement.fen(),
                    loss_fen: v.loss.fen(),
                    remarks: l.remarks.clone(),
                })
                .collect();
            ch.lines_json = Some(complaints::replace_lines(conn, row.id, &rows)?);
            ch.settlement_total_fen = Some(Some(p.settlement_total.fen()));
            ch.loss_total_fen = Some(Some(p.loss_total.fen()));
            ch.proposed_by = Some(Some(p.proposed_by));
            ch.proposed_at = Some(Some(naive(p.proposed_at)));
            void_approval(&mut ch);
        }
        Change::Routed(r) => {
            ch.consolidated_opinion = Some(Some(r.opinion.clone()));
            ch.approval_tier = Some(Some(r.tier as i32));
            ch.approver_role = Some(Some(r.approver_role));
            ch.approval_policy_version = Some(Some(r.policy_version));
            ch.approved_by = Some(None);
            ch.approved_at = Some(None);
            ch.approval_comment = Some(None);
        }
        Change::Approved { by, at, comment } => {
            ch.approved_by = Some(Some(*by));
            ch.approved_at = Some(Some(naive(*at)));
            ch.approval_comment = Some(comment.clone());
        }
        Change::Rejected { reason } => ch.approval_comment = Some(Some(reason.clone())),
        Change::OutcomeRecorded { outcome, by } => {
            let mut v = serde_json::to_value(outcome).map_err(|e| DbError::Other(format!("case document: {e}")))?;
            v["recorded_by"] = serde_json::Value::from(*by);
            ch.outcome = Some(Some(v.to_string()));
        }
        Change::InvalidNoticeGiven(n) => ch.outcome = Some(Some(json(n)?)),
        Change::ApprovalVoided => void_approval(&mut ch),
    }
    complaints::update_versioned(conn, row.id, row.version, &ch, now)
}

fn moved(ch: &mut ComplaintChanges, m: &Movement) {
    ch.state = Some(m.state);
    ch.step_entered_at = Some(naive(m.entered_at));
    ch.step_due_at = Some(m.step_due_at.map(naive));
    if m.closure.is_some() {
        ch.closure = Some(m.closure);
        ch.closed_at = Some(Some(naive(m.entered_at)));
        ch.first_closure = Some(m.first_closure);
    } else {
        ch.reminded_at = Some(None);
    }
}

fn void_approval(ch: &mut ComplaintChanges) {
    ch.approval_tier = Some(None);
    ch.approver_role = Some(None);
    ch.approval_policy_version = Some(None);
    ch.approved_by = Some(None);
    ch.approved_at = Some(None);
    ch.approval_comment = Some(None);
}

/// The case's containment records with `entry` appended.
fn containment_with(row: &ComplaintRow, entry: &ContainmentEntry) -> DbResult<String> {
    let mut list: Vec<serde_json::Value> = match row.containment.as_deref() {
        Some(s) => serde_json::from_str(s).map_err(|e| DbError::Other(format!("containment record: {e}")))?,
        None => Vec::new(),
    };
    list.push(serde_json::to_value(entry).map_err(|e| DbError::Other(e.to_string()))?);
    json(&list)
}

impl From<&Intake> for IntakeRow {
    fn from(i: &Intake) -> IntakeRow {
        IntakeRow {
            order_number: i.order_number.clone(),
            product_number: i.product_number.clone(),
            product_spec: i.product_spec.clone(),
            ship_date: i.ship_date,
            quantity_shipped: i.quantity_shipped,
            defective_quantity: i.defective_quantity,
            found_at: i.found_at.clone(),
            description: i.description.clone(),
            requests: Codes::new(i.requests.clone()),
            request_quantity_undetermined: i.request_quantity_undetermined,
            claim_amount_fen: i.claim_amount.map(Money::fen),
            channel: i.channel,
            has_sample: i.has_sample,
            sample_return_required: i.sample_return_required,
        }
    }
}

impl ComplaintRow {
    /// The intake form as filed.
    pub fn intake(&self) -> Intake {
        Intake {
            order_number: self.order_number.clone(),
            product_number: self.product_number.clone(),
            product_spec: self.product_spec.clone(),
            ship_date: self.ship_date,
            quantity_shipped: self.quantity_shipped,
            defective_quantity: self.defective_quantity,
            found_at: self.found_at.clone(),
            description: self.description.clone(),
            requests: self.requests.0.clone(),
            request_quantity_undetermined: self.request_quantity_undetermined,
            claim_amount: self.claim_amount_fen.and_then(|f| Money::from_fen(f).ok()),
            channel: self.channel,
            has_sample: self.has_sample,
            sample_return_required: self.sample_return_required,
        }
    }

    /// The facts deciding an action looks at.
    pub fn case(&self) -> kehu_domain::case::Case {
        kehu_domain::case::Case {
            state: self.state,
            market: self.market,
            numbered: self.number.is_some(),
            registered_at: self.registered_at.map(|t| t.and_utc()),
            case_due_at: self.case_due_at.map(|t| t.and_utc()),
            is_major: self.is_major,
            engineering_requested: self.engineering_requested,
            containment_recorded: self.containment_recorded_at.is_some(),
            settlement_total: self.settlement_total_fen.and_then(|f| Money::from_fen(f).ok()),
            eight_d_required: self.eight_d_required,
            eight_d_state: self.eight_d_state,
            repeat_of: self.repeat_of_id,
            intake: self.intake(),
        }
    }
}

/// A new version of the case for an entry in its history that changes
/// nothing on the row itself (a mark, a check).
pub fn touch(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> DbResult<ComplaintRow> {
    Ok(diesel::update(rows::table.find(id))
        .set((rows::version.eq(rows::version + 1), rows::updated_at.eq(now)))
        .returning(rows::all_columns)
        .get_result(conn)?)
}

/// Holds the case's row for the rest of the transaction while it is open:
/// false when it is closed, by then or by a writer this one waited for (the
/// condition is evaluated again on the row that writer committed).
pub fn hold_open(conn: &mut DbConn, id: i64) -> DbResult<bool> {
    let n = diesel::update(rows::table.filter(rows::id.eq(id).and(rows::state.ne(State::Closed)))).set(rows::updated_at.eq(rows::updated_at)).execute(conn)?;
    Ok(n == 1)
}

/// Links a case to the earlier one it repeats.
pub fn set_repeat_of(conn: &mut DbConn, id: i64, repeat_of: i64) -> DbResult<ComplaintRow> {
    Ok(diesel::update(rows::table.find(id)).set(rows::repeat_of_id.eq(Some(repeat_of))).returning(rows::all_columns).get_result(conn)?)
}
