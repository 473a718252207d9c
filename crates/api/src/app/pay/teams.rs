//! Production teams (班组) under departments: HR and the administrator keep
//! them; everyone signed in reads them (the responsibility picker).

use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode};
use kehu_domain::Role;
use kehu_persistence::pay::{self, NewTeam, Team};
use kehu_persistence::{people, DbConn};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct TeamView {
    pub id: i64,
    pub department_id: i64,
    #[schema(example = "冲压一班")]
    pub name: String,
    pub active: bool,
    pub version: i64,
}

impl From<Team> for TeamView {
    fn from(t: Team) -> Self {
        TeamView { id: t.id, department_id: t.department_id, name: t.name, active: t.active, version: t.version }
    }
}

fn may_keep(ctx: &Ctx) -> ApiResult<()> {
    if ctx.caller.has(Role::Hr) || ctx.caller.has(Role::Admin) {
        Ok(())
    } else {
        Err(ApiError::Forbidden("HR and the administrator keep the teams"))
    }
}

pub fn list(conn: &mut DbConn, ctx: &Ctx, department_id: Option<i64>) -> ApiResult<Vec<TeamView>> {
    Ok(pay::teams(conn, ctx.org(), department_id)?.into_iter().map(TeamView::from).collect())
}

pub fn create(tx: &mut Tx, ctx: &Ctx, department_id: i64, name: String) -> ApiResult<TeamView> {
    may_keep(ctx)?;
    people::department(tx, ctx.org(), department_id).map_err(|_| ApiError::field("department_id", FieldCode::NotFound, "no such department"))?;
    let name = name.trim();
    let new = NewTeam { org_id: ctx.org(), department_id, name, created_at: ctx.now, updated_at: ctx.now };
    let t = pay::insert_team(tx, &new)?.ok_or_else(|| ApiError::field("name", FieldCode::Duplicate, "the department has a team of that name"))?;
    ctx.audit(tx, "team.create", "team", t.id, serde_json::json!({"department_id": department_id, "name": name}))?;
    Ok(t.into())
}

/// Retires a team or brings it back; a team is never renamed, since the
/// shares of closed cases keep its name.
pub fn set_active(tx: &mut Tx, ctx: &Ctx, id: i64, version: i64, active: bool) -> ApiResult<TeamView> {
    may_keep(ctx)?;
    pay::team(tx, ctx.org(), id)?.ok_or(ApiError::NotFound)?;
    let t = pay::set_team_active(tx, id, version, active, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    ctx.audit(tx, "team.update", "team", id, serde_json::json!({"active": active}))?;
    Ok(t.into())
}
