//! Versioned policies, the working-day calendar, numbering counters and
//! idempotency records.

use crate::db::{Backend, DbConn};
use crate::error::DbResult;
use crate::schema::{calendar_days, complaint_counters, idempotency_keys, policies};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = policies)]
pub struct PolicyRow {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub version: i64,
    pub body: String,
    pub created_at: NaiveDateTime,
    pub created_by: Option<i64>,
}

pub fn current_policy(conn: &mut DbConn, org_id: i64, name: &str) -> DbResult<Option<PolicyRow>> {
    Ok(policies::table
        .filter(policies::org_id.eq(org_id).and(policies::name.eq(name)))
        .order(policies::version.desc())
        .select(PolicyRow::as_select())
        .first(conn)
        .optional()?)
}

/// Stores a new version; the unique (org, name, version) key makes two
/// concurrent edits of the same version conflict instead of both winning.
pub fn insert_policy(conn: &mut DbConn, org_id: i64, name: &str, version: i64, body: &str, by: Option<i64>, now: NaiveDateTime) -> DbResult<PolicyRow> {
    Ok(diesel::insert_into(policies::table)
        .values((
            policies::org_id.eq(org_id),
            policies::name.eq(name),
            policies::version.eq(version),
            policies::body.eq(body),
            policies::created_by.eq(by),
            policies::created_at.eq(now),
        ))
        .returning(policies::all_columns)
        .get_result::<PolicyRow>(conn)?)
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = calendar_days)]
pub struct CalendarDay {
    pub org_id: i64,
    pub day: NaiveDate,
    pub working: bool,
    pub name: String,
}

pub fn calendar(conn: &mut DbConn, org_id: i64, from: Option<NaiveDate>, to: Option<NaiveDate>) -> DbResult<Vec<CalendarDay>> {
    let mut q = calendar_days::table.filter(calendar_days::org_id.eq(org_id)).select(CalendarDay::as_select()).into_boxed();
    if let Some(f) = from {
        q = q.filter(calendar_days::day.ge(f));
    }
    if let Some(t) = to {
        q = q.filter(calendar_days::day.le(t));
    }
    Ok(q.order(calendar_days::day).load(conn)?)
}

pub fn set_calendar_day(conn: &mut DbConn, org_id: i64, day: NaiveDate, working: bool, name: &str) -> DbResult<()> {
    delete_calendar_day(conn, org_id, day)?;
    diesel::insert_into(calendar_days::table)
        .values((calendar_days::org_id.eq(org_id), calendar_days::day.eq(day), calendar_days::working.eq(working), calendar_days::name.eq(name)))
        .execute(conn)?;
    Ok(())
}

pub fn delete_calendar_day(conn: &mut DbConn, org_id: i64, day: NaiveDate) -> DbResult<usize> {
    Ok(diesel::delete(calendar_days::table.filter(calendar_days::org_id.eq(org_id).and(calendar_days::day.eq(day)))).execute(conn)?)
}

#[derive(QueryableByName)]
struct Serial {
    #[diesel(sql_type = BigInt)]
    last_serial: i64,
}

/// Takes the next serial of the month inside the caller's transaction. The
/// row lock held until commit serialises registrations, and a rollback gives
/// the serial back, so numbers stay gapless.
pub fn next_serial(conn: &mut DbConn, org_id: i64, period: &str) -> DbResult<i64> {
    let ensure = match conn.backend() {
        Backend::Postgres => "INSERT INTO complaint_counters (org_id, period, last_serial) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING",
        Backend::Sqlite => "INSERT OR IGNORE INTO complaint_counters (org_id, period, last_serial) VALUES (?, ?, 0)",
    };
    diesel::sql_query(ensure).bind::<BigInt, _>(org_id).bind::<Text, _>(period).execute(conn)?;
    let row: Serial = diesel::update(complaint_counters::table.filter(complaint_counters::org_id.eq(org_id).and(complaint_counters::period.eq(period))))
        .set(complaint_counters::last_serial.eq(complaint_counters::last_serial + 1))
        .returning(complaint_counters::last_serial)
        .get_result::<i64>(conn)
        .map(|last_serial| Serial { last_serial })?;
    Ok(row.last_serial)
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = idempotency_keys)]
pub struct IdempotencyRow {
    pub id: i64,
    pub owner: String,
    pub idem_key: String,
    pub method: String,
    pub path: String,
    pub body_hash: String,
    pub status: Option<i32>,
    pub content_type: Option<String>,
    pub response_body: Option<Vec<u8>>,
    pub created_at: NaiveDateTime,
    pub etag: Option<String>,
    /// Set in the transaction of a create that committed: its result.
    pub applied_location: Option<String>,
}

/// A request to reserve an `Idempotency-Key` for.
pub struct Reservation<'a> {
    pub owner: &'a str,
    pub key: &'a str,
    pub method: &'a str,
    pub path: &'a str,
    pub body_hash: &'a str,
}

/// When a reservation is made, and which older ones are gone: expired keys
/// are deleted, an unfinished one older than `abandoned_before` is taken over.
pub struct ReservationClock {
    pub now: NaiveDateTime,
    pub expired_before: NaiveDateTime,
    pub abandoned_before: NaiveDateTime,
}

/// Reserves a key; `Ok(None)` when this call reserved it, `Ok(Some(row))` when
/// it was there already (finished or still running).
pub fn reserve_idempotency(conn: &mut DbConn, r: &Reservation, clock: &ReservationClock) -> DbResult<Option<IdempotencyRow>> {
    let Reservation { owner, key, method, path, body_hash } = *r;
    let ReservationClock { now, expired_before, abandoned_before } = *clock;
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(expired_before))).execute(conn)?;
    let inserted = diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::owner.eq(owner),
            idempotency_keys::idem_key.eq(key),
            idempotency_keys::method.eq(method),
            idempotency_keys::path.eq(path),
            idempotency_keys::body_hash.eq(body_hash),
            idempotency_keys::created_at.eq(now),
        ))
        .execute(conn);
    let mine = idempotency_keys::owner.eq(owner).and(idempotency_keys::idem_key.eq(key));
    match inserted {
        Ok(_) => Ok(None),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => {
            // A reservation whose request never finished (its process died,
            // or the database went away before it could be released) is taken
            // over by the retry instead of blocking the key for a day.
            let taken = diesel::update(
                idempotency_keys::table.filter(
                    mine.and(idempotency_keys::status.is_null())
                        .and(idempotency_keys::applied_location.is_null())
                        .and(idempotency_keys::created_at.lt(abandoned_before))
                        .and(idempotency_keys::body_hash.eq(body_hash)),
                ),
            )
            .set(idempotency_keys::created_at.eq(now))
            .execute(conn)?;
            if taken == 1 {
                return Ok(None);
            }
            Ok(Some(idempotency_keys::table.filter(mine).select(IdempotencyRow::as_select()).first(conn)?))
        }
        Err(e) => Err(e.into()),
    }
}

pub struct StoredResponse<'a> {
    pub status: i32,
    pub content_type: Option<&'a str>,
    pub etag: Option<&'a str>,
    pub body: &'a [u8],
}

pub fn complete_idempotency(conn: &mut DbConn, owner: &str, key: &str, r: &StoredResponse) -> DbResult<()> {
    diesel::update(idempotency_keys::table.filter(idempotency_keys::owner.eq(owner).and(idempotency_keys::idem_key.eq(key))))
        .set((
            idempotency_keys::status.eq(r.status),
            idempotency_keys::content_type.eq(r.content_type),
            idempotency_keys::etag.eq(r.etag),
            idempotency_keys::response_body.eq(r.body),
        ))
        .execute(conn)?;
    Ok(())
}

/// Forgets a reservation whose request did not finish (so a retry can run),
/// unless it committed a create.
pub fn release_idempotency(conn: &mut DbConn, owner: &str, key: &str) -> DbResult<()> {
    diesel::delete(
        idempotency_keys::table.filter(
            idempotency_keys::owner
                .eq(owner)
                .and(idempotency_keys::idem_key.eq(key))
                .and(idempotency_keys::status.is_null())
                .and(idempotency_keys::applied_location.is_null()),
        ),
    )
    .execute(conn)?;
    Ok(())
}

/// Records, in the transaction of the create that holds the reservation,
/// where its result is.
pub fn mark_idempotency_applied(conn: &mut DbConn, owner: &str, key: &str, location: &str) -> DbResult<()> {
    diesel::update(idempotency_keys::table.filter(idempotency_keys::owner.eq(owner).and(idempotency_keys::idem_key.eq(key))))
        .set(idempotency_keys::applied_location.eq(location))
        .execute(conn)?;
    Ok(())
}

type MaybeText = diesel::sql_types::Nullable<diesel::sql_types::Text>;
crate::complaint_reads::fixed_sql!(PgCalendarJson: MaybeText =
    "(SELECT json_agg(json_build_array(d.day, d.working))::text FROM calendar_days d WHERE d.org_id = organizations.id)");
crate::complaint_reads::fixed_sql!(SqliteCalendarJson: MaybeText =
    "(SELECT json_group_array(json_array(d.day, d.working)) FROM calendar_days d WHERE d.org_id = organizations.id)");
crate::complaint_reads::fixed_sql!(DeadlinePolicyBody: MaybeText =
    "(SELECT p.body FROM policies p WHERE p.org_id = organizations.id AND p.name = 'deadlines' ORDER BY p.version DESC LIMIT 1)");

/// What every workflow action reads, in one statement: the company's time
/// zone, its calendar overrides and the body of its current deadline policy.
pub struct CaseRules {
    pub timezone: String,
    pub calendar: Vec<(NaiveDate, bool)>,
    pub deadline_policy: Option<String>,
}

pub fn case_rules(conn: &mut DbConn, org_id: i64) -> DbResult<CaseRules> {
    use crate::schema::organizations;
    let (timezone, days, deadline_policy): (String, Option<String>, Option<String>) = match conn {
        DbConn::Pg(c) => organizations::table.find(org_id).select((organizations::timezone, PgCalendarJson, DeadlinePolicyBody)).first(c)?,
        DbConn::Sqlite(c) => organizations::table.find(org_id).select((organizations::timezone, SqliteCalendarJson, DeadlinePolicyBody)).first(c)?,
    };
    // [["2026-10-01", false], ...]; SQLite writes its booleans as 0 and 1.
    let raw: Vec<(String, serde_json::Value)> = match days.as_deref() {
        None | Some("") => Vec::new(),
        Some(s) => serde_json::from_str(s).map_err(|e| crate::DbError::Other(format!("calendar: {e}")))?,
    };
    let mut calendar = Vec::with_capacity(raw.len());
    for (day, working) in raw {
        let day = NaiveDate::parse_from_str(&day[..day.len().min(10)], "%Y-%m-%d").map_err(|e| crate::DbError::Other(format!("calendar day {day}: {e}")))?;
        calendar.push((day, working.as_bool().unwrap_or_else(|| working.as_i64() == Some(1))));
    }
    Ok(CaseRules { timezone, calendar, deadline_policy })
}
