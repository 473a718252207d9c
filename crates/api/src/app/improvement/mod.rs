//! Improvement tracking (改善追踪) of a case: its marks — pure human
//! negligence, taking it out of the tracking (domain.md §4.7); irrational,
//! counting it apart (seed 002 §7.7.1) — and the effectiveness check of its
//! corrective actions after the close (seed 002 §5.4).

pub mod checks;
pub mod deferrals;
pub mod demo;

pub use checks::{CheckSummary, CheckView};

use crate::app::complaints::{self, notify};
use crate::app::views::Ref;
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult};
use chrono::{DateTime, Utc};
use kehu_domain::events::EventType;
use kehu_domain::improvement::{self as rules, IrrationalFollow, IrrationalLevel, TrackingEvent, TrackingRefusal};
use kehu_domain::workflow::EventAction;
use kehu_domain::State;
use kehu_persistence::complaints::ComplaintRow;
use kehu_persistence::events::{self, EventRow};
use kehu_persistence::improvement::{self as store, MarksRow};
use kehu_persistence::{people, DbConn};
use serde::Serialize;
use utoipa::ToSchema;

pub(crate) fn refused(r: TrackingRefusal) -> ApiError {
    match r {
        TrackingRefusal::WrongState => ApiError::state("the case's state does not allow this"),
        TrackingRefusal::Forbidden => ApiError::Forbidden("not this caller's to mark or check"),
        TrackingRefusal::Invalid(issues) => ApiError::issues(issues),
    }
}

/// One entry in the case's history, as a new version of the case: for its
/// tracking, its petitions and its supplier requests alike.
pub(crate) fn history(tx: &mut Tx, ctx: &Ctx, case: &ComplaintRow, event: impl Into<EventAction>, body: serde_json::Value) -> ApiResult<ComplaintRow> {
    let case = kehu_persistence::complaint_changes::touch(tx, case.id, ctx.now)?;
    record(tx, ctx, case, event, body)
}

/// The entry of a case the caller already moved to its new version.
pub(crate) fn record(tx: &mut Tx, ctx: &Ctx, case: ComplaintRow, event: impl Into<EventAction>, body: serde_json::Value) -> ApiResult<ComplaintRow> {
    let action: EventAction = event.into();
    let e = EventRow {
        id: 0,
        complaint_id: case.id,
        seq: case.version,
        action,
        from_state: Some(case.state),
        to_state: case.state,
        actor_id: Some(ctx.user()),
        actor_role: ctx.caller.main_role(),
        at: ctx.now,
        body: body.to_string(),
        // Only an approved deferral moves the step's deadline.
        step_due_at: if action == EventAction::Tracking(TrackingEvent::ApproveDeferral) { case.step_due_at } else { None },
    };
    events::insert_event(tx, &e)?;
    ctx.audit(tx, &format!("complaint.{}", kehu_domain::codes::Code::as_str(action)), "complaint", case.id, body)?;
    notify::outbox(tx, &case, EventType::ComplaintUpdated, ctx.now)?;
    Ok(case)
}

/// Who marked, when and why.
#[derive(Serialize, ToSchema)]
pub struct MarkView {
    pub reason: String,
    pub by: Ref,
    pub at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct IrrationalView {
    pub level: IrrationalLevel,
    pub follow: IrrationalFollow,
    pub reason: String,
    pub by: Ref,
    pub at: DateTime<Utc>,
}

/// A case's marks, and which of them the caller may change.
#[derive(Serialize, ToSchema)]
pub struct MarksView {
    pub complaint_id: i64,
    /// Pure human negligence (纯属人为疏忽): not tracked for improvement.
    pub human_negligence: Option<MarkView>,
    /// An irrational complaint (非理性抱怨), counted apart in the statistics.
    pub irrational: Option<IrrationalView>,
    pub can_mark_negligence: bool,
    pub can_mark_irrational: bool,
    /// 0 until the case is first marked; send it as `If-Match`.
    pub version: i64,
}

/// Holds the case open for the rest of the transaction, so that a change
/// decided on an open case never lands on one a racing close has closed.
pub(crate) fn hold_open(tx: &mut Tx, case: &ComplaintRow) -> ApiResult<()> {
    if kehu_persistence::complaint_changes::hold_open(tx, case.id)? {
        Ok(())
    } else {
        Err(ApiError::state("the case was closed meanwhile"))
    }
}

/// The marks a save asks for: each part as it should be (None clears it).
pub struct SaveMarks {
    pub complaint_id: i64,
    pub version: i64,
    pub human_negligence: Option<String>,
    pub irrational: Option<(IrrationalFollow, String)>,
}

/// The case's marks and their version (0: never marked).
fn marks_row(conn: &mut DbConn, ctx: &Ctx, case: &ComplaintRow) -> ApiResult<(MarksRow, i64)> {
    Ok(match store::marks_of(conn, ctx.org(), case.id)? {
        Some(m) => {
            let v = m.version;
            (m, v)
        }
        None => (MarksRow { complaint_id: case.id, org_id: ctx.org(), ..MarksRow::default() }, 0),
    })
}

/// Whether the case is marked as pure human negligence.
pub(crate) fn negligence(conn: &mut DbConn, org_id: i64, complaint_id: i64) -> ApiResult<bool> {
    Ok(store::marks_of(conn, org_id, complaint_id)?.is_some_and(|m| m.negligence_reason.is_some()))
}

fn view(conn: &mut DbConn, ctx: &Ctx, case: &ComplaintRow, m: &MarksRow, version: i64) -> ApiResult<MarksView> {
    let ids: Vec<i64> = m.negligence_by.into_iter().chain(m.irrational_by).collect();
    let names: std::collections::HashMap<i64, String> = people::display_names(conn, &ids)?.into_iter().collect();
    let person = |id: Option<i64>| id.map(|id| Ref { id, name: names.get(&id).cloned().unwrap_or_default() });
    let open = case.state != State::Closed;
    let numbered = case.number.is_some();
    Ok(MarksView {
        complaint_id: case.id,
        human_negligence: match (&m.negligence_reason, person(m.negligence_by), m.negligence_at) {
            (Some(reason), Some(by), Some(at)) => Some(MarkView { reason: reason.clone(), by, at: at.and_utc() }),
            _ => None,
        },
        irrational: match (m.irrational_level, m.irrational_follow, &m.irrational_reason, person(m.irrational_by), m.irrational_at) {
            (Some(level), Some(follow), Some(reason), Some(by), Some(at)) => {
                Some(IrrationalView { level, follow, reason: reason.clone(), by, at: at.and_utc() })
            }
            _ => None,
        },
        can_mark_negligence: rules::may_mark_negligence(&ctx.actor(), numbered, open).is_ok(),
        can_mark_irrational: rules::may_mark_irrational(&ctx.actor(), numbered, open).is_ok(),
        version,
    })
}

pub fn marks(conn: &mut DbConn, ctx: &Ctx, complaint_id: i64) -> ApiResult<MarksView> {
    let (case, _) = complaints::visible(conn, ctx, complaint_id)?;
    let (m, version) = marks_row(conn, ctx, &case)?;
    view(conn, ctx, &case, &m, version)
}

/// Sets or clears each mark the caller changes; a part left as it is needs
/// no permission. Each change is one entry in the case's history.
pub fn save_marks(tx: &mut Tx, ctx: &Ctx, cmd: SaveMarks) -> ApiResult<MarksView> {
    let (mut case, _) = complaints::visible(tx, ctx, cmd.complaint_id)?;
    let (old, version) = marks_row(tx, ctx, &case)?;
    if version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let (open, numbered) = (case.state != State::Closed, case.number.is_some());
    let mut new = MarksRow { updated_at: ctx.now, ..old.clone() };
    let mut changes: Vec<(TrackingEvent, serde_json::Value)> = Vec::new();
    if cmd.human_negligence != old.negligence_reason {
        rules::may_mark_negligence(&ctx.actor(), numbered, open).map_err(refused)?;
        match &cmd.human_negligence {
            Some(reason) => {
                rules::check_reason(reason).map_err(refused)?;
                (new.negligence_reason, new.negligence_by, new.negligence_at) = (Some(reason.clone()), Some(ctx.user()), Some(ctx.now));
                changes.push((TrackingEvent::MarkNegligence, serde_json::json!({"reason": reason})));
            }
            None => {
                (new.negligence_reason, new.negligence_by, new.negligence_at) = (None, None, None);
                changes.push((TrackingEvent::ClearNegligence, serde_json::json!({})));
            }
        }
    }
    let old_irrational = old.irrational_follow.zip(old.irrational_reason.clone());
    if cmd.irrational != old_irrational {
        rules::may_mark_irrational(&ctx.actor(), numbered, open).map_err(refused)?;
        match &cmd.irrational {
            Some((follow, reason)) => {
                rules::check_reason(reason).map_err(refused)?;
                let level = old.irrational_level.unwrap_or(IrrationalLevel::First);
                new.irrational_level = Some(level);
                (new.irrational_follow, new.irrational_reason, new.irrational_by, new.irrational_at) =
                    (Some(*follow), Some(reason.clone()), Some(ctx.user()), Some(ctx.now));
                changes.push((TrackingEvent::MarkIrrational, serde_json::json!({"level": level, "follow": follow, "reason": reason})));
            }
            None => {
                (new.irrational_level, new.irrational_follow, new.irrational_reason, new.irrational_by, new.irrational_at) = (None, None, None, None, None);
                changes.push((TrackingEvent::ClearIrrational, serde_json::json!({})));
            }
        }
    }
    if changes.is_empty() {
        return view(tx, ctx, &case, &old, version);
    }
    hold_open(tx, &case)?;
    let saved = store::save_marks(tx, &new, version)?.ok_or(ApiError::PreconditionFailed)?;
    for (event, body) in changes {
        case = history(tx, ctx, &case, event, body)?;
    }
    let v = saved.version;
    view(tx, ctx, &case, &saved, v)
}
