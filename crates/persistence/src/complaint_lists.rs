//! Complaint lists: what a caller may see, filters, keyset pages, free-text
//! search and the task inbox.

use crate::complaint_search::TextMatch;
use crate::db::{DbConn, MultiBackend};
use crate::error::DbResult;
use crate::schema::{complaints, customers};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use kehu_domain::deadline::Market;
use kehu_domain::intake::{ComplaintKind, Severity};
use kehu_domain::{Closure, State};

/// Which complaints a caller may list: `permission::can_see` as a filter
/// (`kehu_domain::permission::ListVisibility`).
pub struct ComplaintScope {
    pub user_id: i64,
    pub department_id: i64,
    pub visibility: kehu_domain::permission::ListVisibility,
}

#[derive(Default)]
pub struct ComplaintFilter {
    pub states: Vec<State>,
    pub customer_id: Option<i64>,
    pub sales_department_id: Option<i64>,
    pub severity: Option<Severity>,
    pub kind: Option<ComplaintKind>,
    pub is_major: Option<bool>,
    pub overdue_at: Option<NaiveDateTime>,
    pub created_from: Option<NaiveDateTime>,
    pub created_to: Option<NaiveDateTime>,
    pub registered_from: Option<NaiveDateTime>,
    pub registered_to: Option<NaiveDateTime>,
    pub number: Option<String>,
    pub q: Option<String>,
    pub countermeasure_department_id: Option<i64>,
    /// Filed by this person (我发起的).
    pub created_by: Option<i64>,
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
    pub state: State,
    pub closure: Option<Closure>,
    pub version: i64,
    pub customer_id: i64,
    pub sales_department_id: i64,
    pub product_number: Option<String>,
    pub description: Option<String>,
    pub market: Market,
    pub severity: Option<Severity>,
    pub kind: Option<ComplaintKind>,
    pub is_major: bool,
    pub settlement_total_fen: Option<i64>,
    pub claim_amount_fen: Option<i64>,
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

pub(crate) type Boxed<'a, ST> =
    diesel::internal::table_macro::BoxedSelectStatement<'a, ST, diesel::internal::table_macro::FromClause<complaints::table>, MultiBackend>;

pub(crate) fn visible<'a, ST: 'a>(q: Boxed<'a, ST>, scope: &ComplaintScope) -> Boxed<'a, ST> {
    use complaints::{created_by, registered_at, sales_department_id, state};
    let v = &scope.visibility;
    let mut cond: Box<dyn BoxableExpression<complaints::table, MultiBackend, SqlType = diesel::sql_types::Bool>> = Box::new(created_by.eq(scope.user_id));
    if v.sales {
        let own = customers::table.filter(customers::owner_id.eq(scope.user_id)).select(customers::id);
        cond = Box::new(cond.or(sales_department_id.eq(scope.department_id).or(complaints::customer_id.eq_any(own))));
    }
    if v.awaiting_registration {
        cond = Box::new(cond.or(state.eq(State::AwaitingRegistration)));
    }
    if v.registered {
        cond = Box::new(cond.or(state.ne(State::AwaitingRegistration).and(state.ne(State::Draft).or(registered_at.is_not_null()))));
    }
    q.filter(cond)
}

/// Is the page one state in creation order? Then it is read from the (org,
/// state, created_at, id) index, with the state as a one-value range that
/// leads the sort key, so no other index yields that order without a sort.
/// As `state = 'closed'` PostgreSQL costs this walk and the (org, created_at)
/// one alike (486.6 against 486.5 on the million-case bench): it cannot see
/// that the newest cases are seldom closed, and walked 4,871 open ones to
/// find a page of closed ones (7.7 ms; this way 1.3 ms).
fn state_leads(f: &ComplaintFilter, sort: &Sort) -> bool {
    f.states.len() == 1 && sort.key == SortKey::CreatedAt
}

pub(crate) fn apply_filter<'a, ST: 'a>(mut q: Boxed<'a, ST>, f: &'a ComplaintFilter, state_leads: bool) -> Boxed<'a, ST> {
    // One state as `=` at least: `= ANY('{closed}')` PostgreSQL cannot read
    // from the (org, state, created) index in page order.
    match f.states.as_slice() {
        [] => {}
        [one] if state_leads => q = q.filter(complaints::state.ge(one).and(complaints::state.le(one))),
        [one] => q = q.filter(complaints::state.eq(one)),
        many => q = q.filter(complaints::state.eq_any(many)),
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
        q = q.filter(complaints::step_due_at.lt(now).and(complaints::state.ne(State::Closed)));
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
    if let Some(u) = f.created_by {
        q = q.filter(complaints::created_by.eq(u));
    }
    q
}

/// How many complaints the caller may see match `filter` (the text search
/// by the search index).
pub fn count(conn: &mut DbConn, org_id: i64, scope: &ComplaintScope, filter: &ComplaintFilter) -> DbResult<i64> {
    let q = complaints::table.filter(complaints::org_id.eq(org_id)).select(diesel::dsl::count_star()).into_boxed();
    let q = apply_filter(visible(q, scope), filter, false);
    let q = match filter.q.as_deref().map(kehu_domain::customer::search_query).filter(|t| !t.is_empty()) {
        Some(text) => q.filter(TextMatch::indexed(conn.backend(), &text)),
        None => q,
    };
    Ok(q.first(conn)?)
}

type SummarySql = (diesel::dsl::AsSelect<SummaryRow, MultiBackend>, diesel::sql_types::Nullable<diesel::sql_types::Text>);

fn base<'a>(org_id: i64, scope: &ComplaintScope) -> Boxed<'a, SummarySql> {
    let q = complaints::table.filter(complaints::org_id.eq(org_id)).select((SummaryRow::as_select(), CustomerName)).into_boxed();
    visible(q, scope)
}

/// Visibility, filters and the keyset: the page without its text search.
pub(crate) fn filtered<'a, ST: 'a>(
    q: Boxed<'a, ST>,
    scope: &ComplaintScope,
    filter: &'a ComplaintFilter,
    sort: &Sort,
    after: Option<(CursorValue, i64)>,
) -> Boxed<'a, ST> {
    let leads = state_leads(filter, sort);
    let q = apply_filter(visible(q, scope), filter, leads);
    ordered(q, sort, after, leads)
}

fn ordered<'a, ST: 'a>(q: Boxed<'a, ST>, sort: &Sort, after: Option<(CursorValue, i64)>, state_leads: bool) -> Boxed<'a, ST> {
    match sort.key {
        SortKey::CreatedAt => keyset_time(q, complaints::created_at, sort.descending, after, state_leads),
        SortKey::UpdatedAt => keyset_time(q, complaints::updated_at, sort.descending, after, false),
        SortKey::StepDueAt => keyset_nullable(q, sort.descending, after),
    }
}

/// How a text search picks its plan; `SearchTuning::DEFAULT` in service.
#[derive(Clone, Copy, Debug)]
pub struct SearchTuning {
    /// Candidates, in the page's order, probed first to gauge the term.
    pub probe: i64,
    /// Hits among them from which walking the candidates in order beats
    /// asking the search index.
    pub walk_from_hits: usize,
}

impl SearchTuning {
    /// Walking costs about 3 µs a candidate and stops after a page of hits;
    /// the index costs about 10 µs a match (each is re-read and sorted). They
    /// break even near one match in 250, so 4 hits in 1,000 probed choose the walk.
    pub const DEFAULT: SearchTuning = SearchTuning { probe: 1000, walk_from_hits: 4 };
}

/// One page of complaints in keyset order: `(sort column, id)` after `after`,
/// each with its customer's name.
///
/// No single plan suits every search term: a common term ("毛刺", one case
/// in eight) fills a page from the newest few hundred cases, where the index
/// would make a detour of a hundred thousand matches; a rare term or a number
/// is found at once by the index, where a walk would read the whole table. So
/// the first `probe` candidates are probed; if they fill the page, that is
/// the page; else their hit rate chooses between walking on and the index.
pub fn page(
    conn: &mut DbConn,
    org_id: i64,
    scope: &ComplaintScope,
    filter: &ComplaintFilter,
    sort: &Sort,
    after: Option<(CursorValue, i64)>,
    limit: i64,
) -> DbResult<Vec<(SummaryRow, Option<String>)>> {
    page_tuned(conn, org_id, scope, filter, sort, after, limit, SearchTuning::DEFAULT)
}

#[allow(clippy::too_many_arguments)]
pub fn page_tuned(
    conn: &mut DbConn,
    org_id: i64,
    scope: &ComplaintScope,
    filter: &ComplaintFilter,
    sort: &Sort,
    after: Option<(CursorValue, i64)>,
    limit: i64,
    tuning: SearchTuning,
) -> DbResult<Vec<(SummaryRow, Option<String>)>> {
    let org = complaints::table.filter(complaints::org_id.eq(org_id));
    let summaries = || org.select((SummaryRow::as_select(), CustomerName)).into_boxed();
    let folded = filter.q.as_deref().map(kehu_domain::customer::search_query).filter(|t| !t.is_empty());
    let Some(text) = folded else {
        return Ok(filtered(summaries(), scope, filter, sort, after).limit(limit).load(conn)?);
    };
    let candidates: Vec<i64> = filtered(org.select(complaints::id).into_boxed(), scope, filter, sort, after.clone()).limit(tuning.probe).load(conn)?;
    let hits = crate::complaint_search::matching(conn, &candidates, &text)?;
    let first: Vec<i64> = candidates.iter().copied().filter(|id| hits.contains(id)).take(limit as usize).collect();
    // Exact when the page is full or the probe held every candidate.
    if first.len() as i64 >= limit || (candidates.len() as i64) < tuning.probe {
        return Ok(ordered(summaries().filter(complaints::id.eq_any(&first)), sort, None, false).load(conn)?);
    }
    let how = if hits.len() >= tuning.walk_from_hits { TextMatch::scan(&text) } else { TextMatch::indexed(conn.backend(), &text) };
    Ok(filtered(summaries(), scope, filter, sort, after).filter(how).limit(limit).load(conn)?)
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
    type Cond = Box<dyn BoxableExpression<complaints::table, MultiBackend, SqlType = diesel::sql_types::Bool>>;
    let (me, dept) = (scope.user_id, scope.department_id);
    let mut any: Option<Cond> = None;
    for c in clauses {
        let states: Vec<kehu_domain::State> = c.states.clone();
        let cond: Cond = match &c.scope {
            StepScope::Any => Box::new(state.eq_any(states)),
            StepScope::CaseSales => {
                let own = customers::table.filter(customers::owner_id.eq(me)).select(customers::id);
                Box::new(state.eq_any(states).and(sales_department_id.eq(dept).or(complaints::customer_id.eq_any(own))))
            }
            StepScope::SalesDepartment => Box::new(state.eq_any(states).and(sales_department_id.eq(dept))),
            StepScope::Unit => Box::new(state.eq_any(states).and(countermeasure_department_id.assume_not_null().eq(dept))),
            StepScope::RoutedTo { role, own_department } => {
                let routed =
                    state.eq_any(states).and(approver_role.assume_not_null().eq(*role)).and(proposed_by.is_null().or(proposed_by.assume_not_null().ne(me)));
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
    let q = keyset_nullable(base(org_id, scope).filter(any).filter(state.ne(State::Closed)), false, None);
    Ok(q.limit(limit).load(conn)?)
}

fn keyset_time<'a, C, ST: 'a>(q: Boxed<'a, ST>, col: C, desc: bool, after: Option<(CursorValue, i64)>, state_leads: bool) -> Boxed<'a, ST>
where
    C: Column<Table = complaints::table, SqlType = diesel::sql_types::Timestamp>
        + ExpressionMethods
        + diesel::expression::AppearsOnTable<complaints::table>
        + diesel::query_builder::QueryFragment<MultiBackend>
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
    match (desc, state_leads) {
        (true, true) => q.order((complaints::state.desc(), col.desc(), complaints::id.desc())),
        (true, false) => q.order((col.desc(), complaints::id.desc())),
        (false, true) => q.order((complaints::state.asc(), col.asc(), complaints::id.asc())),
        (false, false) => q.order((col.asc(), complaints::id.asc())),
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
