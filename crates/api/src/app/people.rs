//! Departments and users (the administrator's), and the caller's own view.

use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode};
use chrono::{DateTime, Utc};
use kehu_domain::org::DepartmentKind;
use kehu_domain::Role;
use kehu_persistence::people::{self, Department, NewDepartment, NewUser, User, UserChanges};
use kehu_persistence::{customers, sessions, DbConn};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema, Clone)]
pub struct MeView {
    pub id: i64,
    #[schema(example = "sales")]
    pub username: String,
    pub display_name: String,
    pub department_id: i64,
    pub department_name: String,
    pub roles: Vec<Role>,
    pub org_id: i64,
    /// The company, as its printed forms name it.
    #[schema(example = "示例制造有限公司")]
    pub org_name: String,
}

pub fn me_view(u: &User, d: &Department, org_name: String, roles: Vec<Role>) -> MeView {
    MeView {
        id: u.id,
        username: u.username.clone(),
        display_name: u.display_name.clone(),
        department_id: u.department_id,
        department_name: d.name.clone(),
        roles,
        org_id: u.org_id,
        org_name,
    }
}

#[derive(Serialize, ToSchema)]
pub struct DepartmentView {
    pub id: i64,
    #[schema(example = "sales-1")]
    pub code: String,
    #[schema(example = "业务一部")]
    pub name: String,
    pub kind: DepartmentKind,
    pub active: bool,
    pub version: i64,
}

impl From<Department> for DepartmentView {
    fn from(d: Department) -> Self {
        DepartmentView { id: d.id, code: d.code, name: d.name, kind: d.kind, active: d.active, version: d.version }
    }
}

#[derive(Serialize, ToSchema)]
pub struct UserView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub department_id: i64,
    pub roles: Vec<Role>,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct UserPage {
    pub items: Vec<UserView>,
    pub next_cursor: Option<String>,
}

/// Contact data shows to the administrator and to the person themself.
fn user_view(ctx: &Ctx, u: User, roles: Vec<Role>) -> UserView {
    let contact = ctx.caller.has(Role::Admin) || ctx.user() == u.id;
    UserView {
        id: u.id,
        username: u.username,
        display_name: u.display_name,
        email: u.email.filter(|_| contact),
        phone: u.phone.filter(|_| contact),
        department_id: u.department_id,
        roles,
        active: u.active,
        version: u.version,
        created_at: u.created_at.and_utc(),
    }
}

pub struct NewDepartmentCmd {
    pub code: String,
    pub name: String,
    pub kind: DepartmentKind,
}

pub struct DepartmentEdit {
    pub id: i64,
    pub version: i64,
    pub name: Option<String>,
    pub active: Option<bool>,
}

pub struct NewUserCmd {
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub department_id: i64,
    pub roles: Vec<Role>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

pub struct UserEdit {
    pub id: i64,
    pub version: i64,
    pub display_name: Option<String>,
    pub department_id: Option<i64>,
    pub roles: Option<Vec<Role>>,
    pub password_hash: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub active: Option<bool>,
}

pub struct UserFilter {
    pub q: Option<String>,
    pub department_id: Option<i64>,
    pub role: Option<Role>,
    pub active: Option<bool>,
    pub after: i64,
    pub limit: i64,
}

pub fn departments(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<Vec<DepartmentView>> {
    Ok(people::departments(conn, ctx.org())?.into_iter().map(DepartmentView::from).collect())
}

pub fn create_department(tx: &mut Tx, ctx: &Ctx, cmd: NewDepartmentCmd) -> ApiResult<DepartmentView> {
    ctx.caller.require(Role::Admin)?;
    if people::department_by_code(tx, ctx.org(), cmd.code.trim())?.is_some() {
        return Err(ApiError::field("code", FieldCode::Duplicate, "a department with this code exists"));
    }
    let d = people::insert_department(
        tx,
        &NewDepartment { org_id: ctx.org(), code: cmd.code.trim(), name: cmd.name.trim(), kind: cmd.kind, created_at: ctx.now, updated_at: ctx.now },
    )?;
    ctx.audit(tx, "department.create", "department", d.id, serde_json::json!({"code": d.code, "name": d.name}))?;
    Ok(d.into())
}

pub fn edit_department(tx: &mut Tx, ctx: &Ctx, cmd: DepartmentEdit) -> ApiResult<DepartmentView> {
    ctx.caller.require(Role::Admin)?;
    people::department(tx, ctx.org(), cmd.id)?;
    let d = people::update_department(tx, cmd.id, cmd.version, cmd.name.as_deref().map(str::trim), cmd.active, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    ctx.audit(tx, "department.update", "department", cmd.id, serde_json::json!({"name": cmd.name, "active": cmd.active}))?;
    Ok(d.into())
}

/// The directory; contact data for the administrator only.
pub fn users(conn: &mut DbConn, ctx: &Ctx, f: UserFilter) -> ApiResult<UserPage> {
    let filter = people::UserFilter { q: f.q.as_deref(), department_id: f.department_id, role: f.role, active: f.active };
    let users = people::users_page(conn, ctx.org(), f.after, f.limit + 1, &filter)?;
    let ids: Vec<i64> = users.iter().map(|u| u.id).collect();
    let roles = people::roles_of_many(conn, &ids)?;
    let more = users.len() as i64 > f.limit;
    let items: Vec<UserView> = users
        .into_iter()
        .take(f.limit as usize)
        .map(|u| {
            let r = roles.iter().filter(|(id, _)| *id == u.id).map(|(_, r)| *r).collect();
            user_view(ctx, u, r)
        })
        .collect();
    let next_cursor = if more { items.last().map(|u| crate::http::cursor::encode(&u.id)) } else { None };
    Ok(UserPage { items, next_cursor })
}

pub fn user(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<UserView> {
    let u = people::user(conn, id)?;
    if u.org_id != ctx.org() {
        return Err(ApiError::NotFound);
    }
    let roles = people::roles_of(conn, id)?;
    Ok(user_view(ctx, u, roles))
}

pub fn create_user(tx: &mut Tx, ctx: &Ctx, cmd: NewUserCmd) -> ApiResult<UserView> {
    ctx.caller.require(Role::Admin)?;
    people::department(tx, ctx.org(), cmd.department_id).map_err(|_| ApiError::field("department_id", FieldCode::NotFound, "no such department"))?;
    if people::user_by_username(tx, &cmd.username)?.is_some() {
        return Err(ApiError::state("that username is taken"));
    }
    let u = people::insert_user(
        tx,
        &NewUser {
            org_id: ctx.org(),
            username: &cmd.username,
            display_name: cmd.display_name.trim(),
            email: cmd.email.as_deref(),
            phone: cmd.phone.as_deref(),
            password_hash: &cmd.password_hash,
            department_id: cmd.department_id,
            created_at: ctx.now,
            updated_at: ctx.now,
        },
    )?;
    people::set_roles(tx, u.id, &cmd.roles)?;
    ctx.audit(tx, "user.create", "user", u.id, serde_json::json!({"username": u.username, "roles": cmd.roles}))?;
    Ok(user_view(ctx, u, cmd.roles))
}

/// Name, department, roles, password, or deactivation (left the company).
/// A person who still owns customers or is assigned staff cannot be
/// deactivated until they are handed over.
pub fn edit_user(tx: &mut Tx, ctx: &Ctx, cmd: UserEdit) -> ApiResult<UserView> {
    ctx.caller.require(Role::Admin)?;
    let existing = people::user(tx, cmd.id)?;
    if existing.org_id != ctx.org() {
        return Err(ApiError::NotFound);
    }
    if let Some(d) = cmd.department_id {
        people::department(tx, ctx.org(), d).map_err(|_| ApiError::field("department_id", FieldCode::NotFound, "no such department"))?;
    }
    let old_roles = people::roles_of(tx, cmd.id)?;
    let roles_change = cmd.roles.as_ref().is_some_and(|r| {
        let (mut a, mut b) = (r.clone(), old_roles.clone());
        a.sort();
        b.sort();
        a != b
    });
    if roles_change && cmd.id == ctx.user() {
        return Err(ApiError::field("roles", FieldCode::Invalid, "another administrator changes your roles"));
    }
    let deactivating = cmd.active == Some(false) && existing.active;
    if deactivating && (customers::count_owned(tx, cmd.id)? > 0 || !customers::staffed_by(tx, cmd.id)?.is_empty()) {
        return Err(ApiError::field("active", FieldCode::OwnsCustomers, "hand over this person's customers before deactivating them"));
    }
    // A session carries the roles and department it was opened with, and
    // one opened with a password someone reset must not outlive it.
    let moved = cmd.department_id.is_some_and(|d| d != existing.department_id);
    if cmd.active == Some(false) || cmd.password_hash.is_some() || roles_change || moved {
        sessions::revoke_user(tx, cmd.id, ctx.now)?;
    }
    let changes = UserChanges {
        display_name: cmd.display_name.map(|s| s.trim().to_owned()),
        email: cmd.email.map(Some),
        phone: cmd.phone.map(Some),
        department_id: cmd.department_id,
        password_hash: cmd.password_hash,
        active: cmd.active,
    };
    let u = people::update_user(tx, cmd.id, cmd.version, &changes, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    if let (Some(roles), true) = (&cmd.roles, roles_change) {
        people::set_roles(tx, cmd.id, roles)?;
    }
    let details =
        serde_json::json!({"active": cmd.active, "roles": cmd.roles, "department_id": cmd.department_id, "password_changed": changes.password_hash.is_some()});
    ctx.audit(tx, "user.update", "user", cmd.id, details)?;
    let roles = people::roles_of(tx, cmd.id)?;
    Ok(user_view(ctx, u, roles))
}
