//! What a reader sees of an 8D report: its sections, how far each is, the
//! people it names, and what the caller may do.

use super::{facts, report};
use crate::app::complaints;
use crate::app::views::Ref;
use crate::app::Ctx;
use crate::error::{ApiResult, FieldError};
use chrono::{DateTime, Utc};
use kehu_domain::eightd::{self as rules, EightDAction, EightDReport, EightDState, SECTIONS};
use kehu_persistence::complaints::ComplaintRow;
use kehu_persistence::eight_d::{self as store, EightDRow};
use kehu_persistence::{people, DbConn};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// One section (D1–D8) and how far it is.
#[derive(Serialize, ToSchema)]
pub struct SectionView {
    /// `team`, `problem`, `containment`, `root_cause`, `actions`, `verification`, `prevention`, `closure`.
    pub section: String,
    pub complete: bool,
    /// Still as prefilled from the case, unchanged since.
    pub prefilled: bool,
    /// What it lacks before the report can be submitted.
    pub missing: Vec<FieldError>,
}

/// 8D 问题处理报告.
#[derive(Serialize, ToSchema)]
pub struct EightDView {
    pub id: i64,
    /// `<complaint number>-<product number>`.
    #[schema(example = "KS2612-0007-BRK-2207")]
    pub name: String,
    pub complaint: Ref,
    pub state: EightDState,
    /// The case needs this report approved before it closes.
    pub required: bool,
    pub report: EightDReport,
    /// D1 to D8.
    pub sections: Vec<SectionView>,
    /// The names of everyone the report names (team, action owners).
    pub people: Vec<Ref>,
    /// The QA manager's last comments.
    pub review_comment: Option<String>,
    pub created_by: Ref,
    pub submitted_by: Option<Ref>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub approved_by: Option<Ref>,
    pub approved_at: Option<DateTime<Utc>>,
    /// The caller may change the sections now.
    pub can_edit: bool,
    pub available_actions: Vec<EightDAction>,
    pub version: i64,
}

/// A row of the reports' list (the QA manager's box).
#[derive(Serialize, ToSchema)]
pub struct EightDSummary {
    pub id: i64,
    pub name: String,
    pub complaint: Ref,
    pub state: EightDState,
    pub required: bool,
    pub submitted_by: Option<Ref>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

fn names(conn: &mut DbConn, ids: Vec<i64>) -> ApiResult<HashMap<i64, String>> {
    Ok(people::display_names(conn, &ids)?.into_iter().collect())
}

fn person(names: &HashMap<i64, String>, id: i64) -> Ref {
    Ref { id, name: names.get(&id).cloned().unwrap_or_default() }
}

fn sections(r: &EightDReport, prefilled: &str) -> Vec<SectionView> {
    SECTIONS
        .iter()
        .zip(r.gaps())
        .map(|(section, gaps)| SectionView {
            section: (*section).to_owned(),
            complete: gaps.is_empty(),
            prefilled: prefilled.split(',').any(|p| p == *section),
            missing: gaps.into_iter().map(FieldError::from).collect(),
        })
        .collect()
}

pub(super) fn build(conn: &mut DbConn, ctx: &Ctx, case: &ComplaintRow, row: EightDRow) -> ApiResult<EightDView> {
    let r = report(&row)?;
    let f = facts(case, &row, &r);
    let mut ids: Vec<i64> = r.team.iter().map(|m| m.user_id).chain(r.actions.iter().map(|a| a.owner_id)).collect();
    ids.extend([row.created_by].into_iter().chain(row.submitted_by).chain(row.approved_by));
    ids.sort_unstable();
    ids.dedup();
    let n = names(conn, ids.clone())?;
    Ok(EightDView {
        id: row.id,
        name: row.name.clone(),
        complaint: Ref { id: case.id, name: case.number.clone().unwrap_or_default() },
        state: row.state,
        required: case.eight_d_required,
        sections: sections(&r, &row.prefilled),
        people: ids.iter().map(|id| person(&n, *id)).collect(),
        review_comment: row.review_comment.clone(),
        created_by: person(&n, row.created_by),
        submitted_by: row.submitted_by.map(|u| person(&n, u)),
        submitted_at: row.submitted_at.map(|t| t.and_utc()),
        approved_by: row.approved_by.map(|u| person(&n, u)),
        approved_at: row.approved_at.map(|t| t.and_utc()),
        can_edit: rules::may_edit(&ctx.actor(), &f).is_ok(),
        available_actions: rules::available(&ctx.actor(), &f),
        version: row.version,
        report: r,
    })
}

pub(super) fn list(conn: &mut DbConn, ctx: &Ctx, state: EightDState) -> ApiResult<Vec<EightDSummary>> {
    let rows = store::cases_in(conn, ctx.org(), &complaints::list::scope(ctx), state, 200)?;
    let n = names(conn, rows.iter().filter_map(|(_, r)| r.submitted_by).collect())?;
    Ok(rows
        .into_iter()
        .map(|(case, r)| EightDSummary {
            id: r.id,
            name: r.name,
            complaint: Ref { id: case.id, name: case.number.unwrap_or_default() },
            state: r.state,
            required: case.eight_d_required,
            submitted_by: r.submitted_by.map(|u| person(&n, u)),
            submitted_at: r.submitted_at.map(|t| t.and_utc()),
            updated_at: r.updated_at.and_utc(),
        })
        .collect())
}

/// The case's report in brief, for the complaint's own page.
#[derive(Serialize, ToSchema)]
pub struct EightDBrief {
    pub required: bool,
    /// None until a report is opened.
    pub state: Option<EightDState>,
    /// The caller may open it now (`POST /complaints/{id}/8d`).
    pub can_open: bool,
}

pub fn brief(ctx: &Ctx, case: &ComplaintRow) -> EightDBrief {
    let open = case.state != kehu_domain::State::Closed;
    let can_open = case.eight_d_state.is_none() && rules::may_open(&ctx.actor(), case.number.is_some(), open).is_ok();
    EightDBrief { required: case.eight_d_required, state: case.eight_d_state, can_open }
}
