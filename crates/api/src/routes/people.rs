//! Departments and users (admin), and the caller's own view.

use crate::auth::{password, Caller};
use crate::error::FieldCode;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::http::body::Json;
use crate::http::{cursor, etag};
use crate::routes::audit;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use kehu_domain::Role;
use kehu_persistence::people::{self, Department, NewDepartment, NewUser, User, UserChanges};
use kehu_persistence::{customers, write_tx};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema, Clone)]
pub struct MeView {
    pub id: i64,
    #[schema(example = "sales")]
    pub username: String,
    pub display_name: String,
    pub department_id: i64,
    pub department_name: String,
    #[schema(example = json!(["sales"]))]
    pub roles: Vec<String>,
    pub org_id: i64,
}

pub fn me_view(u: &User, d: &Department, roles: Vec<String>) -> MeView {
    MeView {
        id: u.id,
        username: u.username.clone(),
        display_name: u.display_name.clone(),
        department_id: u.department_id,
        department_name: d.name.clone(),
        roles,
        org_id: u.org_id,
    }
}

#[derive(Serialize, ToSchema)]
pub struct DepartmentView {
    pub id: i64,
    #[schema(example = "sales-1")]
    pub code: String,
    #[schema(example = "业务一部")]
    pub name: String,
    /// What the department does: sales, gm_office, quality, production, engineering, marketing, customer_service, finance, warehouse, hr, executive, it.
    #[schema(example = "sales")]
    pub kind: String,
    pub active: bool,
    pub version: i64,
}

impl From<Department> for DepartmentView {
    fn from(d: Department) -> Self {
        DepartmentView { id: d.id, code: d.code, name: d.name, kind: d.kind, active: d.active, version: d.version }
    }
}

pub const DEPARTMENT_KINDS: [&str; 12] =
    ["sales", "gm_office", "quality", "production", "engineering", "marketing", "customer_service", "finance", "warehouse", "hr", "executive", "it"];

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDepartmentRequest {
    #[schema(min_length = 1, max_length = 64, example = "sales-3")]
    pub code: String,
    #[schema(min_length = 1, max_length = 100, example = "业务三部")]
    pub name: String,
    #[schema(example = "sales")]
    pub kind: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DepartmentPatch {
    #[schema(min_length = 1, max_length = 100)]
    pub name: Option<String>,
    pub active: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct UserView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub department_id: i64,
    pub roles: Vec<String>,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct UserPage {
    pub items: Vec<UserView>,
    pub next_cursor: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserRequest {
    #[schema(min_length = 2, max_length = 64, pattern = "^[a-z0-9_.-]+$", example = "wang.li")]
    pub username: String,
    #[schema(min_length = 1, max_length = 100, example = "王丽")]
    pub display_name: String,
    #[schema(min_length = 10, max_length = 256)]
    pub password: String,
    pub department_id: i64,
    #[schema(min_items = 1, value_type = Vec<String>, example = json!(["sales"]))]
    pub roles: Vec<Role>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    #[schema(min_length = 1, max_length = 100)]
    pub display_name: Option<String>,
    pub department_id: Option<i64>,
    #[schema(value_type = Option<Vec<String>>)]
    pub roles: Option<Vec<Role>>,
    #[schema(min_length = 10, max_length = 256)]
    pub password: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// `false` deactivates (left the company); users are never deleted.
    pub active: Option<bool>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// Part of the username or display name.
    pub q: Option<String>,
    pub department_id: Option<i64>,
    /// Holders of this role, e.g. `sales`.
    pub role: Option<String>,
    /// true: only active people; false: only those who left.
    pub active: Option<bool>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

fn user_view(u: User, roles: Vec<String>) -> UserView {
    UserView {
        id: u.id,
        username: u.username,
        display_name: u.display_name,
        email: u.email,
        phone: u.phone,
        department_id: u.department_id,
        roles,
        active: u.active,
        version: u.version,
        created_at: u.created_at.and_utc(),
    }
}

fn check_text(errors: &mut Vec<FieldError>, field: &str, v: &str, max: usize) {
    if v.trim().is_empty() || v.chars().count() > max {
        errors.push(FieldError { field: field.into(), code: FieldCode::Length, message: format!("must be 1 to {max} characters") });
    }
}

/// List departments.
#[utoipa::path(tag = "people", operation_id = "listDepartments", security(("bearer" = [])), responses((status = 200, body = Vec<DepartmentView>), (status = 401, body = Problem, content_type = "application/problem+json")))]
#[get("/departments")]
pub async fn list_departments(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    let list = state.db(move |c| Ok(people::departments(c, caller.org_id)?)).await?;
    Ok(HttpResponse::Ok().json(list.into_iter().map(DepartmentView::from).collect::<Vec<_>>()))
}

/// Create a department (admin).
#[utoipa::path(tag = "people", operation_id = "createDepartment", security(("bearer" = [])), request_body = NewDepartmentRequest,
    responses((status = 201, body = DepartmentView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/departments")]
pub async fn create_department(state: web::Data<AppState>, caller: Caller, req: HttpRequest, body: Json<NewDepartmentRequest>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let b = body.0;
    let mut errors = Vec::new();
    check_text(&mut errors, "code", &b.code, 64);
    check_text(&mut errors, "name", &b.name, 100);
    if !DEPARTMENT_KINDS.contains(&b.kind.as_str()) {
        errors.push(FieldError { field: "kind".into(), code: FieldCode::UnknownValue, message: format!("expected one of: {}", DEPARTMENT_KINDS.join(", ")) });
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let rid = audit::request_id(&req);
    let d = state
        .db(move |c| {
            write_tx(c, |c| {
                let now = Utc::now().naive_utc();
                let d = people::insert_department(
                    c,
                    &NewDepartment { org_id: caller.org_id, code: b.code.trim(), name: b.name.trim(), kind: &b.kind, created_at: now, updated_at: now },
                )?;
                audit::write(c, &caller, "department.create", "department", d.id, &rid, serde_json::json!({"code": d.code, "name": d.name}))?;
                Ok(d)
            })
        })
        .await?;
    let v = d.version;
    Ok(etag::with_etag(HttpResponse::Created(), v, &DepartmentView::from(d)))
}

/// Rename or (de)activate a department (admin). Needs `If-Match`.
#[utoipa::path(tag = "people", operation_id = "updateDepartment", security(("bearer" = [])), request_body = DepartmentPatch,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you edit")),
    responses((status = 200, body = DepartmentView), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/departments/{id}")]
pub async fn update_department(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<DepartmentPatch>,
) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let version = etag::if_match(&req)?;
    let b = body.0;
    if let Some(n) = &b.name {
        let mut errors = Vec::new();
        check_text(&mut errors, "name", n, 100);
        if !errors.is_empty() {
            return Err(ApiError::validation(errors));
        }
    }
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let d = state
        .db(move |c| {
            write_tx(c, |c| {
                people::department(c, caller.org_id, id)?;
                let d = people::update_department(c, id, version, b.name.as_deref().map(str::trim), b.active, Utc::now().naive_utc())?
                    .ok_or(ApiError::PreconditionFailed)?;
                audit::write(c, &caller, "department.update", "department", id, &rid, serde_json::json!({"name": b.name, "active": b.active}))?;
                Ok(d)
            })
        })
        .await?;
    let v = d.version;
    Ok(etag::with_etag(HttpResponse::Ok(), v, &DepartmentView::from(d)))
}

/// List users (admin; others see the directory without contact data).
#[utoipa::path(tag = "people", operation_id = "listUsers", security(("bearer" = [])), params(UserQuery), responses((status = 200, body = UserPage), (status = 403, body = Problem, content_type = "application/problem+json")))]
#[get("/users")]
pub async fn list_users(state: web::Data<AppState>, caller: Caller, q: web::Query<UserQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let limit = cursor::limit(q.limit)?;
    let after: i64 = q.cursor.as_deref().map(cursor::decode).transpose()?.unwrap_or(0);
    let admin = caller.has(Role::Admin);
    let page = state
        .db(move |c| {
            let f = people::UserFilter { q: q.q.as_deref(), department_id: q.department_id, role: q.role.as_deref(), active: q.active };
            let users = people::users_page(c, caller.org_id, after, limit + 1, &f)?;
            let ids: Vec<i64> = users.iter().map(|u| u.id).collect();
            let roles = people::roles_of_many(c, &ids)?;
            let more = users.len() as i64 > limit;
            let items: Vec<UserView> = users
                .into_iter()
                .take(limit as usize)
                .map(|u| {
                    let r = roles.iter().filter(|(id, _)| *id == u.id).map(|(_, r)| r.clone()).collect();
                    let mut v = user_view(u, r);
                    if !admin {
                        v.email = None;
                        v.phone = None;
                    }
                    v
                })
                .collect();
            let next_cursor = if more { items.last().map(|u| cursor::encode(&u.id)) } else { None };
            Ok(UserPage { items, next_cursor })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Create a user (admin).
#[utoipa::path(tag = "people", operation_id = "createUser", security(("bearer" = [])), request_body = NewUserRequest,
    responses((status = 201, body = UserView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/users")]
pub async fn create_user(state: web::Data<AppState>, caller: Caller, req: HttpRequest, body: Json<NewUserRequest>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let b = body.0;
    let mut errors = Vec::new();
    if b.username.len() < 2 || b.username.len() > 64 || !b.username.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"_.-".contains(&c)) {
        errors.push(FieldError { field: "username".into(), code: FieldCode::Format, message: "2 to 64 characters: a-z, 0-9, _ . -".into() });
    }
    check_text(&mut errors, "display_name", &b.display_name, 100);
    if b.password.chars().count() < password::MIN_LENGTH || b.password.len() > 256 {
        errors.push(FieldError { field: "password".into(), code: FieldCode::Length, message: format!("at least {} characters", password::MIN_LENGTH) });
    }
    if b.roles.is_empty() {
        errors.push(FieldError { field: "roles".into(), code: FieldCode::Required, message: "at least one role".into() });
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let hash = password::hash(&b.password).map_err(|e| ApiError::Internal(e.to_string()))?;
    let rid = audit::request_id(&req);
    let view = state
        .db(move |c| {
            write_tx(c, |c| {
                people::department(c, caller.org_id, b.department_id)
                    .map_err(|_| ApiError::field("department_id", FieldCode::NotFound, "no such department"))?;
                if people::user_by_username(c, &b.username)?.is_some() {
                    return Err(ApiError::state("that username is taken"));
                }
                let now = Utc::now().naive_utc();
                let u = people::insert_user(
                    c,
                    &NewUser {
                        org_id: caller.org_id,
                        username: &b.username,
                        display_name: b.display_name.trim(),
                        email: b.email.as_deref(),
                        phone: b.phone.as_deref(),
                        password_hash: &hash,
                        department_id: b.department_id,
                        created_at: now,
                        updated_at: now,
                    },
                )?;
                let roles: Vec<&str> = b.roles.iter().map(|r| r.as_str()).collect();
                people::set_roles(c, u.id, &roles)?;
                audit::write(c, &caller, "user.create", "user", u.id, &rid, serde_json::json!({"username": u.username, "roles": roles}))?;
                Ok(user_view(u, roles.iter().map(|r| r.to_string()).collect()))
            })
        })
        .await?;
    let v = view.version;
    Ok(etag::with_etag(HttpResponse::Created(), v, &view))
}

/// Change a user (admin): name, department, roles, password, or deactivate.
///
/// A salesperson who still owns customers cannot be deactivated until they
/// are handed over (422 `owns_customers`).
#[utoipa::path(tag = "people", operation_id = "updateUser", security(("bearer" = [])), request_body = UserPatch,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you edit")),
    responses((status = 200, body = UserView), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/users/{id}")]
pub async fn update_user(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>, body: Json<UserPatch>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let version = etag::if_match(&req)?;
    let b = body.0;
    let mut errors = Vec::new();
    if let Some(n) = &b.display_name {
        check_text(&mut errors, "display_name", n, 100);
    }
    if b.password.as_ref().is_some_and(|p| p.chars().count() < password::MIN_LENGTH || p.len() > 256) {
        errors.push(FieldError { field: "password".into(), code: FieldCode::Length, message: format!("at least {} characters", password::MIN_LENGTH) });
    }
    if b.roles.as_ref().is_some_and(|r| r.is_empty()) {
        errors.push(FieldError { field: "roles".into(), code: FieldCode::Required, message: "at least one role".into() });
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let hash = b.password.as_deref().map(password::hash).transpose().map_err(|e| ApiError::Internal(e.to_string()))?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let view = state
        .db(move |c| {
            write_tx(c, |c| {
                let existing = people::user(c, id)?;
                if existing.org_id != caller.org_id {
                    return Err(ApiError::NotFound);
                }
                if let Some(d) = b.department_id {
                    people::department(c, caller.org_id, d).map_err(|_| ApiError::field("department_id", FieldCode::NotFound, "no such department"))?;
                }
                if b.active == Some(false) && existing.active {
                    if customers::count_owned(c, id)? > 0 || !customers::staffed_by(c, id)?.is_empty() {
                        return Err(ApiError::field("active", FieldCode::OwnsCustomers, "hand over this person's customers before deactivating them"));
                    }
                    kehu_persistence::sessions::revoke_user(c, id, Utc::now().naive_utc())?;
                }
                let changes = UserChanges {
                    display_name: b.display_name.map(|s| s.trim().to_owned()),
                    email: b.email.map(Some),
                    phone: b.phone.map(Some),
                    department_id: b.department_id,
                    password_hash: hash,
                    active: b.active,
                };
                let u = people::update_user(c, id, version, &changes, Utc::now().naive_utc())?.ok_or(ApiError::PreconditionFailed)?;
                if let Some(roles) = &b.roles {
                    let r: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
                    people::set_roles(c, id, &r)?;
                }
                audit::write(c, &caller, "user.update", "user", id, &rid, serde_json::json!({"active": b.active, "roles": b.roles.as_ref().map(|r| r.iter().map(|x| x.as_str()).collect::<Vec<_>>()), "department_id": b.department_id, "password_changed": changes.password_hash.is_some()}))?;
                let roles = people::roles_of(c, id)?;
                Ok(user_view(u, roles))
            })
        })
        .await?;
    let v = view.version;
    Ok(etag::with_etag(HttpResponse::Ok(), v, &view))
}

/// One user.
#[utoipa::path(tag = "people", operation_id = "getUser", security(("bearer" = [])), params(("id" = i64, Path)), responses((status = 200, body = UserView), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/users/{id}")]
pub async fn get_user(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let admin = caller.has(Role::Admin);
    let view = state
        .db(move |c| {
            let u = people::user(c, id)?;
            if u.org_id != caller.org_id {
                return Err(ApiError::NotFound);
            }
            let roles = people::roles_of(c, id)?;
            let mut v = user_view(u, roles);
            if !admin && caller.user_id != id {
                v.email = None;
                v.phone = None;
            }
            Ok(v)
        })
        .await?;
    Ok(etag::respond(&req, view.version, &view))
}
