//! The step clock of the documents after a return's approval (the return
//! note, the goods' handling, the allowance certificate): each step may stay
//! the policy's working days in one department (1 by default) on the company
//! calendar; an overdue step is reminded once (催办单) to its people.

use super::{customer_name, handling, note};
use crate::app::{policy, Ctx, Tx};
use crate::error::{ApiError, ApiResult};
use chrono::{DateTime, NaiveDateTime, Utc};
use kehu_domain::notice::Notice;
use kehu_domain::returns::{Document, Refusal, ReturnPolicy, StepClock};
use kehu_persistence::deadlines;
use kehu_persistence::events;
use kehu_persistence::returns as store;
use kehu_persistence::{write_tx, DbConn};

/// The document entered `step` now: its clock starts again.
pub(crate) fn start(tx: &mut Tx, ctx: &Ctx, document: Document, id: i64, step: &str) -> ApiResult<()> {
    let rp: ReturnPolicy = policy::current(tx, ctx.org(), policy::RETURNS)?.0;
    let cal = policy::calendar(tx, ctx.org())?;
    let due = rp.step_due(&cal, ctx.now.and_utc(), false).naive_utc();
    Ok(deadlines::start(tx, ctx.org(), document, id, step, ctx.now, due)?)
}

/// The document is out of every department's hands.
pub(crate) fn stop(tx: &mut Tx, document: Document, id: i64) -> ApiResult<()> {
    Ok(deadlines::stop(tx, document, id)?)
}

/// A document's current step as its clock stands.
pub(crate) struct StepDue {
    pub due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    pub clock: StepClock,
}

/// The current step's deadline, whether it has passed, and whether it was extended.
pub(crate) fn due(conn: &mut DbConn, ctx: &Ctx, document: Document, id: i64) -> ApiResult<StepDue> {
    let d = deadlines::of(conn, document, id)?;
    Ok(StepDue { due_at: d.as_ref().map(|d| d.due_at.and_utc()), overdue: d.as_ref().is_some_and(|d| d.due_at < ctx.now), clock: clock_of(d.as_ref()) })
}

fn clock_of(d: Option<&deadlines::Deadline>) -> StepClock {
    StepClock { running: d.is_some(), extended: d.is_some_and(|d| d.extended_at.is_some()) }
}

/// Keeps the document's current step up to the policy's longer limit, once,
/// with the reason the caller wrote in `field`; whether the caller takes the
/// step is the document's rule, decided before.
pub(crate) fn extend(tx: &mut Tx, ctx: &Ctx, document: Document, id: i64, field: &str, reason: Option<&str>) -> ApiResult<()> {
    let d = deadlines::of(tx, document, id)?;
    clock_of(d.as_ref()).extend(field, reason).map_err(|r| match r {
        Refusal::Invalid(issues) => ApiError::issues(issues),
        _ => ApiError::state("the step was extended already, or has no deadline"),
    })?;
    // A running clock is a row; the reason was checked to be there.
    let Some(d) = d else { return Err(ApiError::state("the step has no deadline")) };
    let reason = reason.unwrap_or_default();
    let rp: ReturnPolicy = policy::current(tx, ctx.org(), policy::RETURNS)?.0;
    let cal = policy::calendar(tx, ctx.org())?;
    let due = rp.step_due(&cal, d.entered_at.and_utc(), true).naive_utc();
    if !deadlines::extend(tx, d.id, due, reason.trim(), ctx.now)? {
        return Err(ApiError::state("the step was extended already"));
    }
    Ok(())
}

/// Who the reminder of an overdue step goes to, and what it says.
fn reminder(c: &mut DbConn, d: &deadlines::Deadline) -> ApiResult<Option<(Vec<i64>, Notice)>> {
    Ok(match d.document {
        Document::ReturnNote | Document::ReturnHandling => {
            let row = store::get(c, d.org_id, d.document_id)?;
            let customer = customer_name(c, &row)?;
            match (d.document, row.note_state, row.handling_state) {
                (Document::ReturnNote, Some(s), _) => {
                    let number = row.note_number.clone().unwrap_or_default();
                    Some((note::waiting_for(c, &row)?, Notice::return_note_reminder(row.id, &number, &customer, s)))
                }
                (Document::ReturnHandling, _, Some(s)) => {
                    Some((handling::waiting_for(c, &row, s)?, Notice::return_handling_reminder(row.id, &row.number, &customer, s)))
                }
                _ => None,
            }
        }
        Document::Allowance => {
            let row = kehu_persistence::allowances::get(c, d.org_id, d.document_id)?;
            let customer = kehu_persistence::customers::many(c, &[row.customer_id])?.pop().map(|c| c.name).unwrap_or_default();
            let users = crate::app::allowances::waiting_for(c, &row)?;
            Some((users, Notice::allowance_reminder(row.id, &row.number, &customer, row.state)))
        }
    })
}

/// Reminds the people of every overdue document step once; safe with
/// several instances: each reminder is claimed by a conditional update.
pub fn remind_overdue(conn: &mut DbConn, now: NaiveDateTime) -> ApiResult<usize> {
    let mut issued = 0;
    for d in deadlines::overdue_unreminded(conn, now, 500)? {
        let sent = write_tx(conn, |c| {
            if !deadlines::claim(c, d.id, d.entered_at, now)? {
                return Ok::<bool, ApiError>(false);
            }
            let Some((users, notice)) = reminder(c, &d)? else { return Ok(false) };
            events::notify(c, d.org_id, &users, &notice, now)?;
            let audit = events::Audit {
                org_id: Some(d.org_id),
                user_id: None,
                action: "document.overdue_reminder",
                entity: d.document.as_str(),
                entity_id: Some(d.document_id),
                request_id: None,
                details: serde_json::json!({"step": d.step, "due_at": d.due_at}).to_string(),
                at: now,
            };
            events::audit(c, &audit)?;
            Ok(true)
        })?;
        issued += usize::from(sent);
    }
    Ok(issued)
}
