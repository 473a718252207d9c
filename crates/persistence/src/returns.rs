//! Return and exchange applications (客户退换货申请单) and their history.

use crate::codes::Codes;
use crate::db::{DbConn, MultiBackend};
use crate::error::DbResult;
use crate::schema::{return_applications as ra, return_events};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel::sql_types::Bool;
use kehu_domain::returns::handling::HandlingState;
use kehu_domain::returns::inspection::Original;
use kehu_domain::returns::note::{NoteState, ProofKind};
use kehu_domain::returns::retail::RuleSet;
use kehu_domain::returns::{ReadScope, ReturnEvent, ReturnKind, ReturnState};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = ra)]
pub struct ReturnRow {
    pub id: i64,
    pub org_id: i64,
    pub number: String,
    pub kind: ReturnKind,
    pub state: ReturnState,
    pub customer_id: i64,
    pub complaint_id: Option<i64>,
    pub complaint_line: Option<i32>,
    pub order_number: Option<String>,
    pub sales_department_id: i64,
    pub raised_by: i64,
    pub reason: String,
    pub sample_unit: bool,
    pub lines_json: String,
    pub total_fen: i64,
    pub within_warranty: Option<String>,
    pub below_standard: Option<String>,
    pub cannot_pay: Option<String>,
    pub major_change: Option<String>,
    pub retention_note: Option<String>,
    pub step_entered_at: NaiveDateTime,
    pub step_due_at: Option<NaiveDateTime>,
    pub extended: bool,
    pub extension_reason: Option<String>,
    pub refusal_reason: Option<String>,
    pub reminded_at: Option<NaiveDateTime>,
    pub decided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i64,
    pub inspection_json: Option<String>,
    pub inspected_by: Option<i64>,
    pub inspected_at: Option<NaiveDateTime>,
    pub originals: Codes<Original>,
    pub approved_by: Option<i64>,
    pub note_number: Option<String>,
    pub note_state: Option<NoteState>,
    pub note_json: Option<String>,
    pub note_issued_by: Option<i64>,
    pub note_issued_at: Option<NaiveDateTime>,
    pub received_json: Option<String>,
    pub received_quantity: Option<i64>,
    pub received_by: Option<i64>,
    pub received_at: Option<NaiveDateTime>,
    pub proof_kind: Option<ProofKind>,
    pub proof_reference: Option<String>,
    pub proof_by: Option<i64>,
    pub proof_at: Option<NaiveDateTime>,
    pub booked_json: Option<String>,
    pub booked_by: Option<i64>,
    pub booked_at: Option<NaiveDateTime>,
    pub handling_state: Option<HandlingState>,
    pub handling_json: Option<String>,
    pub exchange_order_id: Option<i64>,
    pub rule_set: RuleSet,
    pub retail_json: Option<String>,
    pub refund_due_on: Option<NaiveDate>,
}

/// The form as sales fills it in (on creation and on a draft's edit).
#[derive(Insertable, AsChangeset, Clone, Debug)]
#[diesel(table_name = ra, treat_none_as_null = true)]
pub struct ReturnForm {
    pub kind: ReturnKind,
    pub customer_id: i64,
    pub complaint_id: Option<i64>,
    pub complaint_line: Option<i32>,
    pub order_number: Option<String>,
    pub reason: String,
    pub sample_unit: bool,
    pub lines_json: String,
    pub total_fen: i64,
    pub within_warranty: Option<String>,
    pub below_standard: Option<String>,
    pub cannot_pay: Option<String>,
    pub major_change: Option<String>,
    pub rule_set: RuleSet,
    pub retail_json: Option<String>,
}

/// Where a new application starts.
#[derive(Insertable)]
#[diesel(table_name = ra)]
pub struct NewReturn {
    pub org_id: i64,
    pub number: String,
    pub state: ReturnState,
    pub sales_department_id: i64,
    pub raised_by: i64,
    pub step_entered_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// What a workflow action writes.
#[derive(AsChangeset, Default)]
#[diesel(table_name = ra)]
pub struct ReturnChanges {
    pub state: Option<ReturnState>,
    pub step_entered_at: Option<NaiveDateTime>,
    pub step_due_at: Option<Option<NaiveDateTime>>,
    pub extended: Option<bool>,
    pub extension_reason: Option<Option<String>>,
    pub refusal_reason: Option<Option<String>>,
    pub retention_note: Option<Option<String>>,
    pub reminded_at: Option<Option<NaiveDateTime>>,
    pub decided_at: Option<Option<NaiveDateTime>>,
    pub inspection_json: Option<Option<String>>,
    pub inspected_by: Option<Option<i64>>,
    pub inspected_at: Option<Option<NaiveDateTime>>,
    pub originals: Option<Codes<Original>>,
    pub approved_by: Option<Option<i64>>,
    pub note_number: Option<Option<String>>,
    pub note_state: Option<Option<NoteState>>,
    pub note_json: Option<Option<String>>,
    pub note_issued_by: Option<Option<i64>>,
    pub note_issued_at: Option<Option<NaiveDateTime>>,
    pub received_json: Option<Option<String>>,
    pub received_quantity: Option<Option<i64>>,
    pub received_by: Option<Option<i64>>,
    pub received_at: Option<Option<NaiveDateTime>>,
    pub proof_kind: Option<Option<ProofKind>>,
    pub proof_reference: Option<Option<String>>,
    pub proof_by: Option<Option<i64>>,
    pub proof_at: Option<Option<NaiveDateTime>>,
    pub booked_json: Option<Option<String>>,
    pub booked_by: Option<Option<i64>>,
    pub booked_at: Option<Option<NaiveDateTime>>,
    pub handling_state: Option<Option<HandlingState>>,
    pub handling_json: Option<Option<String>>,
    pub exchange_order_id: Option<Option<i64>>,
    pub refund_due_on: Option<Option<NaiveDate>>,
}

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = return_events)]
pub struct ReturnEventRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub application_id: i64,
    pub seq: i64,
    pub action: ReturnEvent,
    pub from_state: Option<ReturnState>,
    pub to_state: ReturnState,
    pub actor_id: Option<i64>,
    pub at: NaiveDateTime,
    pub note: Option<String>,
}

pub fn insert(conn: &mut DbConn, new: &NewReturn, form: &ReturnForm) -> DbResult<ReturnRow> {
    Ok(diesel::insert_into(ra::table).values((new, form)).returning(ra::all_columns).get_result(conn)?)
}

pub fn get(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<ReturnRow> {
    Ok(ra::table.filter(ra::org_id.eq(org_id)).find(id).select(ReturnRow::as_select()).first(conn)?)
}

/// Writes a draft's form if it is still at `version`; `None` when it is not.
pub fn update_form(conn: &mut DbConn, id: i64, version: i64, form: &ReturnForm, now: NaiveDateTime) -> DbResult<Option<ReturnRow>> {
    Ok(diesel::update(ra::table.filter(ra::id.eq(id).and(ra::version.eq(version))))
        .set((form, ra::version.eq(version + 1), ra::updated_at.eq(now)))
        .returning(ra::all_columns)
        .get_result(conn)
        .optional()?)
}

/// Applies an action's changes if the application is still at `version`.
pub fn update(conn: &mut DbConn, id: i64, version: i64, ch: &ReturnChanges, now: NaiveDateTime) -> DbResult<Option<ReturnRow>> {
    Ok(diesel::update(ra::table.filter(ra::id.eq(id).and(ra::version.eq(version))))
        .set((ch, ra::version.eq(version + 1), ra::updated_at.eq(now)))
        .returning(ra::all_columns)
        .get_result(conn)
        .optional()?)
}

pub fn insert_event(conn: &mut DbConn, e: &ReturnEventRow) -> DbResult<()> {
    diesel::insert_into(return_events::table).values(e).execute(conn)?;
    Ok(())
}

pub fn events(conn: &mut DbConn, application_id: i64) -> DbResult<Vec<ReturnEventRow>> {
    Ok(return_events::table
        .filter(return_events::application_id.eq(application_id))
        .order(return_events::seq)
        .select(ReturnEventRow::as_select())
        .load(conn)?)
}

/// Filters of the returns list (all optional).
#[derive(Clone, Debug, Default)]
pub struct ReturnFilter {
    pub state: Option<ReturnState>,
    pub kind: Option<ReturnKind>,
    pub customer_id: Option<i64>,
    pub complaint_id: Option<i64>,
    pub raised_by: Option<i64>,
    /// Waiting for this caller.
    pub to_act: Option<ToAct>,
    /// Created on or after / before (exclusive).
    pub from: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
}

/// The steps a caller takes, for the "to act" box.
#[derive(Clone, Debug, Default)]
pub struct ToAct {
    pub user_id: i64,
    /// Approval steps: (state, sales department or any); never one's own.
    pub steps: Vec<(ReturnState, Option<i64>)>,
    /// Customer service: approved and not inspected (unless a sample unit)
    /// or an original not yet collected.
    pub service: bool,
    /// Return-note steps: (state, sales department or any); never one's own.
    pub notes: Vec<(NoteState, Option<i64>)>,
    /// The general manager decides any excess, not only his own approvals'.
    pub any_excess: bool,
    /// Steps of the returned goods' handling, by role.
    pub handling: Vec<HandlingState>,
}

type Boxed<'a> = ra::BoxedQuery<'a, MultiBackend>;
type Predicate = Box<dyn BoxableExpression<ra::table, MultiBackend, SqlType = Bool>>;

fn filtered<'a>(org_id: i64, scope: &ReadScope, f: &ReturnFilter) -> Boxed<'a> {
    let mut q = ra::table.filter(ra::org_id.eq(org_id)).into_boxed();
    if !scope.all {
        let mut readable: Predicate = Box::new(ra::raised_by.eq(scope.raised_by));
        if let Some(d) = scope.department_id {
            readable = Box::new(readable.or(ra::sales_department_id.eq(d)));
        }
        if scope.approved {
            readable = Box::new(readable.or(ra::state.eq(ReturnState::Approved)));
        }
        q = q.filter(readable);
    }
    if let Some(s) = f.state {
        q = q.filter(ra::state.eq(s));
    }
    if let Some(k) = f.kind {
        q = q.filter(ra::kind.eq(k));
    }
    if let Some(c) = f.customer_id {
        q = q.filter(ra::customer_id.eq(c));
    }
    if let Some(c) = f.complaint_id {
        q = q.filter(ra::complaint_id.eq(c));
    }
    if let Some(u) = f.raised_by {
        q = q.filter(ra::raised_by.eq(u));
    }
    if let Some(t) = f.from {
        q = q.filter(ra::created_at.ge(t));
    }
    if let Some(t) = f.until {
        q = q.filter(ra::created_at.lt(t));
    }
    if let Some(t) = &f.to_act {
        q = q.filter(to_act(t));
    }
    q
}

fn to_act(t: &ToAct) -> Predicate {
    let approved = || ra::state.eq(ReturnState::Approved);
    // The applicant's own: approved, ready for the return note.
    let all = Codes::new(Original::ALL.to_vec());
    let inspected = ra::inspection_json.is_not_null().or(ra::sample_unit.eq(true));
    let mut any: Predicate =
        Box::new(approved().and(ra::raised_by.eq(t.user_id)).and(ra::note_state.is_null()).and(inspected).and(ra::originals.eq(all.clone())));
    let excess = ra::note_state.assume_not_null().eq(NoteState::AwaitsDecision);
    any = if t.any_excess { Box::new(any.or(excess)) } else { Box::new(any.or(excess.and(ra::approved_by.assume_not_null().eq(t.user_id)))) };
    if t.service {
        let pending = ra::inspection_json.is_null().and(ra::sample_unit.eq(false)).or(ra::originals.ne(all));
        any = Box::new(any.or(approved().and(pending)));
    }
    for (state, dept) in &t.steps {
        let mine = ra::state.eq(*state).and(ra::raised_by.ne(t.user_id));
        any = match dept {
            Some(d) => Box::new(any.or(mine.and(ra::sales_department_id.eq(*d)))),
            None => Box::new(any.or(mine)),
        };
    }
    // The applicant's proof of return, once the goods are received.
    any = Box::new(any.or(ra::raised_by.eq(t.user_id).and(ra::note_state.assume_not_null().eq(NoteState::ToBook)).and(ra::proof_kind.is_null())));
    if !t.handling.is_empty() {
        any = Box::new(any.or(ra::handling_state.assume_not_null().eq_any(t.handling.clone())));
    }
    for (state, dept) in &t.notes {
        let step = ra::note_state.assume_not_null().eq(*state).and(ra::raised_by.ne(t.user_id));
        // Accounting books once the proof of return is in.
        let step: Predicate = if *state == NoteState::ToBook { Box::new(step.and(ra::proof_kind.is_not_null())) } else { Box::new(step) };
        any = match dept {
            Some(d) => Box::new(any.or(step.and(ra::sales_department_id.eq(*d)))),
            None => Box::new(any.or(step)),
        };
    }
    any
}

/// A page of the applications `scope` reads, newest first, after the id `before`.
pub fn page(conn: &mut DbConn, org_id: i64, scope: &ReadScope, f: &ReturnFilter, before: Option<i64>, limit: i64) -> DbResult<Vec<ReturnRow>> {
    let mut q = filtered(org_id, scope, f);
    if let Some(b) = before {
        q = q.filter(ra::id.lt(b));
    }
    Ok(q.order(ra::id.desc()).limit(limit).select(ReturnRow::as_select()).load(conn)?)
}

/// How many applications the filters find (the list's total).
pub fn count(conn: &mut DbConn, org_id: i64, scope: &ReadScope, f: &ReturnFilter) -> DbResult<i64> {
    Ok(filtered(org_id, scope, f).select(count_star()).first(conn)?)
}

/// Open applications whose step deadline passed and that got no reminder yet.
pub fn overdue_unreminded(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> DbResult<Vec<ReturnRow>> {
    Ok(ra::table
        .filter(ra::reminded_at.is_null().and(ra::step_due_at.lt(now)))
        .filter(ra::state.eq_any([ReturnState::SupervisorReview, ReturnState::MarketingReview, ReturnState::GmApproval]))
        .order(ra::step_due_at)
        .limit(limit)
        .select(ReturnRow::as_select())
        .load(conn)?)
}

/// Claims the reminder of one overdue step; only one claimant wins.
pub fn claim_reminder(conn: &mut DbConn, id: i64, step_entered_at: NaiveDateTime, now: NaiveDateTime) -> DbResult<bool> {
    let n = diesel::update(ra::table.filter(ra::id.eq(id).and(ra::reminded_at.is_null()).and(ra::step_entered_at.eq(step_entered_at))))
        .set(ra::reminded_at.eq(now))
        .execute(conn)?;
    Ok(n == 1)
}

/// The numbers of these complaints (`#id` while a draft has none).
pub fn complaint_numbers(conn: &mut DbConn, ids: &[i64]) -> DbResult<Vec<(i64, String)>> {
    use crate::schema::complaints;
    let rows: Vec<(i64, Option<String>)> =
        crate::by_chunks(ids, |chunk| Ok(complaints::table.filter(complaints::id.eq_any(chunk)).select((complaints::id, complaints::number)).load(conn)?))?;
    Ok(rows.into_iter().map(|(id, n)| (id, n.unwrap_or_else(|| format!("#{id}")))).collect())
}

/// Whether a live application (not refused or withdrawn) other than `except`
/// covers this complaint line: the same test as the partial unique index.
pub fn live_on_line(conn: &mut DbConn, complaint_id: i64, line: i32, except: Option<i64>) -> DbResult<bool> {
    // Ids start at 1: 0 excludes nothing.
    let q = ra::table
        .filter(ra::complaint_id.eq(complaint_id).and(ra::complaint_line.eq(line)))
        .filter(ra::state.ne_all([ReturnState::Refused, ReturnState::Withdrawn]))
        .filter(ra::id.ne(except.unwrap_or(0)));
    Ok(diesel::select(diesel::dsl::exists(q.select(ra::id))).get_result(conn)?)
}

/// Whether the organisation has any application yet.
pub fn any_in_org(conn: &mut DbConn, org_id: i64) -> DbResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(ra::table.filter(ra::org_id.eq(org_id)).select(ra::id))).get_result(conn)?)
}
