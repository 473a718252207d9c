//! Group robots that post notices to a chat, and their deliveries: one per
//! notice and robot, enqueued with the notice, leased and retried like the
//! webhooks' deliveries.

use crate::db::{Backend, DbConn};
use crate::error::DbResult;
use crate::schema::{notice_robots as nr, robot_deliveries as rd};
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};
use kehu_domain::channel::RobotPlatform;
use kehu_domain::delivery::DeliveryStatus;
use kehu_domain::notice::NoticeKind;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = nr)]
pub struct RobotRow {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub platform: RobotPlatform,
    pub url: String,
    pub secret: Option<String>,
    pub language: String,
    pub kinds: String,
    pub active: bool,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A robot's settings as written.
pub struct RobotFields<'a> {
    pub name: &'a str,
    pub platform: RobotPlatform,
    pub url: &'a str,
    pub secret: Option<&'a str>,
    pub language: &'a str,
    pub kinds: &'a str,
    pub active: bool,
}

pub fn insert(conn: &mut DbConn, org_id: i64, f: &RobotFields, now: NaiveDateTime) -> DbResult<RobotRow> {
    Ok(diesel::insert_into(nr::table)
        .values((
            nr::org_id.eq(org_id),
            nr::name.eq(f.name),
            nr::platform.eq(f.platform),
            nr::url.eq(f.url),
            nr::secret.eq(f.secret),
            nr::language.eq(f.language),
            nr::kinds.eq(f.kinds),
            nr::active.eq(f.active),
            nr::created_at.eq(now),
            nr::updated_at.eq(now),
        ))
        .returning(nr::all_columns)
        .get_result(conn)?)
}

/// Replaces a robot's settings if it is still at `version`.
pub fn update(conn: &mut DbConn, id: i64, version: i64, f: &RobotFields, now: NaiveDateTime) -> DbResult<Option<RobotRow>> {
    Ok(diesel::update(nr::table.filter(nr::id.eq(id).and(nr::version.eq(version))))
        .set((
            nr::name.eq(f.name),
            nr::platform.eq(f.platform),
            nr::url.eq(f.url),
            nr::secret.eq(f.secret),
            nr::language.eq(f.language),
            nr::kinds.eq(f.kinds),
            nr::active.eq(f.active),
            nr::version.eq(nr::version + 1),
            nr::updated_at.eq(now),
        ))
        .returning(nr::all_columns)
        .get_result(conn)
        .optional()?)
}

pub fn get(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Option<RobotRow>> {
    Ok(nr::table.filter(nr::org_id.eq(org_id).and(nr::id.eq(id))).select(RobotRow::as_select()).first(conn).optional()?)
}

pub fn list(conn: &mut DbConn, org_id: i64) -> DbResult<Vec<RobotRow>> {
    Ok(nr::table.filter(nr::org_id.eq(org_id)).order(nr::id).select(RobotRow::as_select()).load(conn)?)
}

/// A delivery for each active robot of `org_id` that takes the notice's kind.
pub fn enqueue(conn: &mut DbConn, org_id: i64, kind: NoticeKind, complaint_id: Option<i64>, params: &str, at: NaiveDateTime) -> DbResult<usize> {
    let sql = match conn.backend() {
        Backend::Postgres => {
            "INSERT INTO robot_deliveries (org_id, robot_id, kind, complaint_id, params, status, attempts, next_attempt_at, created_at) \
             SELECT r.org_id, r.id, $2, $3, $4, 'pending', 0, $5, $5 FROM notice_robots r \
             WHERE r.org_id = $1 AND r.active AND r.kinds LIKE '%\"' || $2 || '\"%'"
        }
        Backend::Sqlite => {
            "INSERT INTO robot_deliveries (org_id, robot_id, kind, complaint_id, params, status, attempts, next_attempt_at, created_at) \
             SELECT r.org_id, r.id, ?2, ?3, ?4, 'pending', 0, ?5, ?5 FROM notice_robots r \
             WHERE r.org_id = ?1 AND r.active AND r.kinds LIKE '%\"' || ?2 || '\"%'"
        }
    };
    Ok(diesel::sql_query(sql)
        .bind::<BigInt, _>(org_id)
        .bind::<Text, _>(kind.as_str())
        .bind::<Nullable<BigInt>, _>(complaint_id)
        .bind::<Text, _>(params)
        .bind::<Timestamp, _>(at)
        .execute(conn)?)
}

/// A leased post to send.
#[derive(Clone, Debug)]
pub struct RobotDue {
    pub id: i64,
    pub attempts: i32,
    pub platform: RobotPlatform,
    pub url: String,
    pub secret: Option<String>,
    pub language: String,
    pub kind: NoticeKind,
    pub params: String,
    pub complaint_id: Option<i64>,
}

type DueRow = (i64, i32, RobotPlatform, String, Option<String>, String, NoticeKind, String, Option<i64>);

/// Leases up to `limit` due posts of active robots for `lease`, counting the
/// attempt; runs inside the caller's write transaction.
pub fn lease_due(conn: &mut DbConn, now: NaiveDateTime, lease: Duration, limit: i64) -> DbResult<Vec<RobotDue>> {
    let due = rd::table
        .filter(rd::status.eq(DeliveryStatus::Pending))
        .filter(rd::next_attempt_at.le(now))
        .filter(rd::leased_until.is_null().or(rd::leased_until.lt(now)))
        // A robot switched off posts nothing more; its pending posts wait.
        .filter(rd::robot_id.eq_any(nr::table.filter(nr::active.eq(true)).select(nr::id)))
        .order(rd::next_attempt_at)
        .limit(limit)
        .select(rd::id);
    let ids: Vec<i64> = match conn {
        DbConn::Pg(c) => due.for_update().skip_locked().load(c)?,
        DbConn::Sqlite(c) => due.load(c)?,
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    diesel::update(rd::table.filter(rd::id.eq_any(&ids))).set((rd::leased_until.eq(now + lease), rd::attempts.eq(rd::attempts + 1))).execute(conn)?;
    let rows: Vec<DueRow> = rd::table
        .inner_join(nr::table)
        .filter(rd::id.eq_any(&ids))
        .order(rd::id)
        .select((rd::id, rd::attempts, nr::platform, nr::url, nr::secret, nr::language, rd::kind, rd::params, rd::complaint_id))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, attempts, platform, url, secret, language, kind, params, complaint_id)| RobotDue {
            id,
            attempts,
            platform,
            url,
            secret,
            language,
            kind,
            params,
            complaint_id,
        })
        .collect())
}

/// What came of one post: the status code, if any, and the error, if any,
/// with the next try (`None`: given up).
pub struct Posted {
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub retry_at: Option<NaiveDateTime>,
}

pub fn record(conn: &mut DbConn, id: i64, p: &Posted, now: NaiveDateTime) -> DbResult<()> {
    let target = rd::table.find(id);
    match &p.error {
        None => diesel::update(target)
            .set((
                rd::status.eq(DeliveryStatus::Delivered),
                rd::sent_at.eq(now),
                rd::leased_until.eq(None::<NaiveDateTime>),
                rd::last_status_code.eq(p.status_code),
                rd::last_error.eq(None::<String>),
            ))
            .execute(conn)?,
        Some(error) => diesel::update(target)
            .set((
                rd::status.eq(if p.retry_at.is_some() { DeliveryStatus::Pending } else { DeliveryStatus::Failed }),
                rd::next_attempt_at.eq(p.retry_at.unwrap_or(now)),
                rd::leased_until.eq(None::<NaiveDateTime>),
                rd::last_status_code.eq(p.status_code),
                rd::last_error.eq(error),
            ))
            .execute(conn)?,
    };
    Ok(())
}

#[derive(Queryable, Clone, Debug)]
pub struct RobotDeliveryRow {
    pub id: i64,
    pub kind: NoticeKind,
    pub complaint_id: Option<i64>,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

/// A robot's latest posts, newest first.
pub fn deliveries(conn: &mut DbConn, robot_id: i64, limit: i64) -> DbResult<Vec<RobotDeliveryRow>> {
    Ok(rd::table
        .filter(rd::robot_id.eq(robot_id))
        .order(rd::id.desc())
        .limit(limit)
        .select((rd::id, rd::kind, rd::complaint_id, rd::status, rd::attempts, rd::last_status_code, rd::last_error, rd::sent_at, rd::created_at))
        .load(conn)?)
}
