//! The follow-up numbers an administrator may change: when a late deadline
//! reaches the manager and the general manager's office, and the customer's
//! clocks (first reply, close confirmation).

use crate::app::{policies, policy, Ctx, Tx};
use crate::error::{ApiError, ApiResult};
use kehu_domain::chase::ChasePolicy;
use kehu_persistence::DbConn;
use serde::Serialize;
use utoipa::ToSchema;

/// The rules in force; PUT the same fields without `version`.
#[derive(Serialize, ToSchema)]
pub struct ChasePolicyView {
    pub version: i64,
    /// Hours past a deadline before the department's manager is told too (24).
    pub manager_after_hours: u32,
    /// Hours past a deadline before the general manager's office is told too (72).
    pub gm_office_after_hours: u32,
    /// Hours from registration within which sales first answers the customer (24).
    pub first_reply_hours: u32,
    /// Hours from the close within which sales confirms the outcome with the customer (12).
    pub close_confirmation_hours: u32,
}

fn view(p: &ChasePolicy, version: i64) -> ChasePolicyView {
    ChasePolicyView {
        version,
        manager_after_hours: p.manager_after_hours,
        gm_office_after_hours: p.gm_office_after_hours,
        first_reply_hours: p.first_reply_hours,
        close_confirmation_hours: p.close_confirmation_hours,
    }
}

pub fn get(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<ChasePolicyView> {
    let (p, v): (ChasePolicy, i64) = policy::current(conn, ctx.org(), policy::CHASE)?;
    Ok(view(&p, v))
}

/// A new version (admin); the next pass of the worker chases by it.
pub fn put(tx: &mut Tx, ctx: &Ctx, (version, p): (i64, ChasePolicy)) -> ApiResult<ChasePolicyView> {
    p.check().map_err(ApiError::issues)?;
    let v = policies::replace(tx, ctx, policy::CHASE, version, &p)?;
    Ok(view(&p, v))
}
