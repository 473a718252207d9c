//! Teams (班组), people's pay basis, and the log of reads of personal data.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{departments, pay_basis as pb, personal_data_reads as reads, teams, users};
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = teams)]
pub struct Team {
    pub id: i64,
    pub org_id: i64,
    pub department_id: i64,
    pub name: String,
    pub active: bool,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = teams)]
pub struct NewTeam<'a> {
    pub org_id: i64,
    pub department_id: i64,
    pub name: &'a str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The org's teams, by department and name; one department's when given.
pub fn teams(conn: &mut DbConn, org_id: i64, department_id: Option<i64>) -> DbResult<Vec<Team>> {
    let mut q = teams::table.filter(teams::org_id.eq(org_id)).into_boxed();
    if let Some(d) = department_id {
        q = q.filter(teams::department_id.eq(d));
    }
    Ok(q.order((teams::department_id, teams::name)).select(Team::as_select()).load(conn)?)
}

pub fn team(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Option<Team>> {
    Ok(teams::table.filter(teams::org_id.eq(org_id).and(teams::id.eq(id))).select(Team::as_select()).first(conn).optional()?)
}

pub fn team_by_name(conn: &mut DbConn, department_id: i64, name: &str) -> DbResult<Option<Team>> {
    Ok(teams::table.filter(teams::department_id.eq(department_id).and(teams::name.eq(name))).select(Team::as_select()).first(conn).optional()?)
}

/// None when the department has a team of that name already.
pub fn insert_team(conn: &mut DbConn, t: &NewTeam) -> DbResult<Option<Team>> {
    match diesel::insert_into(teams::table).values(t).returning(teams::all_columns).get_result(conn) {
        Ok(row) => Ok(Some(row)),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

pub fn set_team_active(conn: &mut DbConn, id: i64, version: i64, active: bool, now: NaiveDateTime) -> DbResult<Option<Team>> {
    Ok(diesel::update(teams::table.filter(teams::id.eq(id).and(teams::version.eq(version))))
        .set((teams::active.eq(active), teams::version.eq(teams::version + 1), teams::updated_at.eq(now)))
        .returning(teams::all_columns)
        .get_result(conn)
        .optional()?)
}

/// A person with his pay basis, when HR has set one.
#[derive(Queryable, Clone, Debug)]
pub struct BasisRow {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub department_id: i64,
    pub department_name: String,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    pub base_points: Option<i64>,
    pub monthly_bonus_fen: Option<i64>,
    pub version: Option<i64>,
    pub updated_at: Option<NaiveDateTime>,
}

#[derive(Default)]
pub struct BasisFilter<'a> {
    pub department_id: Option<i64>,
    /// Only this person (the caller who reads his own).
    pub user_id: Option<i64>,
    pub q: Option<&'a str>,
    /// Only people without a basis.
    pub missing: bool,
}

/// Active people of the org with their basis, by id after `after_id`.
pub fn bases(conn: &mut DbConn, org_id: i64, f: &BasisFilter, after_id: i64, limit: i64) -> DbResult<Vec<BasisRow>> {
    let mut q = users::table
        .inner_join(departments::table.on(departments::id.eq(users::department_id)))
        .left_join(pb::table.on(pb::user_id.eq(users::id)))
        .left_join(teams::table.on(teams::id.nullable().eq(pb::team_id)))
        .filter(users::org_id.eq(org_id).and(users::active.eq(true)).and(users::id.gt(after_id)))
        .into_boxed();
    if let Some(d) = f.department_id {
        q = q.filter(users::department_id.eq(d));
    }
    if let Some(u) = f.user_id {
        q = q.filter(users::id.eq(u));
    }
    if let Some(text) = f.q.filter(|t| !t.trim().is_empty()) {
        let like = format!("%{}%", crate::like_escape(text.trim()));
        q = q.filter(users::display_name.like(like.clone()).escape('\\').or(users::username.like(like).escape('\\')));
    }
    if f.missing {
        q = q.filter(pb::user_id.is_null());
    }
    Ok(q.order(users::id)
        .limit(limit)
        .select((
            users::id,
            users::username,
            users::display_name,
            users::department_id,
            departments::name,
            pb::team_id.nullable(),
            teams::name.nullable(),
            pb::base_points.nullable(),
            pb::monthly_bonus_fen.nullable(),
            pb::version.nullable(),
            pb::updated_at.nullable(),
        ))
        .load(conn)?)
}

pub struct SetBasis {
    pub org_id: i64,
    pub user_id: i64,
    pub team_id: Option<i64>,
    pub base_points: i64,
    pub monthly_bonus_fen: i64,
    pub by: i64,
    pub at: NaiveDateTime,
}

/// Sets a basis if it is still at `version` (0: none yet); None when it moved on.
pub fn set_basis(conn: &mut DbConn, version: i64, s: &SetBasis) -> DbResult<Option<i64>> {
    if version == 0 {
        let row = (
            pb::user_id.eq(s.user_id),
            pb::org_id.eq(s.org_id),
            pb::team_id.eq(s.team_id),
            pb::base_points.eq(s.base_points),
            pb::monthly_bonus_fen.eq(s.monthly_bonus_fen),
            pb::updated_by.eq(s.by),
            pb::updated_at.eq(s.at),
        );
        return match diesel::insert_into(pb::table).values(row).returning(pb::version).get_result(conn) {
            Ok(v) => Ok(Some(v)),
            Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(None),
            Err(e) => Err(e.into()),
        };
    }
    Ok(diesel::update(pb::table.filter(pb::user_id.eq(s.user_id).and(pb::version.eq(version))))
        .set((
            pb::team_id.eq(s.team_id),
            pb::base_points.eq(s.base_points),
            pb::monthly_bonus_fen.eq(s.monthly_bonus_fen),
            pb::updated_by.eq(s.by),
            pb::updated_at.eq(s.at),
            pb::version.eq(pb::version + 1),
        ))
        .returning(pb::version)
        .get_result(conn)
        .optional()?)
}

/// A stored basis: (user, team, points, bonus fen, version).
pub type Stored = (i64, Option<i64>, i64, i64, i64);

/// The stored basis of each listed person who has one.
pub fn stored(conn: &mut DbConn, user_ids: &[i64]) -> DbResult<Vec<Stored>> {
    let mut out = Vec::with_capacity(user_ids.len());
    for chunk in user_ids.chunks(500) {
        out.extend(
            pb::table.filter(pb::user_id.eq_any(chunk)).select((pb::user_id, pb::team_id, pb::base_points, pb::monthly_bonus_fen, pb::version)).load::<(
                i64,
                Option<i64>,
                i64,
                i64,
                i64,
            )>(
                conn
            )?,
        );
    }
    Ok(out)
}

/// Records that `reader_id` read the personal data of `subject_ids` through `path`.
pub fn log_read(conn: &mut DbConn, org_id: i64, reader_id: i64, path: &str, subject_ids: &[i64], at: NaiveDateTime) -> DbResult<()> {
    let subjects = serde_json::to_string(subject_ids).unwrap_or_else(|_| "[]".into());
    diesel::insert_into(reads::table)
        .values((reads::org_id.eq(org_id), reads::reader_id.eq(reader_id), reads::path.eq(path), reads::subject_ids.eq(subjects), reads::read_at.eq(at)))
        .execute(conn)?;
    Ok(())
}

#[derive(Queryable, Clone, Debug)]
pub struct ReadRow {
    pub id: i64,
    pub reader_id: i64,
    pub path: String,
    pub subject_ids: String,
    pub read_at: NaiveDateTime,
}

/// The newest logged reads, newest first, before `before_id` (0: from the newest).
pub fn reads(conn: &mut DbConn, org_id: i64, before_id: i64, limit: i64) -> DbResult<Vec<ReadRow>> {
    let mut q = reads::table.filter(reads::org_id.eq(org_id)).into_boxed();
    if before_id > 0 {
        q = q.filter(reads::id.lt(before_id));
    }
    Ok(q.order(reads::id.desc()).limit(limit).select((reads::id, reads::reader_id, reads::path, reads::subject_ids, reads::read_at)).load(conn)?)
}
