//! Every change of a customer's material fields: who, when, old, new.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::customer_changes;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use kehu_domain::customer::{ChangeField, ChangeSource};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = customer_changes)]
pub struct Change {
    pub id: i64,
    pub customer_id: i64,
    pub field: ChangeField,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub source: ChangeSource,
    pub changed_by: Option<i64>,
    pub changed_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = customer_changes)]
pub struct NewChange<'a> {
    pub customer_id: i64,
    pub field: ChangeField,
    pub old_value: Option<&'a str>,
    pub new_value: Option<&'a str>,
    pub source: ChangeSource,
    pub changed_by: Option<i64>,
    pub changed_at: NaiveDateTime,
}

pub fn record_change(conn: &mut DbConn, c: &NewChange) -> DbResult<()> {
    diesel::insert_into(customer_changes::table).values(c).execute(conn)?;
    Ok(())
}

pub fn changes(conn: &mut DbConn, customer_id: i64, after_id: i64, limit: i64) -> DbResult<Vec<Change>> {
    Ok(customer_changes::table
        .filter(customer_changes::customer_id.eq(customer_id).and(customer_changes::id.gt(after_id)))
        .order(customer_changes::id)
        .limit(limit)
        .select(Change::as_select())
        .load(conn)?)
}
