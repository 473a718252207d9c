//! Complaint rows, their lines and responsibilities, and the list query.

use crate::codes::Codes;
use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{complaint_responsibilities, complaints, resolution_lines};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use kehu_domain::deadline::Market;
use kehu_domain::eightd::EightDState;
use kehu_domain::intake::{Channel, ComplaintKind, CustomerRequest, NonQualityCause, Severity};
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::{Closure, Role, State};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = complaints)]
pub struct ComplaintRow {
    pub id: i64,
    pub org_id: i64,
    pub number: Option<String>,
    pub state: State,
    pub closure: Option<Closure>,
    pub version: i64,
    pub customer_id: i64,
    pub sales_department_id: i64,
    pub created_by: i64,
    pub market: Market,
    pub order_number: Option<String>,
    pub product_number: Option<String>,
    pub product_spec: Option<String>,
    pub ship_date: Option<NaiveDate>,
    pub quantity_shipped: Option<i64>,
    pub defective_quantity: Option<i64>,
    pub found_at: Option<String>,
    pub description: Option<String>,
    pub requests: Codes<CustomerRequest>,
    pub request_quantity_undetermined: bool,
    pub claim_amount_fen: Option<i64>,
    pub channel: Option<Channel>,
    pub has_sample: bool,
    pub sample_return_required: bool,
    pub severity: Option<Severity>,
    pub kind: Option<ComplaintKind>,
    pub non_quality_cause: Option<NonQualityCause>,
    pub is_major: bool,
    pub registered_at: Option<NaiveDateTime>,
    pub step_entered_at: NaiveDateTime,
    pub step_due_at: Option<NaiveDateTime>,
    pub case_due_at: Option<NaiveDateTime>,
    pub containment_due_at: Option<NaiveDateTime>,
    pub containment_recorded_at: Option<NaiveDateTime>,
    pub reminded_at: Option<NaiveDateTime>,
    pub engineering_requested: bool,
    pub countermeasure_department_id: Option<i64>,
    pub investigation: Option<String>,
    pub containment: Option<String>,
    pub countermeasure: Option<String>,
    pub engineering_opinion: Option<String>,
    pub coordinator_remarks: Option<String>,
    pub settlement_total_fen: Option<i64>,
    pub loss_total_fen: Option<i64>,
    pub proposed_by: Option<i64>,
    pub proposed_at: Option<NaiveDateTime>,
    pub consolidated_opinion: Option<String>,
    pub approval_tier: Option<i32>,
    pub approver_role: Option<Role>,
    pub approval_policy_version: Option<i64>,
    pub approved_by: Option<i64>,
    pub approved_at: Option<NaiveDateTime>,
    pub approval_comment: Option<String>,
    pub outcome: Option<String>,
    pub closed_at: Option<NaiveDateTime>,
    pub first_closure: Option<bool>,
    pub supersedes_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Copies of the lines and shares as JSON arrays of arrays, for the read
    /// (`complaint_reads`); the tables stay the source for every query.
    pub lines_json: Option<String>,
    pub responsibilities_json: Option<String>,
    /// Needs an approved 8D report to close, and that report's state.
    pub eight_d_required: bool,
    pub eight_d_state: Option<EightDState>,
    /// The earlier case this one repeats (linked at registration).
    pub repeat_of_id: Option<i64>,
}

/// The intake fields sales fills in, for inserts and draft edits.
#[derive(Insertable, AsChangeset, Clone, Debug, Default)]
#[diesel(table_name = complaints, treat_none_as_null = true)]
pub struct IntakeRow {
    pub order_number: Option<String>,
    pub product_number: Option<String>,
    pub product_spec: Option<String>,
    pub ship_date: Option<NaiveDate>,
    pub quantity_shipped: Option<i64>,
    pub defective_quantity: Option<i64>,
    pub found_at: Option<String>,
    pub description: Option<String>,
    pub requests: Codes<CustomerRequest>,
    pub request_quantity_undetermined: bool,
    pub claim_amount_fen: Option<i64>,
    pub channel: Option<Channel>,
    pub has_sample: bool,
    pub sample_return_required: bool,
}

#[derive(Insertable)]
#[diesel(table_name = complaints)]
pub struct NewComplaint {
    pub org_id: i64,
    pub state: State,
    pub customer_id: i64,
    pub sales_department_id: i64,
    pub created_by: i64,
    pub market: Market,
    pub step_entered_at: NaiveDateTime,
    pub supersedes_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Columns an action changes; `None` leaves a column as it is, `Some(None)`
/// clears it.
#[derive(AsChangeset, Default, Clone, Debug)]
#[diesel(table_name = complaints)]
pub struct ComplaintChanges {
    pub state: Option<State>,
    pub closure: Option<Option<Closure>>,
    pub number: Option<Option<String>>,
    pub market: Option<Market>,
    pub customer_id: Option<i64>,
    pub severity: Option<Option<Severity>>,
    pub kind: Option<Option<ComplaintKind>>,
    pub non_quality_cause: Option<Option<NonQualityCause>>,
    pub is_major: Option<bool>,
    pub registered_at: Option<Option<NaiveDateTime>>,
    pub step_entered_at: Option<NaiveDateTime>,
    pub step_due_at: Option<Option<NaiveDateTime>>,
    pub case_due_at: Option<Option<NaiveDateTime>>,
    pub containment_due_at: Option<Option<NaiveDateTime>>,
    pub containment_recorded_at: Option<Option<NaiveDateTime>>,
    pub reminded_at: Option<Option<NaiveDateTime>>,
    pub engineering_requested: Option<bool>,
    pub countermeasure_department_id: Option<Option<i64>>,
    pub investigation: Option<Option<String>>,
    pub containment: Option<Option<String>>,
    pub countermeasure: Option<Option<String>>,
    pub engineering_opinion: Option<Option<String>>,
    pub coordinator_remarks: Option<Option<String>>,
    pub settlement_total_fen: Option<Option<i64>>,
    pub loss_total_fen: Option<Option<i64>>,
    pub proposed_by: Option<Option<i64>>,
    pub proposed_at: Option<Option<NaiveDateTime>>,
    pub consolidated_opinion: Option<Option<String>>,
    pub approval_tier: Option<Option<i32>>,
    pub approver_role: Option<Option<Role>>,
    pub approval_policy_version: Option<Option<i64>>,
    pub approved_by: Option<Option<i64>>,
    pub approved_at: Option<Option<NaiveDateTime>>,
    pub approval_comment: Option<Option<String>>,
    pub outcome: Option<Option<String>>,
    pub closed_at: Option<Option<NaiveDateTime>>,
    pub first_closure: Option<Option<bool>>,
    pub sales_department_id: Option<i64>,
    /// From `replace_lines` / `replace_responsibilities`.
    pub lines_json: Option<Option<String>>,
    pub responsibilities_json: Option<Option<String>>,
    pub eight_d_required: Option<bool>,
    pub repeat_of_id: Option<Option<i64>>,
}

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = resolution_lines)]
pub struct LineRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub complaint_id: i64,
    pub position: i32,
    pub kind: ResolutionKind,
    pub quantity: Option<i64>,
    pub unit_price_fen: Option<i64>,
    pub amount_fen: Option<i64>,
    pub transport_cost_fen: Option<i64>,
    pub settlement_fen: i64,
    pub loss_fen: i64,
    pub remarks: Option<String>,
}

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = complaint_responsibilities)]
pub struct ResponsibilityRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub complaint_id: i64,
    pub department_id: i64,
    pub team: Option<String>,
    pub person_id: Option<i64>,
    pub ratio_percent: i32,
    pub supplier: Option<String>,
}

pub fn insert(conn: &mut DbConn, new: &NewComplaint, intake: &IntakeRow) -> DbResult<ComplaintRow> {
    let row = diesel::insert_into(complaints::table).values((new, intake)).returning(complaints::all_columns).get_result::<ComplaintRow>(conn)?;
    crate::complaint_search::write(conn, &row)?;
    Ok(row)
}

pub fn any_in_org(conn: &mut DbConn, org_id: i64) -> DbResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(complaints::table.filter(complaints::org_id.eq(org_id)))).get_result(conn)?)
}

pub fn get(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<ComplaintRow> {
    Ok(complaints::table.filter(complaints::org_id.eq(org_id)).find(id).select(ComplaintRow::as_select()).first(conn)?)
}

/// Applies `changes` and bumps the version if it is still `version`.
/// `None` means another writer got there first.
pub fn update_versioned(conn: &mut DbConn, id: i64, version: i64, changes: &ComplaintChanges, now: NaiveDateTime) -> DbResult<Option<ComplaintRow>> {
    let target = complaints::table.filter(complaints::id.eq(id).and(complaints::version.eq(version)));
    let update = diesel::update(target)
        .set((changes, complaints::version.eq(complaints::version + 1), complaints::updated_at.eq(now)))
        .returning(complaints::all_columns);
    // The changeset varies, so the statement is cached by its text: built on
    // the concrete connection, that text is not rebuilt through the enum.
    let row = match conn {
        DbConn::Pg(c) => update.get_result::<ComplaintRow>(c).optional()?,
        DbConn::Sqlite(c) => update.get_result::<ComplaintRow>(c).optional()?,
    };
    if let Some(r) = row.as_ref().filter(|_| changes.number.is_some() || changes.customer_id.is_some()) {
        crate::complaint_search::write(conn, r)?;
    }
    Ok(row)
}

/// Gives a registered case its number (the version stays: the number is
/// part of the registration that already counted).
pub fn set_number(conn: &mut DbConn, id: i64, number: &str) -> DbResult<ComplaintRow> {
    let row =
        diesel::update(complaints::table.find(id)).set(complaints::number.eq(number)).returning(complaints::all_columns).get_result::<ComplaintRow>(conn)?;
    crate::complaint_search::write(conn, &row)?;
    Ok(row)
}

pub fn update_intake(
    conn: &mut DbConn,
    id: i64,
    version: i64,
    intake: &IntakeRow,
    customer_id: i64,
    market: Market,
    now: NaiveDateTime,
) -> DbResult<Option<ComplaintRow>> {
    let target = complaints::table.filter(complaints::id.eq(id).and(complaints::version.eq(version)));
    let row = diesel::update(target)
        .set((
            intake,
            complaints::customer_id.eq(customer_id),
            complaints::market.eq(market),
            complaints::version.eq(complaints::version + 1),
            complaints::updated_at.eq(now),
        ))
        .returning(complaints::all_columns)
        .get_result::<ComplaintRow>(conn)
        .optional()?;
    if let Some(r) = &row {
        crate::complaint_search::write(conn, r)?;
    }
    Ok(row)
}

pub fn lines(conn: &mut DbConn, complaint_id: i64) -> DbResult<Vec<LineRow>> {
    Ok(resolution_lines::table
        .filter(resolution_lines::complaint_id.eq(complaint_id))
        .order(resolution_lines::position)
        .select(LineRow::as_select())
        .load(conn)?)
}

/// Replaces the lines; returns the row's new copy of them, for the case's
/// update in the same transaction (`ComplaintChanges::lines_json`).
#[must_use = "the copy belongs on the complaint row"]
pub fn replace_lines(conn: &mut DbConn, complaint_id: i64, rows: &[LineRow]) -> DbResult<Option<String>> {
    diesel::delete(resolution_lines::table.filter(resolution_lines::complaint_id.eq(complaint_id))).execute(conn)?;
    let mut sorted: Vec<&LineRow> = rows.iter().collect();
    sorted.sort_by_key(|r| r.position);
    let mut copy = Vec::with_capacity(sorted.len());
    for r in sorted {
        let id: i64 = diesel::insert_into(resolution_lines::table).values(r).returning(resolution_lines::id).get_result(conn)?;
        copy.push((id, r.position, &r.kind, r.quantity, r.unit_price_fen, r.amount_fen, r.transport_cost_fen, r.settlement_fen, r.loss_fen, &r.remarks));
    }
    json_copy(&copy)
}

fn json_copy<T: serde::Serialize>(rows: &[T]) -> DbResult<Option<String>> {
    if rows.is_empty() {
        return Ok(None);
    }
    serde_json::to_string(rows).map(Some).map_err(|e| crate::DbError::Other(format!("row copy: {e}")))
}

pub fn responsibilities(conn: &mut DbConn, complaint_id: i64) -> DbResult<Vec<ResponsibilityRow>> {
    Ok(complaint_responsibilities::table
        .filter(complaint_responsibilities::complaint_id.eq(complaint_id))
        .order(complaint_responsibilities::id)
        .select(ResponsibilityRow::as_select())
        .load(conn)?)
}

/// Replaces the responsibilities; returns the row's new copy of them, as
/// `replace_lines` does.
#[must_use = "the copy belongs on the complaint row"]
pub fn replace_responsibilities(conn: &mut DbConn, complaint_id: i64, rows: &[ResponsibilityRow]) -> DbResult<Option<String>> {
    diesel::delete(complaint_responsibilities::table.filter(complaint_responsibilities::complaint_id.eq(complaint_id))).execute(conn)?;
    let mut copy = Vec::with_capacity(rows.len());
    for r in rows {
        let id: i64 = diesel::insert_into(complaint_responsibilities::table).values(r).returning(complaint_responsibilities::id).get_result(conn)?;
        // A share naming no supplier keeps the five fields copies had before suppliers.
        copy.push(match &r.supplier {
            None => serde_json::json!([id, r.department_id, r.team, r.person_id, r.ratio_percent]),
            Some(s) => serde_json::json!([id, r.department_id, r.team, r.person_id, r.ratio_percent, s]),
        });
    }
    json_copy(&copy)
}

/// Open cases whose step deadline passed and that got no reminder yet.
pub fn overdue_unreminded(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> DbResult<Vec<ComplaintRow>> {
    Ok(complaints::table
        .filter(complaints::reminded_at.is_null().and(complaints::state.ne(State::Closed)).and(complaints::step_due_at.lt(now)))
        .order(complaints::step_due_at)
        .limit(limit)
        .select(ComplaintRow::as_select())
        .load(conn)?)
}

/// Claims the reminder of one overdue step; only one claimant wins.
pub fn claim_reminder(conn: &mut DbConn, id: i64, step_entered_at: NaiveDateTime, now: NaiveDateTime) -> DbResult<bool> {
    let n = diesel::update(
        complaints::table.filter(complaints::id.eq(id).and(complaints::reminded_at.is_null()).and(complaints::step_entered_at.eq(step_entered_at))),
    )
    .set(complaints::reminded_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}

/// Open cases of these customers handled by another sales department than `department_id`.
pub fn open_of_customers_elsewhere(conn: &mut DbConn, customer_ids: &[i64], department_id: i64) -> DbResult<Vec<ComplaintRow>> {
    Ok(complaints::table
        .filter(complaints::customer_id.eq_any(customer_ids))
        .filter(complaints::state.ne(State::Closed))
        .filter(complaints::sales_department_id.ne(department_id))
        .order(complaints::id)
        .select(ComplaintRow::as_select())
        .load(conn)?)
}

/// Open cases of these customers.
pub fn open_of_customers(conn: &mut DbConn, customer_ids: &[i64]) -> DbResult<Vec<ComplaintRow>> {
    Ok(complaints::table
        .filter(complaints::customer_id.eq_any(customer_ids))
        .filter(complaints::state.ne(State::Closed))
        .order(complaints::id)
        .select(ComplaintRow::as_select())
        .load(conn)?)
}

/// Complaints filed per customer since a day.
pub fn count_by_customer_since(conn: &mut DbConn, customer_ids: &[i64], since: chrono::NaiveDate) -> DbResult<std::collections::HashMap<i64, usize>> {
    let rows: Vec<i64> = crate::by_chunks(customer_ids, |ids| {
        Ok(complaints::table
            .filter(complaints::customer_id.eq_any(ids))
            .filter(complaints::created_at.ge(since.and_hms_opt(0, 0, 0).unwrap_or_default()))
            .select(complaints::customer_id)
            .load(conn)?)
    })?;
    let mut out = std::collections::HashMap::new();
    for id in rows {
        *out.entry(id).or_insert(0) += 1;
    }
    Ok(out)
}
