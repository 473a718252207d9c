//! Notices beyond the bell: each person's preferences, and one delivery per
//! notice and channel, enqueued in the transaction that stores the notice
//! and leased by the sender like the webhooks' deliveries.

use crate::db::{Backend, DbConn};
use crate::error::DbResult;
use crate::schema::{notice_deliveries as nd, notice_preferences as np, notifications, users};
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};
use kehu_domain::delivery::DeliveryStatus;
use kehu_domain::notice::NoticeKind;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = np)]
pub struct PreferencesRow {
    pub user_id: i64,
    pub language: String,
    pub email_kinds: String,
    pub version: i64,
    pub updated_at: NaiveDateTime,
    pub digest_kinds: String,
    pub digest_hour: i32,
}

/// The kinds of a stored JSON list, skipping any this version does not know
/// (a kind retired since): one unknown kind must not silence the others.
pub fn stored_kinds(json: &str) -> Vec<NoticeKind> {
    serde_json::from_str::<Vec<String>>(json).unwrap_or_default().iter().filter_map(|k| k.parse().ok()).collect()
}

/// The columns of `PreferencesRow`, in its order.
const PREFERENCES: (np::user_id, np::language, np::email_kinds, np::version, np::updated_at, np::digest_kinds, np::digest_hour) =
    (np::user_id, np::language, np::email_kinds, np::version, np::updated_at, np::digest_kinds, np::digest_hour);

/// What a person saves: the language, and the kinds (JSON arrays) sent as
/// they happen and gathered into the digest at `digest_hour`.
pub struct SavedPreferences<'a> {
    pub language: &'a str,
    pub email_kinds: &'a str,
    pub digest_kinds: &'a str,
    pub digest_hour: i32,
}

pub fn preferences(conn: &mut DbConn, user_id: i64) -> DbResult<Option<PreferencesRow>> {
    Ok(np::table.find(user_id).select(PreferencesRow::as_select()).first(conn).optional()?)
}

/// Saves the preferences read at `version` (0: never saved); `None` when
/// they changed since. A digest started afresh gathers from now on: its
/// clock starts at `now`, after the person's latest notice.
pub fn save_preferences(conn: &mut DbConn, user_id: i64, version: i64, p: &SavedPreferences, now: NaiveDateTime) -> DbResult<Option<PreferencesRow>> {
    let current: Option<(i64, String)> = np::table.find(user_id).select((np::version, np::digest_kinds)).first(conn).optional()?;
    let digest_starts = p.digest_kinds != "[]" && current.as_ref().is_none_or(|c| c.1 == "[]");
    let fresh_start = if digest_starts {
        let latest: Option<i64> = notifications::table.filter(notifications::user_id.eq(user_id)).select(diesel::dsl::max(notifications::id)).first(conn)?;
        Some((now, latest.unwrap_or(0)))
    } else {
        None
    };
    let values = (
        np::language.eq(p.language),
        np::email_kinds.eq(p.email_kinds),
        np::digest_kinds.eq(p.digest_kinds),
        np::digest_hour.eq(p.digest_hour),
        np::updated_at.eq(now),
    );
    let row = match (version, current) {
        (0, None) => {
            let (cut, after) = fresh_start.unwrap_or((now, 0));
            Some(
                diesel::insert_into(np::table)
                    .values((np::user_id.eq(user_id), values, np::version.eq(1), np::digest_cut_at.eq(cut), np::digest_after_id.eq(after)))
                    .returning(PREFERENCES)
                    .get_result(conn)?,
            )
        }
        (v, Some((current, _))) if v == current => {
            let target = np::table.filter(np::user_id.eq(user_id).and(np::version.eq(v)));
            match fresh_start {
                Some((cut, after)) => diesel::update(target)
                    .set((values, np::version.eq(np::version + 1), np::digest_cut_at.eq(cut), np::digest_after_id.eq(after)))
                    .returning(PREFERENCES)
                    .get_result(conn)
                    .optional()?,
                None => diesel::update(target).set((values, np::version.eq(np::version + 1))).returning(PREFERENCES).get_result(conn).optional()?,
            }
        }
        _ => None,
    };
    Ok(row)
}

/// Gives the notices of `kind` just stored for `users` at `at`, with ids
/// above `after`, an e-mail delivery where their reader asked for that kind
/// and has an address. A notice enqueued twice (another of the same kind,
/// people and time) keeps its one delivery.
pub fn enqueue(conn: &mut DbConn, org_id: i64, kind: NoticeKind, users: &[i64], at: NaiveDateTime, after: i64) -> DbResult<usize> {
    if users.is_empty() {
        return Ok(0);
    }
    // Ids from the caller, not from a request: written into the statement.
    let people = users.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let select = format!(
        "SELECT n.org_id, n.id, n.user_id, 'email', u.email, 'pending', 0, n.created_at, n.created_at \
         FROM notifications n JOIN notice_preferences p ON p.user_id = n.user_id JOIN users u ON u.id = n.user_id \
         WHERE n.user_id IN ({people}) AND n.id > {after} AND n.org_id = {{org}} AND n.kind = {{kind}} AND n.created_at = {{at}} \
         AND u.active AND u.email IS NOT NULL AND u.email <> '' AND p.email_kinds LIKE '%\"' || n.kind || '\"%'"
    );
    let columns = "(org_id, notification_id, user_id, channel, address, status, attempts, next_attempt_at, created_at)";
    let sql = match conn.backend() {
        Backend::Postgres => {
            format!(
                "INSERT INTO notice_deliveries {columns} {} ON CONFLICT DO NOTHING",
                select.replace("{org}", "$1").replace("{kind}", "$2").replace("{at}", "$3")
            )
        }
        Backend::Sqlite => {
            format!("INSERT OR IGNORE INTO notice_deliveries {columns} {}", select.replace("{org}", "?").replace("{kind}", "?").replace("{at}", "?"))
        }
    };
    Ok(diesel::sql_query(sql).bind::<BigInt, _>(org_id).bind::<Text, _>(kind.as_str()).bind::<Timestamp, _>(at).execute(conn)?)
}

/// A leased e-mail to send.
#[derive(Clone, Debug)]
pub struct EmailDue {
    pub id: i64,
    pub notification_id: i64,
    pub attempts: i32,
    pub address: String,
    pub name: String,
    pub language: String,
    pub kind: NoticeKind,
    pub params: String,
    pub complaint_id: Option<i64>,
}

/// A delivery and its notice: id, notice id, attempts, address, reader, kind, parameters, case.
type LeasedRow = (i64, i64, i32, String, i64, NoticeKind, String, Option<i64>);

/// Leases up to `limit` due deliveries for `lease`, counting the attempt;
/// runs inside the caller's write transaction. One leased by a live sender
/// is skipped; one whose lease ran out (its sender died) is due again.
pub fn lease_due(conn: &mut DbConn, now: NaiveDateTime, lease: Duration, limit: i64) -> DbResult<Vec<EmailDue>> {
    let due = nd::table
        .filter(nd::status.eq(DeliveryStatus::Pending))
        .filter(nd::next_attempt_at.le(now))
        .filter(nd::leased_until.is_null().or(nd::leased_until.lt(now)))
        .order(nd::next_attempt_at)
        .limit(limit)
        .select(nd::id);
    let ids: Vec<i64> = match conn {
        DbConn::Pg(c) => due.for_update().skip_locked().load(c)?,
        DbConn::Sqlite(c) => due.load(c)?,
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    diesel::update(nd::table.filter(nd::id.eq_any(&ids))).set((nd::leased_until.eq(now + lease), nd::attempts.eq(nd::attempts + 1))).execute(conn)?;
    let rows: Vec<LeasedRow> = nd::table
        .inner_join(notifications::table)
        .filter(nd::id.eq_any(&ids))
        .order(nd::id)
        .select((nd::id, nd::notification_id, nd::attempts, nd::address, nd::user_id, notifications::kind, notifications::params, notifications::complaint_id))
        .load(conn)?;
    let mut people: Vec<i64> = rows.iter().map(|r| r.4).collect();
    people.sort_unstable();
    people.dedup();
    let names: Vec<(i64, String)> = users::table.filter(users::id.eq_any(&people)).select((users::id, users::display_name)).load(conn)?;
    let languages: Vec<(i64, String)> = np::table.filter(np::user_id.eq_any(&people)).select((np::user_id, np::language)).load(conn)?;
    let of = |list: &[(i64, String)], id: i64| list.iter().find(|x| x.0 == id).map(|x| x.1.clone());
    Ok(rows
        .into_iter()
        .map(|(id, notification_id, attempts, address, user_id, kind, params, complaint_id)| EmailDue {
            id,
            notification_id,
            attempts,
            address,
            name: of(&names, user_id).unwrap_or_default(),
            language: of(&languages, user_id).unwrap_or_default(),
            kind,
            params,
            complaint_id,
        })
        .collect())
}

/// What came of one attempt: sent, or failed and tried again at `retry_at`
/// (`None`: given up).
pub enum Sent {
    Yes,
    No { error: String, retry_at: Option<NaiveDateTime> },
}

pub fn record(conn: &mut DbConn, id: i64, outcome: &Sent, now: NaiveDateTime) -> DbResult<()> {
    let target = nd::table.find(id);
    match outcome {
        Sent::Yes => diesel::update(target)
            .set((nd::status.eq(DeliveryStatus::Delivered), nd::sent_at.eq(now), nd::leased_until.eq(None::<NaiveDateTime>), nd::last_error.eq(None::<String>)))
            .execute(conn)?,
        Sent::No { error, retry_at } => diesel::update(target)
            .set((
                nd::status.eq(if retry_at.is_some() { DeliveryStatus::Pending } else { DeliveryStatus::Failed }),
                nd::next_attempt_at.eq(retry_at.unwrap_or(now)),
                nd::leased_until.eq(None::<NaiveDateTime>),
                nd::last_error.eq(error),
            ))
            .execute(conn)?,
    };
    Ok(())
}

/// A row of a person's delivery log.
#[derive(Queryable, Clone, Debug)]
pub struct DeliveryRow {
    pub id: i64,
    pub notification_id: i64,
    pub kind: NoticeKind,
    pub channel: String,
    pub address: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

/// A person's deliveries, newest first.
pub fn deliveries_of(conn: &mut DbConn, user_id: i64, limit: i64) -> DbResult<Vec<DeliveryRow>> {
    Ok(nd::table
        .inner_join(notifications::table)
        .filter(nd::user_id.eq(user_id))
        .order(nd::id.desc())
        .limit(limit)
        .select((
            nd::id,
            nd::notification_id,
            notifications::kind,
            nd::channel,
            nd::address,
            nd::status,
            nd::attempts,
            nd::last_error,
            nd::sent_at,
            nd::created_at,
        ))
        .load(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_kinds_skip_the_unknown() {
        assert_eq!(stored_kinds(r#"["task","retired_kind","major_alert"]"#), vec![NoticeKind::Task, NoticeKind::MajorAlert]);
        assert_eq!(stored_kinds("not json"), Vec::<NoticeKind>::new());
    }
}
