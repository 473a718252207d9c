//! Complaint rows, their lines and responsibilities, and the list query.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{complaint_responsibilities, complaints, customers, resolution_lines};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = complaints)]
pub struct ComplaintRow {
    pub id: i64,
    pub org_id: i64,
    pub number: Option<String>,
    pub state: String,
    pub closure: Option<String>,
    pub version: i64,
    pub customer_id: i64,
    pub sales_department_id: i64,
    pub created_by: i64,
    pub market: String,
    pub order_number: Option<String>,
    pub product_number: Option<String>,
    pub product_spec: Option<String>,
    pub ship_date: Option<NaiveDate>,
    pub quantity_shipped: Option<i64>,
    pub defective_quantity: Option<i64>,
    pub found_at: Option<String>,
    pub description: Option<String>,
    pub requests: String,
    pub request_quantity_undetermined: bool,
    pub claim_amount_fen: Option<i64>,
    pub channel: Option<String>,
    pub has_sample: bool,
    pub sample_return_required: bool,
    pub severity: Option<String>,
    pub kind: Option<String>,
    pub non_quality_cause: Option<String>,
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
    pub approver_role: Option<String>,
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
    pub requests: String,
    pub request_quantity_undetermined: bool,
    pub claim_amount_fen: Option<i64>,
    pub channel: Option<String>,
    pub has_sample: bool,
    pub sample_return_required: bool,
}

#[derive(Insertable)]
#[diesel(table_name = complaints)]
pub struct NewComplaint {
    pub org_id: i64,
    pub state: String,
    pub customer_id: i64,
    pub sales_department_id: i64,
    pub created_by: i64,
    pub market: String,
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
    pub state: Option<String>,
    pub closure: Option<Option<String>>,
    pub number: Option<Option<String>>,
    pub market: Option<String>,
    pub customer_id: Option<i64>,
    pub severity: Option<Option<String>>,
    pub kind: Option<Option<String>>,
    pub non_quality_cause: Option<Option<String>>,
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
    pub approver_role: Option<Option<String>>,
    pub approval_policy_version: Option<Option<i64>>,
    pub approved_by: Option<Option<i64>>,
    pub approved_at: Option<Option<NaiveDateTime>>,
    pub approval_comment: Option<Option<String>>,
    pub outcome: Option<Option<String>>,
    pub closed_at: Option<Option<NaiveDateTime>>,
    pub first_closure: Option<Option<bool>>,
    pub sales_department_id: Option<i64>,
}

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = resolution_lines)]
pub struct LineRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub complaint_id: i64,
    pub position: i32,
    pub kind: String,
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
    let row = diesel::update(target)
        .set((changes, complaints::version.eq(complaints::version + 1), complaints::updated_at.eq(now)))
        .returning(complaints::all_columns)
        .get_result::<ComplaintRow>(conn)
        .optional()?;
    if let Some(r) = row.as_ref().filter(|_| changes.number.is_some() || changes.customer_id.is_some()) {
        crate::complaint_search::write(conn, r)?;
    }
    Ok(row)
}

pub fn update_intake(
    conn: &mut DbConn,
    id: i64,
    version: i64,
    intake: &IntakeRow,
    customer_id: i64,
    market: &str,
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

pub fn replace_lines(conn: &mut DbConn, complaint_id: i64, rows: &[LineRow]) -> DbResult<()> {
    diesel::delete(resolution_lines::table.filter(resolution_lines::complaint_id.eq(complaint_id))).execute(conn)?;
    for r in rows {
        diesel::insert_into(resolution_lines::table).values(r).execute(conn)?;
    }
    Ok(())
}

pub fn responsibilities(conn: &mut DbConn, complaint_id: i64) -> DbResult<Vec<ResponsibilityRow>> {
    Ok(complaint_responsibilities::table
        .filter(complaint_responsibilities::complaint_id.eq(complaint_id))
        .order(complaint_responsibilities::id)
        .select(ResponsibilityRow::as_select())
        .load(conn)?)
}

pub fn replace_responsibilities(conn: &mut DbConn, complaint_id: i64, rows: &[ResponsibilityRow]) -> DbResult<()> {
    diesel::delete(complaint_responsibilities::table.filter(complaint_responsibilities::complaint_id.eq(complaint_id))).execute(conn)?;
    for r in rows {
        diesel::insert_into(complaint_responsibilities::table).values(r).execute(conn)?;
    }
    Ok(())
}

/// Which complaints a caller may list: `permission::can_see` as a filter
/// (`kehu_domain::permission::ListVisibility`).
pub struct ComplaintScope {
    pub user_id: i64,
    pub department_id: i64,
    pub visibility: kehu_domain::permission::ListVisibility,
}

#[derive(Default)]
pub struct ComplaintFilter {
    pub states: Vec<String>,
    pub customer_id: Option<i64>,
    pub sales_department_id: Option<i64>,
    pub severity: Option<String>,
    pub kind: Option<String>,
    pub is_major: Option<bool>,
    pub overdue_at: Option<NaiveDateTime>,
    pub created_from: Option<NaiveDateTime>,
    pub created_to: Option<NaiveDateTime>,
    pub registered_from: Option<NaiveDateTime>,
    pub registered_to: Option<NaiveDateTime>,
    pub number: Option<String>,
    pub q: Option<String>,
    pub countermeasure_department_id: Option<i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    CreatedAt,
    UpdatedAt,
    StepDueAt,
}

#[derive(Clone, Debug)]
pub enum CursorValue {
    Time(NaiveDateTime),
    /// Rows whose sort column is empty sort last.
    Null,
}

pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// The columns a list row shows.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = complaints)]
pub struct SummaryRow {
    pub id: i64,
    pub number: Option<String>,
    pub state: String,
    pub closure: Option<String>,
    pub version: i64,
    pub customer_id: i64,
    pub sales_department_id: i64,
    pub product_number: Option<String>,
    pub description: Option<String>,
    pub market: String,
    pub severity: Option<String>,
    pub kind: Option<String>,
    pub is_major: bool,
    pub settlement_total_fen: Option<i64>,
    pub step_entered_at: NaiveDateTime,
    pub step_due_at: Option<NaiveDateTime>,
    pub case_due_at: Option<NaiveDateTime>,
    pub registered_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::complaint_reads::fixed_sql!(CustomerName: diesel::sql_types::Nullable<diesel::sql_types::Text> =
    "(SELECT cu.name FROM customers cu WHERE cu.id = complaints.customer_id)");

// Both databases know NULLS LAST (SQLite since 3.30); diesel offers it for
// PostgreSQL only. Ascending, it is the open-cases index's own order.
crate::complaint_reads::fixed_sql!(DueAscNullsLast: diesel::sql_types::Nullable<diesel::sql_types::Timestamp> =
    "complaints.step_due_at ASC NULLS LAST, complaints.id ASC");
crate::complaint_reads::fixed_sql!(DueDescNullsLast: diesel::sql_types::Nullable<diesel::sql_types::Timestamp> =
    "complaints.step_due_at DESC NULLS LAST, complaints.id DESC");

type Boxed<'a, ST> =
    diesel::internal::table_macro::BoxedSelectStatement<'a, ST, diesel::internal::table_macro::FromClause<complaints::table>, crate::db::MultiBackend>;

fn visible<'a, ST: 'a>(q: Boxed<'a, ST>, scope: &ComplaintScope) -> Boxed<'a, ST> {
    use complaints::{created_by, registered_at, sales_department_id, state};
    let v = &scope.visibility;
    let mut cond: Box<dyn BoxableExpression<complaints::table, crate::db::MultiBackend, SqlType = diesel::sql_types::Bool>> =
        Box::new(created_by.eq(scope.user_id));
    if v.sales {
        let own = customers::table.filter(customers::owner_id.eq(scope.user_id)).select(customers::id);
        cond = Box::new(cond.or(sales_department_id.eq(scope.department_id).or(complaints::customer_id.eq_any(own))));
    }
    if v.awaiting_registration {
        cond = Box::new(cond.or(state.eq("awaiting_registration")));
    }
    if v.registered {
        cond = Box::new(cond.or(state.ne("awaiting_registration").and(state.ne("draft").or(registered_at.is_not_null()))));
    }
    q.filter(cond)
}

fn apply_filter<'a, ST: 'a>(mut q: Boxed<'a, ST>, f: &'a ComplaintFilter, backend: crate::db::Backend) -> Boxed<'a, ST> {
    if !f.states.is_empty() {
        q = q.filter(complaints::state.eq_any(&f.states));
    }
    if let Some(v) = f.customer_id {
        q = q.filter(complaints::customer_id.eq(v));
    }
    if let Some(v) = f.sales_department_id {
        q = q.filter(complaints::sales_department_id.eq(v));
    }
    if let Some(v) = &f.severity {
        q = q.filter(complaints::severity.eq(v));
    }
    if let Some(v) = &f.kind {
        q = q.filter(complaints::kind.eq(v));
    }
    if let Some(v) = f.is_major {
        q = q.filter(complaints::is_major.eq(v));
    }
    if let Some(now) = f.overdue_at {
        q = q.filter(complaints::step_due_at.lt(now).and(complaints::state.ne("closed")));
    }
    if let Some(v) = f.created_from {
        q = q.filter(complaints::created_at.ge(v));
    }
    if let Some(v) = f.created_to {
        q = q.filter(complaints::created_at.lt(v));
    }
    if let Some(v) = f.registered_from {
        q = q.filter(complaints::registered_at.ge(v));
    }
    if let Some(v) = f.registered_to {
        q = q.filter(complaints::registered_at.lt(v));
    }
    if let Some(v) = &f.number {
        q = q.filter(complaints::number.eq(v));
    }
    if let Some(d) = f.countermeasure_department_id {
        q = q.filter(complaints::countermeasure_department_id.eq(d));
    }
    if let Some(text) = &f.q {
        let folded = kehu_domain::customer::search_query(text);
        if !folded.is_empty() {
            q = q.filter(crate::complaint_search::TextMatch::new(backend, &folded));
        }
    }
    q
}

fn base<'a>(
    org_id: i64,
    scope: &ComplaintScope,
) -> Boxed<'a, (diesel::dsl::AsSelect<SummaryRow, crate::db::MultiBackend>, diesel::sql_types::Nullable<diesel::sql_types::Text>)> {
    let q = complaints::table.filter(complaints::org_id.eq(org_id)).select((SummaryRow::as_select(), CustomerName)).into_boxed();
    visible(q, scope)
}

/// One page of complaints in keyset order: `(sort column, id)` after `after`,
/// each with its customer's name.
pub fn page(
    conn: &mut DbConn,
    org_id: i64,
    scope: &ComplaintScope,
    filter: &ComplaintFilter,
    sort: &Sort,
    after: Option<(CursorValue, i64)>,
    limit: i64,
) -> DbResult<Vec<(SummaryRow, Option<String>)>> {
    let mut q = apply_filter(base(org_id, scope), filter, conn.backend());
    q = match sort.key {
        SortKey::CreatedAt => keyset_time(q, complaints::created_at, sort.descending, after),
        SortKey::UpdatedAt => keyset_time(q, complaints::updated_at, sort.descending, after),
        SortKey::StepDueAt => keyset_nullable(q, sort.descending, after),
    };
    Ok(q.limit(limit).load(conn)?)
}

/// The caller's task inbox: cases matching any of the clauses, soonest step
/// deadline first.
pub fn inbox(
    conn: &mut DbConn,
    org_id: i64,
    scope: &ComplaintScope,
    clauses: &[kehu_domain::inbox::InboxClause],
    limit: i64,
) -> DbResult<Vec<(SummaryRow, Option<String>)>> {
    use complaints::{approver_role, countermeasure_department_id, proposed_by, sales_department_id, state};
    use kehu_domain::inbox::StepScope;
    type Cond = Box<dyn BoxableExpression<complaints::table, crate::db::MultiBackend, SqlType = diesel::sql_types::Bool>>;
    let (me, dept) = (scope.user_id, scope.department_id);
    let mut any: Option<Cond> = None;
    for c in clauses {
        let states: Vec<String> = c.states.iter().map(|s| s.as_str().to_owned()).collect();
        let cond: Cond = match &c.scope {
            StepScope::Any => Box::new(state.eq_any(states)),
            StepScope::CaseSales => {
                let own = customers::table.filter(customers::owner_id.eq(me)).select(customers::id);
                Box::new(state.eq_any(states).and(sales_department_id.eq(dept).or(complaints::customer_id.eq_any(own))))
            }
            StepScope::Unit => Box::new(state.eq_any(states).and(countermeasure_department_id.assume_not_null().eq(dept))),
            StepScope::RoutedTo { role, own_department } => {
                let routed = state
                    .eq_any(states)
                    .and(approver_role.assume_not_null().eq(role.as_str()))
                    .and(proposed_by.is_null().or(proposed_by.assume_not_null().ne(me)));
                if *own_department {
                    Box::new(routed.and(sales_department_id.eq(dept)))
                } else {
                    Box::new(routed)
                }
            }
        };
        any = Some(match any {
            None => cond,
            Some(prev) => Box::new(prev.or(cond)),
        });
    }
    let Some(any) = any else {
        return Ok(Vec::new());
    };
    // Redundant with the clauses' states, but it lets PostgreSQL see that the
    // open-cases index covers the query.
    let q = keyset_nullable(base(org_id, scope).filter(any).filter(state.ne("closed")), false, None);
    Ok(q.limit(limit).load(conn)?)
}

fn keyset_time<'a, C, ST: 'a>(q: Boxed<'a, ST>, col: C, desc: bool, after: Option<(CursorValue, i64)>) -> Boxed<'a, ST>
where
    C: Column<Table = complaints::table, SqlType = diesel::sql_types::Timestamp>
        + ExpressionMethods
        + diesel::expression::AppearsOnTable<complaints::table>
        + diesel::query_builder::QueryFragment<crate::db::MultiBackend>
        + diesel::expression::ValidGrouping<(), IsAggregate = diesel::expression::is_aggregate::No>
        + Copy
        + Send
        + 'a,
{
    // `col <= t` first: a range the index can seek to, so a deep page costs
    // what the first one does (the OR alone makes the planner scan from the top).
    let q = match after {
        Some((CursorValue::Time(t), id)) if desc => q.filter(col.le(t).and(col.lt(t).or(complaints::id.lt(id)))),
        Some((CursorValue::Time(t), id)) => q.filter(col.ge(t).and(col.gt(t).or(complaints::id.gt(id)))),
        _ => q,
    };
    if desc {
        q.order((col.desc(), complaints::id.desc()))
    } else {
        q.order((col.asc(), complaints::id.asc()))
    }
}

/// Step deadline order; cases with no deadline (drafts, closed) come last.
fn keyset_nullable<'a, ST: 'a>(q: Boxed<'a, ST>, desc: bool, after: Option<(CursorValue, i64)>) -> Boxed<'a, ST> {
    use complaints::{id, step_due_at as due};
    let q = match (after, desc) {
        (Some((CursorValue::Time(t), i)), false) => q.filter(due.ge(t).and(due.gt(t).or(id.gt(i))).or(due.is_null())),
        (Some((CursorValue::Time(t), i)), true) => q.filter(due.le(t).and(due.lt(t).or(id.lt(i))).or(due.is_null())),
        (Some((CursorValue::Null, i)), false) => q.filter(due.is_null().and(id.gt(i))),
        (Some((CursorValue::Null, i)), true) => q.filter(due.is_null().and(id.lt(i))),
        (None, _) => q,
    };
    if desc {
        q.order(DueDescNullsLast)
    } else {
        q.order(DueAscNullsLast)
    }
}

/// Open cases whose step deadline passed and that got no reminder yet.
pub fn overdue_unreminded(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> DbResult<Vec<ComplaintRow>> {
    Ok(complaints::table
        .filter(complaints::reminded_at.is_null().and(complaints::state.ne("closed")).and(complaints::step_due_at.lt(now)))
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
        .filter(complaints::state.ne("closed"))
        .filter(complaints::sales_department_id.ne(department_id))
        .order(complaints::id)
        .select(ComplaintRow::as_select())
        .load(conn)?)
}

/// Open cases of these customers.
pub fn open_of_customers(conn: &mut DbConn, customer_ids: &[i64]) -> DbResult<Vec<ComplaintRow>> {
    Ok(complaints::table
        .filter(complaints::customer_id.eq_any(customer_ids))
        .filter(complaints::state.ne("closed"))
        .order(complaints::id)
        .select(ComplaintRow::as_select())
        .load(conn)?)
}

/// Complaints filed per customer since a day.
pub fn count_by_customer_since(conn: &mut DbConn, customer_ids: &[i64], since: chrono::NaiveDate) -> DbResult<std::collections::HashMap<i64, usize>> {
    let rows: Vec<i64> = complaints::table
        .filter(complaints::customer_id.eq_any(customer_ids))
        .filter(complaints::created_at.ge(since.and_hms_opt(0, 0, 0).unwrap_or_default()))
        .select(complaints::customer_id)
        .load(conn)?;
    let mut out = std::collections::HashMap::new();
    for id in rows {
        *out.entry(id).or_insert(0) += 1;
    }
    Ok(out)
}
