//! A customer's contact people and its further assigned staff.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{customer_contacts, customer_staff};
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = customer_contacts)]
pub struct Contact {
    pub id: i64,
    pub customer_id: i64,
    pub position: i64,
    pub name: String,
    pub title: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub email: Option<String>,
}

#[derive(Insertable, Clone, Debug, PartialEq, Eq)]
#[diesel(table_name = customer_contacts)]
pub struct NewContact {
    pub customer_id: i64,
    pub position: i64,
    pub name: String,
    pub title: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub email: Option<String>,
}

pub fn contacts(conn: &mut DbConn, customer_id: i64) -> DbResult<Vec<Contact>> {
    Ok(customer_contacts::table
        .filter(customer_contacts::customer_id.eq(customer_id))
        .order((customer_contacts::position, customer_contacts::id))
        .select(Contact::as_select())
        .load(conn)?)
}

/// Replaces the contact list.
pub fn replace_contacts(conn: &mut DbConn, customer_id: i64, list: &[NewContact]) -> DbResult<()> {
    diesel::delete(customer_contacts::table.filter(customer_contacts::customer_id.eq(customer_id))).execute(conn)?;
    for c in list {
        diesel::insert_into(customer_contacts::table).values(c).execute(conn)?;
    }
    Ok(())
}

pub fn staff(conn: &mut DbConn, customer_id: i64) -> DbResult<Vec<i64>> {
    Ok(customer_staff::table.filter(customer_staff::customer_id.eq(customer_id)).order(customer_staff::user_id).select(customer_staff::user_id).load(conn)?)
}

pub fn set_staff(conn: &mut DbConn, customer_id: i64, users: &[i64], by: i64, now: NaiveDateTime) -> DbResult<()> {
    diesel::delete(customer_staff::table.filter(customer_staff::customer_id.eq(customer_id))).execute(conn)?;
    for u in users {
        diesel::insert_into(customer_staff::table)
            .values((
                customer_staff::customer_id.eq(customer_id),
                customer_staff::user_id.eq(*u),
                customer_staff::assigned_by.eq(by),
                customer_staff::assigned_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn remove_staff(conn: &mut DbConn, customer_id: i64, user_id: i64) -> DbResult<usize> {
    Ok(diesel::delete(customer_staff::table.filter(customer_staff::customer_id.eq(customer_id)).filter(customer_staff::user_id.eq(user_id))).execute(conn)?)
}

/// `(customer, user)` for every assigned person on these customers.
pub fn staff_of_many(conn: &mut DbConn, customer_ids: &[i64]) -> DbResult<Vec<(i64, i64)>> {
    crate::by_chunks(customer_ids, |ids| {
        Ok(customer_staff::table.filter(customer_staff::customer_id.eq_any(ids)).select((customer_staff::customer_id, customer_staff::user_id)).load(conn)?)
    })
}

/// Customers where `user_id` is assigned staff.
pub fn staffed_by(conn: &mut DbConn, user_id: i64) -> DbResult<Vec<i64>> {
    Ok(customer_staff::table.filter(customer_staff::user_id.eq(user_id)).select(customer_staff::customer_id).load(conn)?)
}

pub fn move_staff(conn: &mut DbConn, from: i64, to: i64) -> DbResult<usize> {
    // A receiver already on a customer keeps that row; the leaver's goes.
    let already: Vec<i64> = customer_staff::table.filter(customer_staff::user_id.eq(to)).select(customer_staff::customer_id).load(conn)?;
    diesel::delete(customer_staff::table.filter(customer_staff::user_id.eq(from)).filter(customer_staff::customer_id.eq_any(&already))).execute(conn)?;
    Ok(diesel::update(customer_staff::table.filter(customer_staff::user_id.eq(from))).set(customer_staff::user_id.eq(to)).execute(conn)?)
}
