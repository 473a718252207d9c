//! The customer list (客户一览表): the records the caller may read, filtered,
//! in name order.

use super::view::{summary, CustomerPage, CustomerSummary};
use super::{read_scope, today};
use crate::app::Ctx;
use crate::error::ApiResult;
use chrono::NaiveDate;
use kehu_domain::customer::{self as rules, Category, CreditGrade, CustomerClass, CustomerStatus};
use kehu_domain::deadline::Market;
use kehu_persistence::customers::{self, CustomerFilter};
use kehu_persistence::{people, DbConn};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;

/// The list's filters (the list's, and the export's, query parameters).
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListFilter {
    /// Part of the name, code, tax id, a contact's name or phone (width, case and spaces ignored).
    pub q: Option<String>,
    /// Default `active` (the customer list); `pending_review` is the review queue.
    pub status: Option<CustomerStatus>,
    pub market: Option<Market>,
    pub owner_id: Option<i64>,
    pub department_id: Option<i64>,
    pub category: Option<Category>,
    pub customer_class: Option<CustomerClass>,
    pub credit_grade: Option<CreditGrade>,
    pub region: Option<String>,
    pub supply_hold: Option<bool>,
    /// Only customers past their protection period (the claim pool).
    #[serde(default)]
    pub claimable: bool,
}

impl ListFilter {
    /// The filter as storage takes it; `text` is `q` folded for search.
    pub fn stored<'a>(&'a self, text: Option<&'a str>, today: NaiveDate) -> CustomerFilter<'a> {
        CustomerFilter {
            q: text,
            market: self.market,
            owner_id: self.owner_id,
            status: Some(self.status.unwrap_or(CustomerStatus::Active)),
            category: self.category,
            customer_class: self.customer_class,
            credit_grade: self.credit_grade,
            region: self.region.as_deref(),
            department_id: self.department_id,
            supply_hold: self.supply_hold,
            claimable_on: self.claimable.then_some(today),
        }
    }

    pub fn search_text(&self) -> Option<String> {
        self.q.as_deref().map(rules::search_query).filter(|s| !s.is_empty())
    }
}

/// One page after the `(name, id)` cursor.
pub fn list(conn: &mut DbConn, ctx: &Ctx, f: ListFilter, after: Option<(String, i64)>, limit: i64) -> ApiResult<CustomerPage> {
    let today = today(conn, ctx.org())?;
    let scope = read_scope(&ctx.caller, today, ctx.now);
    let text = f.search_text();
    let rows = customers::page(conn, ctx.org(), Some(&scope), &f.stored(text.as_deref(), today), after, limit + 1)?;
    let more = rows.len() as i64 > limit;
    let owners: Vec<i64> = rows.iter().map(|r| r.owner_id).collect();
    let names: HashMap<i64, String> = people::display_names(conn, &owners)?.into_iter().collect();
    let items: Vec<CustomerSummary> = rows.iter().take(limit as usize).map(|r| summary(r, names.get(&r.owner_id).cloned(), today)).collect();
    let next_cursor = if more { items.last().map(|l| crate::http::cursor::encode(&(l.name.clone(), l.id))) } else { None };
    Ok(CustomerPage { items, next_cursor })
}

/// One record; a read by anyone but its owner and staff is logged.
pub fn get(tx: &mut crate::app::Tx, ctx: &Ctx, id: i64) -> ApiResult<super::view::CustomerView> {
    let cu = customers::get(tx, ctx.org(), id)?;
    let basis = super::read(tx, &ctx.caller, &cu, rules::ReadPurpose::Record)?;
    super::view::build(tx, ctx, cu, basis)
}
