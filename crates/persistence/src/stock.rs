//! The finished-goods store's ledger (成品仓台账): what came in or went out,
//! per item of a document.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::stock_ledger as sl;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Goods a customer sent back, received against a return note.
pub const RETURN_RECEIPT: &str = "return_receipt";
/// Returned goods drawn by production for their rework (a negative quantity).
pub const REWORK_ISSUE: &str = "rework_issue";
/// Returned goods back in stock after their rework.
pub const REWORK_RECEIPT: &str = "rework_receipt";
/// Returned goods written off (a negative quantity).
pub const SCRAPPED: &str = "scrapped";

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = sl)]
pub struct LedgerLine {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub org_id: i64,
    pub return_id: i64,
    pub line_no: i32,
    pub movement: String,
    pub document: String,
    pub product_number: String,
    pub quantity: i64,
    pub actor_id: i64,
    pub at: NaiveDateTime,
}

/// Writes the lines; a second receipt of the same items fails on the
/// ledger's unique key, so racing receipts leave one set.
pub fn insert(conn: &mut DbConn, lines: &[LedgerLine]) -> DbResult<()> {
    // One statement per item (at most 50): batch inserts differ by backend.
    for l in lines {
        diesel::insert_into(sl::table).values(l).execute(conn)?;
    }
    Ok(())
}

/// The ledger lines of a return, by item.
pub fn of_return(conn: &mut DbConn, return_id: i64) -> DbResult<Vec<LedgerLine>> {
    Ok(sl::table.filter(sl::return_id.eq(return_id)).order((sl::line_no, sl::id)).select(LedgerLine::as_select()).load(conn)?)
}
