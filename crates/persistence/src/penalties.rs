//! The monthly penalty runs and their items; what they charge and the
//! bonus ledger are in [`crate::penalty_ledger`].

pub use crate::penalty_ledger::{carried_into, charges, charges_of_items, insert_charges, insert_ledger, ledger, ChargeRow, LedgerRow};

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{complaint_responsibilities as cr, complaints, pay_basis as pb, penalty_items as pi, penalty_runs as pr, users};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use kehu_domain::penalty::flow::{ItemKind, ItemState, RunState};
use kehu_domain::penalty::SanctionKind;
use kehu_domain::State;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = pr)]
pub struct RunRow {
    pub id: i64,
    pub org_id: i64,
    pub month: String,
    pub state: RunState,
    pub policy_version: i64,
    pub policy: String,
    pub comment: Option<String>,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
    pub approved_by: Option<i64>,
    pub approved_at: Option<NaiveDateTime>,
    pub published_by: Option<i64>,
    pub published_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    pub version: i64,
}

#[derive(Insertable)]
#[diesel(table_name = pr)]
pub struct NewRun<'a> {
    pub org_id: i64,
    pub month: &'a str,
    pub state: RunState,
    pub policy_version: i64,
    pub policy: &'a str,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// None when the month has a run already.
pub fn insert_run(conn: &mut DbConn, new: &NewRun) -> DbResult<Option<RunRow>> {
    match diesel::insert_into(pr::table).values(new).returning(pr::all_columns).get_result(conn) {
        Ok(row) => Ok(Some(row)),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

pub fn run(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Option<RunRow>> {
    Ok(pr::table.filter(pr::org_id.eq(org_id).and(pr::id.eq(id))).select(RunRow::as_select()).first(conn).optional()?)
}

pub fn run_of_month(conn: &mut DbConn, org_id: i64, month: &str) -> DbResult<Option<RunRow>> {
    Ok(pr::table.filter(pr::org_id.eq(org_id).and(pr::month.eq(month))).select(RunRow::as_select()).first(conn).optional()?)
}

/// The runs, newest month first.
pub fn runs(conn: &mut DbConn, org_id: i64) -> DbResult<Vec<RunRow>> {
    Ok(pr::table.filter(pr::org_id.eq(org_id)).order(pr::month.desc()).limit(120).select(RunRow::as_select()).load(conn)?)
}

/// Whether a later month's run was approved already.
pub fn approved_after(conn: &mut DbConn, org_id: i64, month: &str) -> DbResult<bool> {
    let n: i64 = pr::table
        .filter(pr::org_id.eq(org_id).and(pr::month.gt(month)).and(pr::state.eq_any([RunState::Approved, RunState::Published])))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub struct RunMove<'a> {
    pub state: RunState,
    pub comment: Option<&'a str>,
    pub by: i64,
    pub at: NaiveDateTime,
}

/// Moves the run on if it is still at `version`.
pub fn move_run(conn: &mut DbConn, id: i64, version: i64, m: &RunMove) -> DbResult<Option<RunRow>> {
    let approved = (m.state == RunState::Approved).then_some((m.by, m.at));
    let published = (m.state == RunState::Published).then_some((m.by, m.at));
    Ok(diesel::update(pr::table.filter(pr::id.eq(id).and(pr::version.eq(version))))
        .set((
            pr::state.eq(m.state),
            m.comment.map(|c| pr::comment.eq(c.to_owned())),
            approved.map(|(by, at)| (pr::approved_by.eq(by), pr::approved_at.eq(at))),
            published.map(|(by, at)| (pr::published_by.eq(by), pr::published_at.eq(at))),
            pr::updated_at.eq(m.at),
            pr::version.eq(pr::version + 1),
        ))
        .returning(pr::all_columns)
        .get_result(conn)
        .optional()?)
}

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = pi)]
pub struct ItemRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub run_id: i64,
    pub complaint_id: i64,
    pub kind: ItemKind,
    pub share_id: Option<i64>,
    pub department_id: i64,
    pub team_id: Option<i64>,
    pub person_id: Option<i64>,
    pub ratio_percent: i32,
    pub loss_fen: i64,
    pub burden_fen: i64,
    pub sanction: Option<SanctionKind>,
    pub sanction_count: Option<i32>,
    pub state: ItemState,
    pub dispute_reason: Option<String>,
    pub decision: Option<String>,
    pub deferred_to: Option<String>,
    pub decided_by: Option<i64>,
    pub decided_at: Option<NaiveDateTime>,
    #[diesel(skip_insertion)]
    pub version: i64,
}

pub fn insert_items(conn: &mut DbConn, items: &[ItemRow]) -> DbResult<usize> {
    let mut n = 0;
    for item in items {
        n += diesel::insert_into(pi::table).values(item).execute(conn)?;
    }
    Ok(n)
}

/// A run's items, by department and case; one department's when given.
pub fn items(conn: &mut DbConn, run_id: i64, department_id: Option<i64>) -> DbResult<Vec<ItemRow>> {
    let mut q = pi::table.filter(pi::run_id.eq(run_id)).into_boxed();
    if let Some(d) = department_id {
        q = q.filter(pi::department_id.eq(d));
    }
    Ok(q.order((pi::department_id, pi::complaint_id, pi::id)).select(ItemRow::as_select()).load(conn)?)
}

/// Which of a run's items: one department's, one person's, in one state, after an id.
#[derive(Clone, Copy, Debug, Default)]
pub struct ItemFilter {
    pub department_id: Option<i64>,
    pub person_id: Option<i64>,
    pub state: Option<ItemState>,
    pub after: i64,
}

fn filtered(run_id: i64, f: ItemFilter) -> pi::BoxedQuery<'static, crate::db::MultiBackend> {
    let mut q = pi::table.filter(pi::run_id.eq(run_id).and(pi::id.gt(f.after))).into_boxed();
    if let Some(d) = f.department_id {
        q = q.filter(pi::department_id.eq(d));
    }
    if let Some(p) = f.person_id {
        q = q.filter(pi::person_id.eq(p));
    }
    if let Some(s) = f.state {
        q = q.filter(pi::state.eq(s));
    }
    q
}

/// A page of a run's items by id.
pub fn item_page(conn: &mut DbConn, run_id: i64, f: ItemFilter, limit: i64) -> DbResult<Vec<ItemRow>> {
    Ok(filtered(run_id, f).order(pi::id).limit(limit).select(ItemRow::as_select()).load(conn)?)
}

/// How many of the filtered items are in each state.
pub fn item_counts(conn: &mut DbConn, run_id: i64, f: ItemFilter) -> DbResult<Vec<(ItemState, i64)>> {
    let states: Vec<ItemState> = filtered(run_id, ItemFilter { state: None, after: 0, ..f }).select(pi::state).load(conn)?;
    Ok(ItemState::ALL.iter().map(|s| (*s, states.iter().filter(|x| *x == s).count() as i64)).collect())
}

pub fn item(conn: &mut DbConn, run_id: i64, id: i64) -> DbResult<Option<ItemRow>> {
    Ok(pi::table.filter(pi::run_id.eq(run_id).and(pi::id.eq(id))).select(ItemRow::as_select()).first(conn).optional()?)
}

/// How many of the run's items still wait for a head or the coordinator.
pub fn open_items(conn: &mut DbConn, run_id: i64) -> DbResult<usize> {
    let n: i64 = pi::table.filter(pi::run_id.eq(run_id).and(pi::state.eq_any([ItemState::Pending, ItemState::Disputed]))).count().get_result(conn)?;
    Ok(n as usize)
}

#[derive(Clone, Copy, Debug)]
pub struct Ratio {
    pub ratio_percent: i32,
    pub burden_fen: i64,
    pub sanction: Option<SanctionKind>,
    pub sanction_count: Option<i32>,
}

#[derive(Clone)]
pub struct ItemMove<'a> {
    pub state: ItemState,
    pub dispute_reason: Option<&'a str>,
    pub decision: Option<&'a str>,
    pub deferred_to: Option<&'a str>,
    /// New ratio, burden and sanction (a settled dispute).
    pub ratio: Option<Ratio>,
    pub by: i64,
    pub at: NaiveDateTime,
}

pub fn move_item(conn: &mut DbConn, id: i64, version: i64, m: &ItemMove) -> DbResult<Option<ItemRow>> {
    Ok(diesel::update(pi::table.filter(pi::id.eq(id).and(pi::version.eq(version))))
        .set((
            pi::state.eq(m.state),
            m.dispute_reason.map(|r| pi::dispute_reason.eq(r.to_owned())),
            m.decision.map(|r| pi::decision.eq(r.to_owned())),
            m.deferred_to.map(|r| pi::deferred_to.eq(r.to_owned())),
            m.ratio.map(|r| {
                (pi::ratio_percent.eq(r.ratio_percent), pi::burden_fen.eq(r.burden_fen), pi::sanction.eq(r.sanction), pi::sanction_count.eq(r.sanction_count))
            }),
            pi::decided_by.eq(m.by),
            pi::decided_at.eq(m.at),
            pi::version.eq(pi::version + 1),
        ))
        .returning(pi::all_columns)
        .get_result(conn)
        .optional()?)
}

/// Each case's number, if it has one.
pub type Numbers = Vec<(i64, Option<String>)>;

/// Complaint numbers, and which of the cases are marked pure negligence (纯属人为疏忽).
pub fn case_facts(conn: &mut DbConn, ids: &[i64]) -> DbResult<(Numbers, Vec<i64>)> {
    use crate::schema::case_marks as cm;
    let mut numbers = Vec::new();
    let mut negligent = Vec::new();
    for chunk in ids.chunks(500) {
        numbers
            .extend(complaints::table.filter(complaints::id.eq_any(chunk)).select((complaints::id, complaints::number)).load::<(i64, Option<String>)>(conn)?);
        negligent.extend(cm::table.filter(cm::complaint_id.eq_any(chunk).and(cm::negligence_reason.is_not_null())).select(cm::complaint_id).load::<i64>(conn)?);
    }
    Ok((numbers, negligent))
}

/// Shares of the org's runs held back to be charged in `month`.
pub fn deferred_to(conn: &mut DbConn, org_id: i64, month: &str) -> DbResult<Vec<ItemRow>> {
    Ok(pi::table
        .inner_join(pr::table)
        .filter(pr::org_id.eq(org_id).and(pi::deferred_to.eq(month)).and(pi::state.eq(ItemState::Deferred)))
        .select(ItemRow::as_select())
        .load(conn)?)
}

/// A responsible share of a case closed in the period, with the case's loss.
#[derive(Queryable, Clone, Debug)]
pub struct ClosedShare {
    pub complaint_id: i64,
    pub share_id: i64,
    pub department_id: i64,
    pub team: Option<String>,
    pub person_id: Option<i64>,
    pub ratio_percent: i32,
    pub loss_fen: Option<i64>,
}

pub fn closed_shares(conn: &mut DbConn, org_id: i64, from: NaiveDateTime, to: NaiveDateTime) -> DbResult<Vec<ClosedShare>> {
    Ok(cr::table
        .inner_join(complaints::table.on(complaints::id.eq(cr::complaint_id)))
        .filter(complaints::org_id.eq(org_id).and(complaints::state.eq(State::Closed)))
        .filter(complaints::closed_at.ge(from).and(complaints::closed_at.lt(to)))
        .order((cr::complaint_id, cr::id))
        .select((cr::complaint_id, cr::id, cr::department_id, cr::team, cr::person_id, cr::ratio_percent, complaints::loss_total_fen))
        .load(conn)?)
}

/// A registered case still open at `at` past its whole-case deadline.
#[derive(Queryable, Clone, Debug)]
pub struct LateCase {
    pub complaint_id: i64,
    pub state: State,
    pub sales_department_id: i64,
    pub countermeasure_department_id: Option<i64>,
    pub case_due_at: Option<NaiveDateTime>,
}

pub fn late_cases(conn: &mut DbConn, org_id: i64, at: NaiveDateTime) -> DbResult<Vec<LateCase>> {
    Ok(complaints::table
        .filter(complaints::org_id.eq(org_id).and(complaints::registered_at.is_not_null()).and(complaints::closed_at.is_null()))
        .filter(complaints::state.ne_all([State::Closed, State::Draft]))
        .filter(complaints::case_due_at.lt(at))
        .order(complaints::id)
        .select((complaints::id, complaints::state, complaints::sales_department_id, complaints::countermeasure_department_id, complaints::case_due_at))
        .load(conn)?)
}

/// People with a basis: (user, points, bonus fen), of a team or of a department.
pub fn members(conn: &mut DbConn, team_id: Option<i64>, department_id: Option<i64>, user_ids: Option<&[i64]>) -> DbResult<Vec<(i64, i64, i64)>> {
    let mut q = pb::table.inner_join(users::table.on(users::id.eq(pb::user_id))).filter(users::active.eq(true)).into_boxed();
    if let Some(t) = team_id {
        q = q.filter(pb::team_id.eq(t));
    }
    if let Some(d) = department_id {
        q = q.filter(users::department_id.eq(d));
    }
    if let Some(ids) = user_ids {
        q = q.filter(users::id.eq_any(ids.to_vec()));
    }
    Ok(q.order(users::id).select((users::id, pb::base_points, pb::monthly_bonus_fen)).load(conn)?)
}

/// Dates a closed case's close (demo data: a run charges the months that are over).
pub fn set_closed_at(conn: &mut DbConn, complaint_id: i64, at: NaiveDateTime) -> DbResult<()> {
    diesel::update(complaints::table.filter(complaints::id.eq(complaint_id).and(complaints::state.eq(State::Closed))))
        .set(complaints::closed_at.eq(at))
        .execute(conn)?;
    Ok(())
}
