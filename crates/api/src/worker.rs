//! Background work: marks overdue steps (of complaints, of return
//! applications and of the documents after them) and issues reminder notices
//! (催办单).
//! Safe with several instances on one database: each reminder is claimed by
//! a conditional update that only one instance can win.

use crate::app::complaints::notify;
use crate::error::ApiResult;
use chrono::NaiveDateTime;
use chrono::Utc;
use kehu_persistence::complaints::{self, ComplaintRow};
use kehu_persistence::events;
use kehu_persistence::{write_tx, DbConn, Pool};
use std::time::Duration;

const SCAN_BATCH: i64 = 200;

/// One pass over every overdue step, a batch at a time; returns how many
/// reminders this instance issued.
pub fn scan_overdue(conn: &mut DbConn) -> ApiResult<usize> {
    let mut issued = 0;
    loop {
        let (found, sent) = scan_batch(conn)?;
        issued += sent;
        if found < SCAN_BATCH as usize {
            let now = Utc::now().naive_utc();
            let returns = crate::app::returns::remind_overdue(conn, now)?;
            let documents = crate::app::returns::clock::remind_overdue(conn, now)?;
            let chased = crate::app::letters::chase::scan(conn, now)? + crate::app::contacts::chase::scan(conn, now)?;
            return Ok(issued + returns + documents + chased + crate::app::improvement::checks::remind_due(conn, now)?);
        }
    }
}

/// Returns (overdue steps found, reminders issued).
fn scan_batch(conn: &mut DbConn) -> ApiResult<(usize, usize)> {
    let now = Utc::now().naive_utc();
    let due = complaints::overdue_unreminded(conn, now, SCAN_BATCH)?;
    let found = due.len();
    let mut issued = 0;
    for row in due {
        if write_tx(conn, |c| remind(c, &row, now))? {
            issued += 1;
        }
    }
    Ok((found, issued))
}

/// Claims the reminder of the overdue step `row` is in and sends it, in the
/// caller's transaction; false when another instance did.
pub(crate) fn remind(c: &mut DbConn, row: &ComplaintRow, now: NaiveDateTime) -> ApiResult<bool> {
    if !complaints::claim_reminder(c, row.id, row.step_entered_at, now)? {
        return Ok(false);
    }
    notify::reminder(c, row, None, now)?;
    events::audit(
        c,
        &events::Audit {
            org_id: Some(row.org_id),
            user_id: None,
            action: "complaint.overdue_reminder",
            entity: "complaint",
            entity_id: Some(row.id),
            request_id: None,
            details: serde_json::json!({"state": row.state, "step_due_at": row.step_due_at}).to_string(),
            at: now,
        },
    )?;
    Ok(true)
}

/// Raises this quarter's verification task (每季度核实) for every active
/// customer that has none yet; returns how many were raised. Idempotent, and
/// safe with several instances: the (customer, quarter) key admits one.
pub fn raise_verifications(conn: &mut DbConn) -> ApiResult<usize> {
    let now = Utc::now().naive_utc();
    let Some(org) = kehu_persistence::people::default_org(conn)? else {
        return Ok(0);
    };
    let today = crate::app::customers::today(conn, org.id)?;
    let (_, due) = kehu_domain::care::quarter_bounds(today);
    Ok(write_tx(conn, |c| kehu_persistence::care::raise_verifications(c, &kehu_domain::care::quarter(today), due, now))?)
}

pub fn spawn(pool: Pool, interval_secs: u64) {
    actix_web::rt::spawn(async move {
        // The first scan one interval after the start, not at once: instances
        // restarted together do not all catch up in the same second.
        let period = Duration::from_secs(interval_secs.max(1));
        let mut tick = actix_web::rt::time::interval_at(actix_web::rt::time::Instant::now() + period, period);
        loop {
            tick.tick().await;
            let pool = pool.clone();
            let started = std::time::Instant::now();
            let result = actix_web::web::block(move || -> ApiResult<usize> {
                let mut conn = pool.get().map_err(|_| crate::error::ApiError::Unavailable)?;
                let result = raise_verifications(&mut conn)
                    .and_then(|raised| {
                        if raised > 0 {
                            tracing::info!(raised, "quarterly verification tasks raised");
                        }
                        crate::app::report_runs::prepare_due(&mut conn, Utc::now().naive_utc())
                    })
                    .and_then(|prepared| {
                        if prepared > 0 {
                            tracing::info!(prepared, "scheduled reports prepared");
                        }
                        scan_overdue(&mut conn)
                    });
                if result.is_err() {
                    conn.check_after_error();
                }
                result
            })
            .await;
            let elapsed_ms = started.elapsed().as_millis() as u64;
            match result {
                Ok(Ok(n)) if n > 0 => tracing::info!(reminders = n, elapsed_ms, "overdue reminders issued"),
                Ok(Ok(_)) => tracing::debug!(elapsed_ms, "overdue scan found nothing to send"),
                Ok(Err(e)) => tracing::warn!(error = %e, elapsed_ms, "overdue scan failed"),
                Err(e) => tracing::warn!(error = %e, "overdue scan did not run"),
            }
        }
    });
}
