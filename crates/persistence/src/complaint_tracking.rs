//! The tracking sheet (客户投诉案件追踪表, domain.md §4.10): the complaints a
//! caller may see that match a filter, in the order they were received, a
//! page at a time, with what the sheet's columns need beside the row.

use crate::complaint_lists::{filtered, ComplaintFilter, ComplaintScope, CursorValue, CustomerName, Sort, SortKey};
use crate::complaint_search::TextMatch;
use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{case_letters, complaint_events, complaints, penalty_items, penalty_runs};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use kehu_domain::deadline::Market;
use kehu_domain::penalty::SanctionKind;
use kehu_domain::workflow::EventAction;
use kehu_domain::Action;
use kehu_domain::{Closure, State};

/// The columns of a complaint the sheet shows.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = complaints)]
pub struct TrackingRow {
    pub id: i64,
    pub number: Option<String>,
    pub state: State,
    pub closure: Option<Closure>,
    pub market: Market,
    pub order_number: Option<String>,
    pub product_number: Option<String>,
    pub product_spec: Option<String>,
    pub ship_date: Option<NaiveDate>,
    pub quantity_shipped: Option<i64>,
    pub claim_amount_fen: Option<i64>,
    pub defective_quantity: Option<i64>,
    pub description: Option<String>,
    pub countermeasure_department_id: Option<i64>,
    pub loss_total_fen: Option<i64>,
    pub lines_json: Option<String>,
    pub responsibilities_json: Option<String>,
    pub created_at: NaiveDateTime,
    pub closed_at: Option<NaiveDateTime>,
}

/// Up to `limit` rows received after `after` (receipt time, id), each with
/// its customer's name.
pub fn page(
    conn: &mut DbConn,
    org_id: i64,
    scope: &ComplaintScope,
    filter: &ComplaintFilter,
    after: Option<(NaiveDateTime, i64)>,
    limit: i64,
) -> DbResult<Vec<(TrackingRow, Option<String>)>> {
    let sort = Sort { key: SortKey::CreatedAt, descending: false };
    let q = complaints::table.filter(complaints::org_id.eq(org_id)).select((TrackingRow::as_select(), CustomerName)).into_boxed();
    let q = filtered(q, scope, filter, &sort, after.map(|(t, id)| (CursorValue::Time(t), id)));
    let q = match filter.q.as_deref().map(kehu_domain::customer::search_query).filter(|t| !t.is_empty()) {
        Some(text) => q.filter(TextMatch::indexed(conn.backend(), &text)),
        None => q,
    };
    Ok(q.limit(limit).load(conn)?)
}

/// The steps the sheet's sign-off columns date: who received the case and
/// who signed for QA, the responsible unit and sales.
pub const SIGN_OFFS: [EventAction; 4] = [
    EventAction::Act(Action::Register),
    EventAction::Act(Action::ConcludeInvestigation),
    EventAction::Act(Action::SubmitCountermeasure),
    EventAction::Act(Action::ProposeResolution),
];

/// When each of `ids` last passed each of [`SIGN_OFFS`]: (complaint, action, at).
pub fn sign_offs(conn: &mut DbConn, ids: &[i64]) -> DbResult<Vec<(i64, EventAction, NaiveDateTime)>> {
    Ok(complaint_events::table
        .filter(complaint_events::complaint_id.eq_any(ids))
        .filter(complaint_events::action.eq_any(SIGN_OFFS))
        .group_by((complaint_events::complaint_id, complaint_events::action))
        .select((complaint_events::complaint_id, complaint_events::action, diesel::dsl::max(complaint_events::at).assume_not_null()))
        .load(conn)?)
}

/// The letters that chased each of `ids` (督促记录): (complaint, number, issued), oldest first.
pub fn letters(conn: &mut DbConn, ids: &[i64]) -> DbResult<Vec<(i64, String, NaiveDateTime)>> {
    Ok(case_letters::table
        .filter(case_letters::complaint_id.eq_any(ids))
        .order((case_letters::complaint_id, case_letters::issued_at, case_letters::id))
        .select((case_letters::complaint_id, case_letters::number, case_letters::issued_at))
        .load(conn)?)
}

/// The personal sanctions of published penalty runs on each of `ids`:
/// (complaint, person, sanction, times). Published runs are announced to the
/// factory; a run still in review is not shown.
pub fn sanctions(conn: &mut DbConn, ids: &[i64]) -> DbResult<Vec<(i64, i64, SanctionKind, i32)>> {
    let published = penalty_runs::table.filter(penalty_runs::published_at.is_not_null()).select(penalty_runs::id);
    Ok(penalty_items::table
        .filter(penalty_items::complaint_id.eq_any(ids))
        .filter(penalty_items::run_id.eq_any(published))
        .filter(penalty_items::person_id.is_not_null())
        .filter(penalty_items::sanction.is_not_null())
        .order((penalty_items::complaint_id, penalty_items::id))
        .select((
            penalty_items::complaint_id,
            penalty_items::person_id.assume_not_null(),
            penalty_items::sanction.assume_not_null(),
            diesel::dsl::sql::<diesel::sql_types::Integer>("COALESCE(penalty_items.sanction_count, 1)"),
        ))
        .load::<(i64, i64, String, i32)>(conn)?
        .into_iter()
        .filter_map(|(c, p, s, n)| s.parse().ok().map(|s| (c, p, s, n)))
        .collect())
}
