//! Orders entered or imported from the ERP.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::customer_orders;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use kehu_domain::customer::NewOrder;
use kehu_domain::Money;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = customer_orders)]
pub struct Order {
    pub id: i64,
    pub org_id: i64,
    pub customer_id: i64,
    pub order_number: String,
    pub ordered_on: NaiveDate,
    pub amount_fen: i64,
    pub discount_fen: i64,
    pub cost_fen: Option<i64>,
    pub entered_by: Option<i64>,
    pub created_at: NaiveDateTime,
}

pub fn insert_order(conn: &mut DbConn, org_id: i64, o: &NewOrder, by: Option<i64>, now: NaiveDateTime) -> DbResult<Order> {
    Ok(diesel::insert_into(customer_orders::table)
        .values((
            customer_orders::org_id.eq(org_id),
            customer_orders::customer_id.eq(o.customer_id),
            customer_orders::order_number.eq(&o.order_number),
            customer_orders::ordered_on.eq(o.ordered_on),
            customer_orders::amount_fen.eq(o.amount.fen()),
            customer_orders::discount_fen.eq(o.discount.fen()),
            customer_orders::cost_fen.eq(o.cost.map(Money::fen)),
            customer_orders::entered_by.eq(by),
            customer_orders::created_at.eq(now),
        ))
        .returning(customer_orders::all_columns)
        .get_result(conn)?)
}

pub fn order_by_id(conn: &mut DbConn, id: i64) -> DbResult<Option<Order>> {
    Ok(customer_orders::table.find(id).select(Order::as_select()).first(conn).optional()?)
}

pub fn order_by_number(conn: &mut DbConn, org_id: i64, number: &str) -> DbResult<Option<Order>> {
    Ok(customer_orders::table
        .filter(customer_orders::org_id.eq(org_id).and(customer_orders::order_number.eq(number)))
        .select(Order::as_select())
        .first(conn)
        .optional()?)
}

pub fn orders_between(conn: &mut DbConn, org_id: i64, customer_ids: Option<&[i64]>, from: NaiveDate, to: NaiveDate) -> DbResult<Vec<Order>> {
    let query = |conn: &mut DbConn, ids: Option<&[i64]>| -> DbResult<Vec<Order>> {
        let mut q = customer_orders::table
            .filter(customer_orders::org_id.eq(org_id).and(customer_orders::ordered_on.ge(from)).and(customer_orders::ordered_on.le(to)))
            .select(Order::as_select())
            .into_boxed();
        if let Some(ids) = ids {
            q = q.filter(customer_orders::customer_id.eq_any(ids.to_vec()));
        }
        Ok(q.order((customer_orders::ordered_on, customer_orders::id)).load(conn)?)
    };
    let Some(ids) = customer_ids else { return query(conn, None) };
    let mut all = crate::by_chunks(ids, |chunk| query(conn, Some(chunk)))?;
    all.sort_by_key(|o| (o.ordered_on, o.id));
    Ok(all)
}
