//! The returns' numbers an administrator may change (domain.md §5).

use crate::app::{policies, policy, Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode};
use kehu_domain::returns::ReturnPolicy;
use kehu_persistence::DbConn;
use serde::Serialize;
use utoipa::ToSchema;

/// The rules in force; PUT the same fields without `version`.
#[derive(Serialize, ToSchema)]
pub struct ReturnPolicyView {
    pub version: i64,
    /// Working days a document may stay in one department (1).
    pub step_working_days: u32,
    /// At most, with a written reason (3).
    pub extended_working_days: u32,
    /// Over-delivery accepted on a return when the customer has no tolerance
    /// of its own, in basis points (0 = none; 500 = 5 %).
    pub company_tolerance_bp: u32,
    /// The consumer rule set's periods (calendar days): return 30, exchange
    /// 60, defective 30 from the purchase; the refund 3 from the approval.
    pub retail: RetailRulesView,
}

#[derive(Serialize, ToSchema)]
pub struct RetailRulesView {
    pub return_days: u32,
    pub exchange_days: u32,
    pub quality_days: u32,
    pub refund_days: u32,
}

fn view(p: &ReturnPolicy, version: i64) -> ReturnPolicyView {
    ReturnPolicyView {
        version,
        step_working_days: p.step_working_days,
        extended_working_days: p.extended_working_days,
        company_tolerance_bp: p.company_tolerance_bp,
        retail: RetailRulesView {
            return_days: p.retail.return_days,
            exchange_days: p.retail.exchange_days,
            quality_days: p.retail.quality_days,
            refund_days: p.retail.refund_days,
        },
    }
}

pub fn get(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<ReturnPolicyView> {
    let (p, v): (ReturnPolicy, i64) = policy::current(conn, ctx.org(), policy::RETURNS)?;
    Ok(view(&p, v))
}

/// A new version (admin); it applies to steps entered afterwards. Without
/// `retail_given`, the consumer rule set's periods stay as they are.
pub fn put(tx: &mut Tx, ctx: &Ctx, (version, mut p, retail_given): (i64, ReturnPolicy, bool)) -> ApiResult<ReturnPolicyView> {
    if !retail_given {
        p.retail = policy::current::<ReturnPolicy>(tx, ctx.org(), policy::RETURNS)?.0.retail;
    }
    if p.extended_working_days < p.step_working_days {
        return Err(ApiError::field("extended_working_days", FieldCode::OutOfRange, "at least the step's working days"));
    }
    let v = policies::replace(tx, ctx, policy::RETURNS, version, &p)?;
    Ok(view(&p, v))
}
