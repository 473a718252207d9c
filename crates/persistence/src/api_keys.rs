//! API keys of service accounts: stored as a hash, looked up by prefix.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::api_keys;
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = api_keys)]
pub struct ApiKey {
    pub id: i64,
    pub org_id: i64,
    pub user_id: i64,
    pub name: String,
    pub prefix: String,
    pub key_hash: String,
    pub scopes: String,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

#[derive(Insertable)]
#[diesel(table_name = api_keys)]
pub struct NewApiKey<'a> {
    pub org_id: i64,
    pub user_id: i64,
    pub name: &'a str,
    pub prefix: &'a str,
    pub key_hash: &'a str,
    pub scopes: &'a str,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, k: &NewApiKey) -> DbResult<ApiKey> {
    Ok(diesel::insert_into(api_keys::table).values(k).returning(api_keys::all_columns).get_result::<ApiKey>(conn)?)
}

pub fn by_prefix(conn: &mut DbConn, prefix: &str) -> DbResult<Option<ApiKey>> {
    Ok(api_keys::table.filter(api_keys::prefix.eq(prefix)).select(ApiKey::as_select()).first(conn).optional()?)
}

pub fn of_user(conn: &mut DbConn, user_id: i64) -> DbResult<Vec<ApiKey>> {
    Ok(api_keys::table.filter(api_keys::user_id.eq(user_id)).order(api_keys::id).select(ApiKey::as_select()).load(conn)?)
}

pub fn get(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<ApiKey> {
    Ok(api_keys::table.filter(api_keys::org_id.eq(org_id)).find(id).select(ApiKey::as_select()).first(conn)?)
}

/// Records use at most once a minute per key, to keep reads cheap.
pub fn touch(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> DbResult<()> {
    let stale = now - chrono::Duration::minutes(1);
    diesel::update(api_keys::table.filter(api_keys::id.eq(id).and(api_keys::last_used_at.is_null().or(api_keys::last_used_at.lt(stale)))))
        .set(api_keys::last_used_at.eq(now))
        .execute(conn)?;
    Ok(())
}

pub fn revoke(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> DbResult<bool> {
    Ok(diesel::update(api_keys::table.filter(api_keys::id.eq(id).and(api_keys::revoked_at.is_null()))).set(api_keys::revoked_at.eq(now)).execute(conn)? == 1)
}
