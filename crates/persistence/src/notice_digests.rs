//! The daily digest: the kinds a person gathers into one e-mail a day. A cut
//! moves the person's digest clock and notice mark forward by a conditional
//! update (two instances cut once) and stores a digest to send when the
//! notices since the last cut hold any of those kinds; the sender leases
//! digests like the notice deliveries.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::notice_channels::Sent;
use crate::schema::{notice_digests as dg, notice_preferences as np, notifications, organizations, users};
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use kehu_domain::delivery::DeliveryStatus;
use kehu_domain::notice::NoticeKind;

/// A person who gathers a digest, with their clock.
#[derive(Queryable, Clone, Debug)]
pub struct Reader {
    pub user_id: i64,
    pub org_id: i64,
    pub timezone: String,
    pub digest_hour: i32,
    pub last_cut: NaiveDateTime,
}

/// The active people with an address who gather a digest.
pub fn readers(conn: &mut DbConn) -> DbResult<Vec<Reader>> {
    Ok(np::table
        .inner_join(users::table.on(users::id.eq(np::user_id)))
        .inner_join(organizations::table.on(organizations::id.eq(users::org_id)))
        .filter(np::digest_kinds.ne("[]"))
        .filter(users::active.eq(true))
        .filter(users::email.is_not_null().and(users::email.ne("")))
        .filter(np::digest_cut_at.is_not_null())
        .select((np::user_id, users::org_id, organizations::timezone, np::digest_hour, np::digest_cut_at.assume_not_null()))
        .order(np::user_id)
        .load(conn)?)
}

/// Cuts `reader`'s digest at `cut`, inside the caller's write transaction:
/// the notices after the last cut's mark up to the latest stored by `cut`.
/// Returns the digest stored, if those notices hold any of the kinds; no cut
/// at all when another instance cut first.
pub fn cut(conn: &mut DbConn, reader: &Reader, cut: NaiveDateTime, now: NaiveDateTime) -> DbResult<Option<i64>> {
    let claimed: Option<(i64, String)> = diesel::update(np::table.filter(np::user_id.eq(reader.user_id)).filter(np::digest_cut_at.lt(cut)))
        .set(np::digest_cut_at.eq(cut))
        .returning((np::digest_after_id, np::digest_kinds))
        .get_result(conn)
        .optional()?;
    let Some((after, kinds)) = claimed else { return Ok(None) };
    let mine = notifications::table.filter(notifications::user_id.eq(reader.user_id)).filter(notifications::id.gt(after));
    let through: i64 = mine.filter(notifications::created_at.le(cut)).select(diesel::dsl::max(notifications::id)).first::<Option<i64>>(conn)?.unwrap_or(after);
    if through == after {
        return Ok(None);
    }
    diesel::update(np::table.find(reader.user_id)).set(np::digest_after_id.eq(through)).execute(conn)?;
    let wanted = kind_codes(&kinds);
    let count: i64 = mine.filter(notifications::id.le(through)).filter(notifications::kind.eq_any(&wanted)).count().get_result(conn)?;
    if count == 0 {
        return Ok(None);
    }
    let address: Option<String> = users::table.find(reader.user_id).select(users::email).first(conn)?;
    let id = diesel::insert_into(dg::table)
        .values((
            dg::org_id.eq(reader.org_id),
            dg::user_id.eq(reader.user_id),
            dg::covers_from.eq(reader.last_cut),
            dg::covers_until.eq(cut),
            dg::after_id.eq(after),
            dg::through_id.eq(through),
            dg::kinds.eq(&kinds),
            dg::item_count.eq(i32::try_from(count).unwrap_or(i32::MAX)),
            dg::address.eq(address.unwrap_or_default()),
            dg::status.eq(DeliveryStatus::Pending),
            dg::attempts.eq(0),
            dg::next_attempt_at.eq(now),
            dg::created_at.eq(now),
        ))
        .returning(dg::id)
        .get_result(conn)?;
    Ok(Some(id))
}

fn kind_codes(kinds_json: &str) -> Vec<String> {
    crate::notice_channels::stored_kinds(kinds_json).into_iter().map(|k| k.as_str().to_owned()).collect()
}

/// A leased digest to send.
#[derive(Clone, Debug)]
pub struct DigestDue {
    pub id: i64,
    pub attempts: i32,
    pub user_id: i64,
    pub address: String,
    pub name: String,
    pub language: String,
    /// The organisation's clock, for the times shown.
    pub timezone: String,
    pub covers_from: NaiveDateTime,
    pub covers_until: NaiveDateTime,
    pub item_count: i32,
    after_id: i64,
    through_id: i64,
    kinds: String,
}

type DueRow = (i64, i32, i64, String, String, String, NaiveDateTime, NaiveDateTime, i32, i64, i64, String);

/// Leases up to `limit` due digests for `lease`, counting the attempt; runs
/// inside the caller's write transaction.
pub fn lease_due(conn: &mut DbConn, now: NaiveDateTime, lease: Duration, limit: i64) -> DbResult<Vec<DigestDue>> {
    let due = dg::table
        .filter(dg::status.eq(DeliveryStatus::Pending))
        .filter(dg::next_attempt_at.le(now))
        .filter(dg::leased_until.is_null().or(dg::leased_until.lt(now)))
        .order(dg::next_attempt_at)
        .limit(limit)
        .select(dg::id);
    let ids: Vec<i64> = match conn {
        DbConn::Pg(c) => due.for_update().skip_locked().load(c)?,
        DbConn::Sqlite(c) => due.load(c)?,
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    diesel::update(dg::table.filter(dg::id.eq_any(&ids))).set((dg::leased_until.eq(now + lease), dg::attempts.eq(dg::attempts + 1))).execute(conn)?;
    let rows: Vec<DueRow> = dg::table
        .inner_join(users::table.on(users::id.eq(dg::user_id)))
        .inner_join(organizations::table.on(organizations::id.eq(dg::org_id)))
        .filter(dg::id.eq_any(&ids))
        .order(dg::id)
        .select((
            dg::id,
            dg::attempts,
            dg::user_id,
            dg::address,
            users::display_name,
            organizations::timezone,
            dg::covers_from,
            dg::covers_until,
            dg::item_count,
            dg::after_id,
            dg::through_id,
            dg::kinds,
        ))
        .load(conn)?;
    let languages: Vec<(i64, String)> = np::table.filter(np::user_id.eq_any(rows.iter().map(|r| r.2))).select((np::user_id, np::language)).load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, attempts, user_id, address, name, timezone, covers_from, covers_until, item_count, after_id, through_id, kinds)| DigestDue {
            id,
            attempts,
            user_id,
            address,
            name,
            language: languages.iter().find(|l| l.0 == user_id).map(|l| l.1.clone()).unwrap_or_default(),
            timezone,
            covers_from,
            covers_until,
            item_count,
            after_id,
            through_id,
            kinds,
        })
        .collect())
}

/// One notice of a digest: kind, parameters, case, time.
pub type DigestItem = (NoticeKind, String, Option<i64>, NaiveDateTime);

/// The first `limit` notices of a digest, oldest first.
pub fn items(conn: &mut DbConn, d: &DigestDue, limit: i64) -> DbResult<Vec<DigestItem>> {
    Ok(notifications::table
        .filter(notifications::user_id.eq(d.user_id))
        .filter(notifications::id.gt(d.after_id).and(notifications::id.le(d.through_id)))
        .filter(notifications::kind.eq_any(kind_codes(&d.kinds)))
        .order(notifications::id)
        .limit(limit)
        .select((notifications::kind, notifications::params, notifications::complaint_id, notifications::created_at))
        .load(conn)?)
}

pub fn record(conn: &mut DbConn, id: i64, outcome: &Sent, now: NaiveDateTime) -> DbResult<()> {
    let target = dg::table.find(id);
    match outcome {
        Sent::Yes => diesel::update(target)
            .set((dg::status.eq(DeliveryStatus::Delivered), dg::sent_at.eq(now), dg::leased_until.eq(None::<NaiveDateTime>), dg::last_error.eq(None::<String>)))
            .execute(conn)?,
        Sent::No { error, retry_at } => diesel::update(target)
            .set((
                dg::status.eq(if retry_at.is_some() { DeliveryStatus::Pending } else { DeliveryStatus::Failed }),
                dg::next_attempt_at.eq(retry_at.unwrap_or(now)),
                dg::leased_until.eq(None::<NaiveDateTime>),
                dg::last_error.eq(error),
            ))
            .execute(conn)?,
    };
    Ok(())
}

/// A row of a person's digest log.
#[derive(Queryable, Clone, Debug)]
pub struct DigestRow {
    pub id: i64,
    pub covers_from: NaiveDateTime,
    pub covers_until: NaiveDateTime,
    pub item_count: i32,
    pub address: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
}

/// A person's digests, newest first.
pub fn digests_of(conn: &mut DbConn, user_id: i64, limit: i64) -> DbResult<Vec<DigestRow>> {
    Ok(dg::table
        .filter(dg::user_id.eq(user_id))
        .order(dg::id.desc())
        .limit(limit)
        .select((dg::id, dg::covers_from, dg::covers_until, dg::item_count, dg::address, dg::status, dg::attempts, dg::last_error, dg::sent_at))
        .load(conn)?)
}
