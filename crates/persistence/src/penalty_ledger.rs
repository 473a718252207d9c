//! What an approved penalty run charges each person, and the bonus ledger
//! (罚扣台账) of each person's months.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{bonus_ledger as bl, penalty_charges as pc};
use diesel::prelude::*;
use kehu_domain::penalty::run::ChargeKind;
use kehu_domain::penalty::SanctionKind;

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = pc)]
pub struct ChargeRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub run_id: i64,
    pub item_id: i64,
    pub user_id: i64,
    pub kind: ChargeKind,
    pub sanction: Option<SanctionKind>,
    pub sanction_count: Option<i32>,
    pub amount_fen: i64,
}

pub fn insert_charges(conn: &mut DbConn, rows: &[ChargeRow]) -> DbResult<()> {
    for row in rows {
        diesel::insert_into(pc::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// A run's charges; only these people's when given.
pub fn charges(conn: &mut DbConn, run_id: i64, user_ids: Option<&[i64]>) -> DbResult<Vec<ChargeRow>> {
    let mut q = pc::table.filter(pc::run_id.eq(run_id)).into_boxed();
    if let Some(ids) = user_ids {
        q = q.filter(pc::user_id.eq_any(ids.to_vec()));
    }
    Ok(q.order((pc::user_id, pc::item_id, pc::id)).select(ChargeRow::as_select()).load(conn)?)
}

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = bl)]
pub struct LedgerRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub org_id: i64,
    pub user_id: i64,
    pub month: String,
    pub run_id: i64,
    pub bonus_fen: i64,
    pub carried_in_fen: i64,
    pub charged_fen: i64,
    pub deducted_fen: i64,
    pub carried_on_fen: i64,
}

pub fn insert_ledger(conn: &mut DbConn, rows: &[LedgerRow]) -> DbResult<()> {
    for row in rows {
        diesel::insert_into(bl::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// Each person's latest ledger month before `month` that carries something on.
pub fn carried_into(conn: &mut DbConn, org_id: i64, month: &str) -> DbResult<Vec<LedgerRow>> {
    let rows: Vec<LedgerRow> =
        bl::table.filter(bl::org_id.eq(org_id).and(bl::month.lt(month))).order((bl::user_id, bl::month.desc())).select(LedgerRow::as_select()).load(conn)?;
    let mut latest: Vec<LedgerRow> = Vec::new();
    for r in rows {
        if latest.last().is_none_or(|l| l.user_id != r.user_id) {
            latest.push(r);
        }
    }
    Ok(latest.into_iter().filter(|r| r.carried_on_fen > 0).collect())
}

/// A run's ledger rows, or these people's in every month.
pub fn ledger(conn: &mut DbConn, org_id: i64, run_id: Option<i64>, user_ids: Option<&[i64]>) -> DbResult<Vec<LedgerRow>> {
    let mut q = bl::table.filter(bl::org_id.eq(org_id)).into_boxed();
    if let Some(r) = run_id {
        q = q.filter(bl::run_id.eq(r));
    }
    if let Some(ids) = user_ids {
        q = q.filter(bl::user_id.eq_any(ids.to_vec()));
    }
    Ok(q.order((bl::user_id, bl::month)).select(LedgerRow::as_select()).load(conn)?)
}

/// The charges of these items.
pub fn charges_of_items(conn: &mut DbConn, run_id: i64, item_ids: &[i64]) -> DbResult<Vec<ChargeRow>> {
    let mut out = Vec::new();
    for chunk in item_ids.chunks(500) {
        out.extend(
            pc::table
                .filter(pc::run_id.eq(run_id).and(pc::item_id.eq_any(chunk)))
                .order((pc::user_id, pc::item_id, pc::id))
                .select(ChargeRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}
