//! Recurrence (seed 002 §4.2.1.4, 相同产品或问题连续发生): the earlier
//! complaints of a case's product within the policy's window — of the same
//! customer, and of others — for the coordinator at registration, who may
//! link the case to the one it repeats.

use crate::app::complaints;
use crate::app::views::Ref;
use crate::app::{policy, Ctx};
use crate::error::{ApiError, ApiResult, FieldCode};
use chrono::{DateTime, Utc};
use kehu_domain::eightd::EightDPolicy;
use kehu_domain::intake::Severity;
use kehu_domain::State;
use kehu_persistence::complaints::ComplaintRow;
use kehu_persistence::{customers, eight_d as store, DbConn};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// At most this many earlier cases are listed.
const LIMIT: i64 = 50;

/// One earlier complaint of the product.
#[derive(Serialize, ToSchema)]
pub struct EarlierCase {
    pub id: i64,
    pub number: Option<String>,
    pub customer: Ref,
    pub state: State,
    pub severity: Option<Severity>,
    pub description: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// What registration is told about a case's earlier ones.
#[derive(Serialize, ToSchema)]
pub struct RecurrenceView {
    /// The policy's window, in days before the case was filed.
    pub window_days: u32,
    pub product_number: Option<String>,
    /// The same customer's earlier complaints of the product: a repeat.
    pub same_customer: Vec<EarlierCase>,
    /// Other customers' complaints of the product.
    pub other_customers: Vec<EarlierCase>,
    /// A repeat: seed 002 counts it as severe, needing an 8D report.
    pub suggests_severe: bool,
    /// The case it was linked to at registration.
    pub repeat_of: Option<Ref>,
}

/// The earlier complaints of the case's product, as the caller may read them.
pub fn of(conn: &mut DbConn, ctx: &Ctx, complaint_id: i64) -> ApiResult<RecurrenceView> {
    let (case, _) = complaints::visible(conn, ctx, complaint_id)?;
    let p: EightDPolicy = policy::current(conn, ctx.org(), policy::EIGHT_D)?.0;
    let rows = match case.product_number.as_deref() {
        Some(product) => {
            let since = p.recurrence_since(case.created_at.and_utc()).naive_utc();
            store::earlier_of_product(conn, ctx.org(), &complaints::list::scope(ctx), product, since..case.created_at, case.id, LIMIT)?
        }
        None => Vec::new(),
    };
    let ids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
    let names: HashMap<i64, String> = customers::many(conn, &ids)?.into_iter().map(|c| (c.id, c.name)).collect();
    let item = |r: ComplaintRow| EarlierCase {
        id: r.id,
        number: r.number,
        customer: Ref { id: r.customer_id, name: names.get(&r.customer_id).cloned().unwrap_or_default() },
        state: r.state,
        severity: r.severity,
        description: r.description,
        created_at: r.created_at.and_utc(),
    };
    let (same, other): (Vec<ComplaintRow>, Vec<ComplaintRow>) = rows.into_iter().partition(|r| r.customer_id == case.customer_id);
    let repeat_of = match case.repeat_of_id {
        Some(id) => complaints::visible(conn, ctx, id).ok().map(|(r, _)| Ref { id, name: r.number.unwrap_or_default() }),
        None => None,
    };
    Ok(RecurrenceView {
        window_days: p.recurrence_window_days,
        product_number: case.product_number.clone(),
        suggests_severe: !same.is_empty(),
        same_customer: same.into_iter().map(item).collect(),
        other_customers: other.into_iter().map(item).collect(),
        repeat_of,
    })
}

/// The case a registration links as repeated must be one the caller may
/// read, of the same product, filed before within the window.
pub(crate) fn check_repeat(conn: &mut DbConn, ctx: &Ctx, case: &ComplaintRow, repeat_of: i64, p: &EightDPolicy) -> ApiResult<()> {
    let not_found = || ApiError::field("repeat_of", FieldCode::NotFound, "no such complaint");
    let (earlier, _) = complaints::visible(conn, ctx, repeat_of).map_err(|e| if matches!(e, ApiError::NotFound) { not_found() } else { e })?;
    let same_product = earlier.product_number.is_some() && earlier.product_number == case.product_number;
    if !same_product || earlier.number.is_none() || !p.is_recurrence(case.created_at.and_utc(), earlier.created_at.and_utc()) {
        return Err(ApiError::field("repeat_of", FieldCode::Invalid, "an earlier registered complaint of the same product within the policy's window"));
    }
    Ok(())
}
