//! Allowance certificates (销货折让证明单) and their history.

use crate::db::{DbConn, MultiBackend};
use crate::error::DbResult;
use crate::schema::{allowance_events as ev, allowances as al};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel::sql_types::Bool;
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::returns::allowance::{AllowanceEvent, AllowanceState};
use kehu_domain::returns::note::ProofKind;
use kehu_domain::returns::ReadScope;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = al)]
pub struct AllowanceRow {
    pub id: i64,
    pub org_id: i64,
    pub number: String,
    pub state: AllowanceState,
    pub kind: ResolutionKind,
    pub complaint_id: i64,
    pub complaint_line: i32,
    pub customer_id: i64,
    pub sales_department_id: i64,
    pub raised_by: i64,
    pub amount_fen: i64,
    pub invoice_number: Option<String>,
    pub reason: String,
    pub refusal_reason: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub signer: Option<String>,
    pub signed_on: Option<NaiveDate>,
    pub proof_kind: Option<ProofKind>,
    pub proof_reference: Option<String>,
    pub voucher: Option<String>,
    pub booked_by: Option<i64>,
    pub booked_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i64,
}

#[derive(Insertable)]
#[diesel(table_name = al)]
pub struct NewAllowance {
    pub org_id: i64,
    pub number: String,
    pub state: AllowanceState,
    pub kind: ResolutionKind,
    pub complaint_id: i64,
    pub complaint_line: i32,
    pub customer_id: i64,
    pub sales_department_id: i64,
    pub raised_by: i64,
    pub amount_fen: i64,
    pub invoice_number: Option<String>,
    pub reason: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// What an action writes.
#[derive(AsChangeset, Default)]
#[diesel(table_name = al)]
pub struct AllowanceChanges {
    pub state: Option<AllowanceState>,
    pub refusal_reason: Option<Option<String>>,
    pub decided_at: Option<Option<NaiveDateTime>>,
    pub signer: Option<Option<String>>,
    pub signed_on: Option<Option<NaiveDate>>,
    pub proof_kind: Option<Option<ProofKind>>,
    pub proof_reference: Option<Option<String>>,
    pub voucher: Option<Option<String>>,
    pub booked_by: Option<Option<i64>>,
    pub booked_at: Option<Option<NaiveDateTime>>,
}

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = ev)]
pub struct AllowanceEventRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub allowance_id: i64,
    pub seq: i64,
    pub action: AllowanceEvent,
    pub from_state: Option<AllowanceState>,
    pub to_state: AllowanceState,
    pub actor_id: Option<i64>,
    pub at: NaiveDateTime,
    pub note: Option<String>,
}

pub fn insert(conn: &mut DbConn, new: &NewAllowance) -> DbResult<AllowanceRow> {
    Ok(diesel::insert_into(al::table).values(new).returning(al::all_columns).get_result(conn)?)
}

pub fn get(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<AllowanceRow> {
    Ok(al::table.filter(al::org_id.eq(org_id)).find(id).select(AllowanceRow::as_select()).first(conn)?)
}

/// Applies an action's changes if the certificate is still at `version`.
pub fn update(conn: &mut DbConn, id: i64, version: i64, ch: &AllowanceChanges, now: NaiveDateTime) -> DbResult<Option<AllowanceRow>> {
    Ok(diesel::update(al::table.filter(al::id.eq(id).and(al::version.eq(version))))
        .set((ch, al::version.eq(version + 1), al::updated_at.eq(now)))
        .returning(al::all_columns)
        .get_result(conn)
        .optional()?)
}

pub fn insert_event(conn: &mut DbConn, e: &AllowanceEventRow) -> DbResult<()> {
    diesel::insert_into(ev::table).values(e).execute(conn)?;
    Ok(())
}

pub fn events(conn: &mut DbConn, allowance_id: i64) -> DbResult<Vec<AllowanceEventRow>> {
    Ok(ev::table.filter(ev::allowance_id.eq(allowance_id)).order(ev::seq).select(AllowanceEventRow::as_select()).load(conn)?)
}

/// Whether a live certificate (not refused or withdrawn) covers this
/// complaint line: the same test as the partial unique index.
pub fn live_on_line(conn: &mut DbConn, complaint_id: i64, line: i32) -> DbResult<bool> {
    let q = al::table
        .filter(al::complaint_id.eq(complaint_id).and(al::complaint_line.eq(line)))
        .filter(al::state.ne_all([AllowanceState::Refused, AllowanceState::Withdrawn]));
    Ok(diesel::select(diesel::dsl::exists(q.select(al::id))).get_result(conn)?)
}

pub fn any_in_org(conn: &mut DbConn, org_id: i64) -> DbResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(al::table.filter(al::org_id.eq(org_id)).select(al::id))).get_result(conn)?)
}

/// What waits for a caller: (state, sales department or any), never one's own.
#[derive(Clone, Debug, Default)]
pub struct AllowanceToAct {
    pub user_id: i64,
    pub steps: Vec<(AllowanceState, Option<i64>)>,
}

#[derive(Clone, Debug, Default)]
pub struct AllowanceFilter {
    pub state: Option<AllowanceState>,
    pub complaint_id: Option<i64>,
    pub raised_by: Option<i64>,
    pub to_act: Option<AllowanceToAct>,
}

type Boxed<'a> = al::BoxedQuery<'a, MultiBackend>;
type Predicate = Box<dyn BoxableExpression<al::table, MultiBackend, SqlType = Bool>>;

const APPROVED: [AllowanceState; 3] = [AllowanceState::Approved, AllowanceState::Signed, AllowanceState::Booked];

fn filtered<'a>(org_id: i64, scope: &ReadScope, f: &AllowanceFilter) -> Boxed<'a> {
    let mut q = al::table.filter(al::org_id.eq(org_id)).into_boxed();
    if !scope.all {
        let mut readable: Predicate = Box::new(al::raised_by.eq(scope.raised_by));
        if let Some(d) = scope.department_id {
            readable = Box::new(readable.or(al::sales_department_id.eq(d)));
        }
        if scope.approved {
            readable = Box::new(readable.or(al::state.eq_any(APPROVED)));
        }
        q = q.filter(readable);
    }
    if let Some(s) = f.state {
        q = q.filter(al::state.eq(s));
    }
    if let Some(c) = f.complaint_id {
        q = q.filter(al::complaint_id.eq(c));
    }
    if let Some(u) = f.raised_by {
        q = q.filter(al::raised_by.eq(u));
    }
    if let Some(t) = &f.to_act {
        // The applicant's own approved certificates wait for the customer's signature.
        let mut any: Predicate = Box::new(al::raised_by.eq(t.user_id).and(al::state.eq(AllowanceState::Approved)));
        for (state, dept) in &t.steps {
            let step = al::state.eq(*state).and(al::raised_by.ne(t.user_id));
            any = match dept {
                Some(d) => Box::new(any.or(step.and(al::sales_department_id.eq(*d)))),
                None => Box::new(any.or(step)),
            };
        }
        q = q.filter(any);
    }
    q
}

/// A page of the certificates `scope` reads, newest first, after the id `before`.
pub fn page(conn: &mut DbConn, org_id: i64, scope: &ReadScope, f: &AllowanceFilter, before: Option<i64>, limit: i64) -> DbResult<Vec<AllowanceRow>> {
    let mut q = filtered(org_id, scope, f);
    if let Some(b) = before {
        q = q.filter(al::id.lt(b));
    }
    Ok(q.order(al::id.desc()).limit(limit).select(AllowanceRow::as_select()).load(conn)?)
}

pub fn count(conn: &mut DbConn, org_id: i64, scope: &ReadScope, f: &AllowanceFilter) -> DbResult<i64> {
    Ok(filtered(org_id, scope, f).select(count_star()).first(conn)?)
}
