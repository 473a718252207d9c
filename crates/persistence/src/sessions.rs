//! Refresh tokens (stored hashed, rotated, revocable) and failed logins.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{login_failures, refresh_tokens};
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshToken {
    pub id: i64,
    pub user_id: i64,
    pub token_hash: String,
    pub family: String,
    pub expires_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn insert_refresh(conn: &mut DbConn, user_id: i64, token_hash: &str, family: &str, expires_at: NaiveDateTime, now: NaiveDateTime) -> DbResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::token_hash.eq(token_hash),
            refresh_tokens::family.eq(family),
            refresh_tokens::expires_at.eq(expires_at),
            refresh_tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn refresh_by_hash(conn: &mut DbConn, token_hash: &str) -> DbResult<Option<RefreshToken>> {
    Ok(refresh_tokens::table.filter(refresh_tokens::token_hash.eq(token_hash)).select(RefreshToken::as_select()).first(conn).optional()?)
}

/// Revokes one token if it is still live; false when someone else used it first.
pub fn revoke_if_live(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> DbResult<bool> {
    let n = diesel::update(refresh_tokens::table.filter(refresh_tokens::id.eq(id).and(refresh_tokens::revoked_at.is_null())))
        .set(refresh_tokens::revoked_at.eq(now))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn revoke_family(conn: &mut DbConn, family: &str, now: NaiveDateTime) -> DbResult<()> {
    diesel::update(refresh_tokens::table.filter(refresh_tokens::family.eq(family).and(refresh_tokens::revoked_at.is_null())))
        .set(refresh_tokens::revoked_at.eq(now))
        .execute(conn)?;
    Ok(())
}

pub fn revoke_user(conn: &mut DbConn, user_id: i64, now: NaiveDateTime) -> DbResult<()> {
    diesel::update(refresh_tokens::table.filter(refresh_tokens::user_id.eq(user_id).and(refresh_tokens::revoked_at.is_null())))
        .set(refresh_tokens::revoked_at.eq(now))
        .execute(conn)?;
    Ok(())
}

pub fn record_login_failure(conn: &mut DbConn, username: &str, address: &str, now: NaiveDateTime) -> DbResult<()> {
    diesel::insert_into(login_failures::table)
        .values((login_failures::username.eq(username), login_failures::address.eq(address), login_failures::at.eq(now)))
        .execute(conn)?;
    Ok(())
}

/// Failed logins since `since` for this account and for this address, and the
/// oldest of them (to tell when the window frees up).
pub fn login_failures_since(conn: &mut DbConn, username: &str, address: &str, since: NaiveDateTime) -> DbResult<(i64, i64, Option<NaiveDateTime>)> {
    let by_user: i64 = login_failures::table.filter(login_failures::username.eq(username).and(login_failures::at.gt(since))).count().get_result(conn)?;
    let by_addr: i64 = login_failures::table.filter(login_failures::address.eq(address).and(login_failures::at.gt(since))).count().get_result(conn)?;
    let oldest: Option<NaiveDateTime> = login_failures::table
        .filter(login_failures::username.eq(username).or(login_failures::address.eq(address)))
        .filter(login_failures::at.gt(since))
        .select(diesel::dsl::min(login_failures::at))
        .first(conn)?;
    Ok((by_user, by_addr, oldest))
}

/// A login attempt as the limits saw it when it was counted.
pub struct Reservation {
    /// False when the account had reached its limit: nothing was counted.
    pub reserved: bool,
    pub account_failures: i64,
    pub address_failures: i64,
    /// The oldest failure in the window, to tell when it frees up.
    pub oldest: Option<NaiveDateTime>,
}

/// Counts a login attempt as a failure before its password is checked (a
/// success clears it), unless the account already has `max_per_account`
/// failures since `since`. The count and the insert are one step per
/// username — an advisory lock on PostgreSQL, the one writer on SQLite — so
/// parallel attempts cannot all slip under the limit.
pub fn reserve_login_attempt(
    conn: &mut DbConn,
    username: &str,
    address: &str,
    since: NaiveDateTime,
    now: NaiveDateTime,
    max_per_account: i64,
) -> DbResult<Reservation> {
    crate::write_tx(conn, |c| {
        if let DbConn::Pg(pg) = c {
            diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext('login:' || $1))").bind::<diesel::sql_types::Text, _>(username).execute(pg)?;
        }
        let (account_failures, address_failures, oldest) = login_failures_since(c, username, address, since)?;
        let reserved = account_failures < max_per_account;
        if reserved {
            record_login_failure(c, username, address, now)?;
        }
        Ok(Reservation { reserved, account_failures, address_failures, oldest })
    })
}

pub fn clear_login_failures(conn: &mut DbConn, username: &str) -> DbResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::username.eq(username))).execute(conn)?;
    Ok(())
}
