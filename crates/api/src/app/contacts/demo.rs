//! Contacts with the customer for `seed-demo`: BRK-2210's first reply
//! recorded with a promised date; GEAR-88's first reply late, so sales holds
//! the worker's reminder; the closed 8D case BRK-2231 confirmed with the
//! customer and its satisfaction survey link sent. BRK-5101, closed late,
//! waits for its close confirmation.

use super::{record, survey_link, RecordContact};
use crate::app::seed::caller_for;
use crate::app::{Ctx, Tx};
use crate::error::ApiResult;
use chrono::{Duration, Utc};
use kehu_domain::contact::{Contact, ContactKind, ContactMethod};
use kehu_persistence::contacts as store;
use kehu_persistence::DbConn;

fn contact(c: &mut DbConn, org_id: i64, product: &str, kind: ContactKind) -> ApiResult<Option<store::ContactRow>> {
    Ok(match store::demo_case(c, org_id, product)? {
        Some(id) => store::get(c, id, kind)?,
        None => None,
    })
}

pub fn seed(c: &mut DbConn) -> ApiResult<()> {
    let sales = caller_for(c, "sales")?;
    let org_id = sales.org_id;
    let ctx = Ctx::internal(sales);
    let now = Utc::now().naive_utc();
    if let Some(row) = contact(c, org_id, "BRK-2210", ContactKind::FirstReply)? {
        let today = crate::app::customers::today(c, org_id)?;
        let reply = Contact {
            contacted_at: now,
            method: ContactMethod::Phone,
            summary: "已电话告知客户已立案, 品保正在分析盐雾试验结果, 三个工作日内给出处理方案".into(),
            promised_on: Some(today + Duration::days(3)),
            confirmed: None,
        };
        record(&mut Tx::new(c), &ctx, RecordContact { complaint_id: row.complaint_id, kind: row.kind, version: row.version, contact: reply })?;
    }
    if let Some(row) = contact(c, org_id, "GEAR-88", ContactKind::FirstReply)? {
        store::demo_due(c, row.id, now - Duration::hours(6))?;
        let late = store::get(c, row.complaint_id, row.kind)?.unwrap_or(row);
        // As the worker would: claimed, sent and audited.
        super::chase::remind(c, &late, now)?;
    }
    if let Some(row) = contact(c, org_id, "BRK-2231", ContactKind::CloseConfirmation)? {
        let confirmation = Contact {
            contacted_at: now,
            method: ContactMethod::Visit,
            summary: "拜访客户确认返工件已上线使用, 客户同意结案".into(),
            promised_on: None,
            confirmed: Some(true),
        };
        let supervisor = Ctx::internal(caller_for(c, "supervisor")?);
        record(&mut Tx::new(c), &supervisor, RecordContact { complaint_id: row.complaint_id, kind: row.kind, version: row.version, contact: confirmation })?;
        survey_link(&mut Tx::new(c), &supervisor, row.complaint_id)?;
    }
    Ok(())
}
