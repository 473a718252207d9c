//! Customer service's part once an application is approved: the on-site
//! inspection (现场检验, skipped for sample units) and the originals
//! collected with the goods.

use super::{history, view, visible, ReturnView};
use crate::app::{customers as archive, Ctx, Tx};
use crate::error::{ApiError, ApiResult, ProblemCode};
use kehu_domain::returns::inspection::{self, Inspection, Original, ServiceRefusal};
use kehu_domain::returns::ReturnEvent;
use kehu_persistence::codes::Codes;
use kehu_persistence::returns::{self as store, ReturnChanges, ReturnRow};

/// A step on an application at the version the caller read.
pub struct ServiceCmd<T> {
    pub id: i64,
    pub version: i64,
    pub body: T,
}

fn refused(r: ServiceRefusal) -> ApiError {
    match r {
        ServiceRefusal::NotApproved => ApiError::state("only an approved application"),
        ServiceRefusal::NotNeeded => ApiError::conflict(ProblemCode::InspectionNotNeeded, "a sample unit comes back without an on-site inspection"),
        ServiceRefusal::AlreadyDone => ApiError::conflict(ProblemCode::AlreadyDone, "the goods were inspected already"),
        ServiceRefusal::Forbidden => ApiError::Forbidden("customer service inspects; it or the applicant records the originals"),
    }
}

fn load(tx: &mut Tx, ctx: &Ctx, id: i64, version: i64) -> ApiResult<ReturnRow> {
    let row = visible(tx, ctx, id)?;
    if row.version != version {
        return Err(ApiError::PreconditionFailed);
    }
    Ok(row)
}

fn save(tx: &mut Tx, ctx: &Ctx, row: &ReturnRow, ch: &ReturnChanges, event: ReturnEvent, note: Option<String>) -> ApiResult<ReturnView> {
    let saved = store::update(tx, row.id, row.version, ch, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    history(tx, ctx, &saved, event, Some(row.state), note)?;
    ctx.audit(tx, &format!("return.{}", event.as_str()), "return", row.id, serde_json::json!({"version": saved.version}))?;
    view::build(tx, ctx, saved)
}

/// Records the on-site inspection, signed by the customer; once.
pub fn inspect(tx: &mut Tx, ctx: &Ctx, cmd: ServiceCmd<Inspection>) -> ApiResult<ReturnView> {
    let row = load(tx, ctx, cmd.id, cmd.version)?;
    inspection::may_inspect(&ctx.actor(), row.state, row.sample_unit, row.inspection_json.is_some()).map_err(refused)?;
    let today = archive::today(tx, ctx.org())?;
    let issues = cmd.body.check(today);
    if !issues.is_empty() {
        return Err(ApiError::issues(issues));
    }
    let missing: Vec<String> = cmd.body.missing().iter().map(|(part, n)| format!("{part} ×{n}")).collect();
    let json = serde_json::to_string(&cmd.body).map_err(|e| ApiError::Internal(e.to_string()))?;
    let ch = ReturnChanges { inspection_json: Some(Some(json)), inspected_by: Some(Some(ctx.user())), inspected_at: Some(Some(ctx.now)), ..Default::default() };
    save(tx, ctx, &row, &ch, ReturnEvent::Inspect, (!missing.is_empty()).then(|| missing.join("，")))
}

/// Replaces the set of originals collected.
pub fn collect_originals(tx: &mut Tx, ctx: &Ctx, cmd: ServiceCmd<Vec<Original>>) -> ApiResult<ReturnView> {
    let row = load(tx, ctx, cmd.id, cmd.version)?;
    inspection::may_collect(&ctx.actor(), row.state, row.raised_by).map_err(refused)?;
    let collected = Codes::new(cmd.body);
    if collected == row.originals {
        return view::build(tx, ctx, row);
    }
    let ch = ReturnChanges { originals: Some(collected), ..Default::default() };
    save(tx, ctx, &row, &ch, ReturnEvent::CollectOriginals, None)
}
