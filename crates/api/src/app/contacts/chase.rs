//! The worker's reminder of a late contact with the customer: once, to the
//! case's salespeople and the heads of its sales department, claimed in the
//! transaction that sends it so several instances send it once.

use crate::app::complaints::notify;
use crate::error::ApiResult;
use chrono::NaiveDateTime;
use kehu_domain::contact::ContactKind;
use kehu_domain::notice::Notice;
use kehu_domain::{Role, State};
use kehu_persistence::contacts::{self as store, ContactRow};
use kehu_persistence::{complaints, events, people, write_tx, DbConn};

const BATCH: i64 = 200;

/// One pass at `now`; returns how many reminders this instance sent.
pub fn scan(conn: &mut DbConn, now: NaiveDateTime) -> ApiResult<usize> {
    let mut sent = 0;
    loop {
        let rows = store::due(conn, now, BATCH)?;
        let found = rows.len();
        for row in rows {
            if write_tx(conn, |c| remind(c, &row, now))? {
                sent += 1;
            }
        }
        if found < BATCH as usize {
            return Ok(sent);
        }
    }
}

/// Claims and sends one reminder; false when the contact was made or
/// reminded since, or a first reply's case closed.
pub(crate) fn remind(c: &mut DbConn, row: &ContactRow, now: NaiveDateTime) -> ApiResult<bool> {
    let case = complaints::get(c, row.org_id, row.complaint_id)?;
    if row.kind == ContactKind::FirstReply && case.state == State::Closed {
        return Ok(false);
    }
    if !store::claim_reminder(c, row.id, now)? {
        return Ok(false);
    }
    let mut users = super::salespeople_of(c, &case)?;
    for role in [Role::SalesSupervisor, Role::SalesManager] {
        users.extend(people::users_with_role(c, case.org_id, role, Some(case.sales_department_id))?);
    }
    users.sort_unstable();
    users.dedup();
    events::notify(c, case.org_id, &users, &Notice::contact_late(row.kind, case.id, &notify::label(&case)), now)?;
    let audit = events::Audit {
        org_id: Some(case.org_id),
        user_id: None,
        action: "complaint.contact_late",
        entity: "complaint",
        entity_id: Some(case.id),
        request_id: None,
        details: serde_json::json!({"kind": row.kind, "due_at": row.due_at}).to_string(),
        at: now,
    };
    events::audit(c, &audit)?;
    Ok(true)
}
