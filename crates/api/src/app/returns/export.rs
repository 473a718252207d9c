//! The returns summary (产品退换货汇总表) as a spreadsheet: the list's rows
//! for the same filters and read rule, every page.

use super::list::{filter, ReturnQuery};
use super::view::lines;
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::i18n::Lang;
use kehu_domain::returns::application;
use kehu_persistence::returns as store;
use kehu_persistence::{customers, people, DbConn};
use std::collections::HashMap;

/// Rows in one file; more asks for narrower filters.
pub const MAX_ROWS: i64 = 100_000;

/// The manual's columns (客户姓名 购买产品 … 退换), with the number, order,
/// state and applicant the product adds.
pub const HEADERS: [&str; 16] = [
    "单号",
    "申请日期",
    "客户名称",
    "购买产品",
    "规格",
    "订单号",
    "数量",
    "金额",
    "类别",
    "退换货原因",
    "状态",
    "申请人",
    "客诉单号",
    "退货单号",
    "退货单状态",
    "实退数量",
];

fn word(lang: Lang, group: &str, code: &str) -> String {
    lang.text(&format!("returns.{group}.{code}")).unwrap_or(code).to_owned()
}

pub fn rows(conn: &mut DbConn, ctx: &Ctx, q: ReturnQuery) -> ApiResult<Vec<Vec<String>>> {
    let scope = application::read_scope(&ctx.actor());
    let f = filter(ctx, &q);
    if store::count(conn, ctx.org(), &scope, &f)? > MAX_ROWS {
        return Err(ApiError::field("filters", FieldCode::TooManyRows, format!("at most {MAX_ROWS} rows per file: narrow the filters")));
    }
    let tz = crate::app::policy::calendar(conn, ctx.org())?.tz;
    let mut out = Vec::new();
    let mut before = None;
    loop {
        let page = store::page(conn, ctx.org(), &scope, &f, before, 2_000)?;
        let Some(last) = page.last() else { break };
        before = Some(last.id);
        let cids: Vec<i64> = page.iter().map(|r| r.customer_id).collect();
        let names: HashMap<i64, String> = customers::many(conn, &cids)?.into_iter().map(|c| (c.id, c.name)).collect();
        let uids: Vec<i64> = page.iter().map(|r| r.raised_by).collect();
        let people: HashMap<i64, String> = people::display_names(conn, &uids)?.into_iter().collect();
        let kids: Vec<i64> = page.iter().filter_map(|r| r.complaint_id).collect();
        let complaints: HashMap<i64, String> = store::complaint_numbers(conn, &kids)?.into_iter().collect();
        for r in &page {
            let items = lines(r)?;
            let join = |f: &dyn Fn(&kehu_domain::returns::ReturnLine) -> String| items.iter().map(f).collect::<Vec<_>>().join("；");
            out.push(vec![
                r.number.clone(),
                r.created_at.and_utc().with_timezone(&tz).date_naive().to_string(),
                names.get(&r.customer_id).cloned().unwrap_or_default(),
                join(&|l| l.product_number.clone()),
                join(&|l| l.description.clone().unwrap_or_default()),
                r.order_number.clone().unwrap_or_default(),
                items.iter().map(|l| l.quantity).sum::<i64>().to_string(),
                crate::http::money::show(r.total_fen),
                word(ctx.lang, "kind", r.kind.as_str()),
                r.reason.clone(),
                word(ctx.lang, "state", r.state.as_str()),
                people.get(&r.raised_by).cloned().unwrap_or_default(),
                r.complaint_id.and_then(|id| complaints.get(&id).cloned()).unwrap_or_default(),
                r.note_number.clone().unwrap_or_default(),
                r.note_state.map(|s| word(ctx.lang, "noteState", s.as_str())).unwrap_or_default(),
                r.received_quantity.map(|q| q.to_string()).unwrap_or_default(),
            ]);
        }
    }
    Ok(out)
}
