//! Departments and users (admin).

use crate::app::people::{self, DepartmentEdit, DepartmentView, NewDepartmentCmd, NewUserCmd, UserEdit, UserFilter, UserPage, UserView};
use crate::app::Ctx;
use crate::auth::password;
use crate::error::{not_blank, ApiError, ApiResult, Problem, Validated};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::{cursor, etag};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use kehu_domain::org::DepartmentKind;
use kehu_domain::Role;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct NewDepartmentRequest {
    #[schema(min_length = 1, max_length = 64, example = "sales-3")]
    #[validate(custom(function = "not_blank", code = "length"), length(max = 64, code = "length"))]
    pub code: String,
    #[schema(min_length = 1, max_length = 100, example = "业务三部")]
    #[validate(custom(function = "not_blank", code = "length"), length(max = 100, code = "length"))]
    pub name: String,
    pub kind: DepartmentKind,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct DepartmentPatch {
    #[schema(min_length = 1, max_length = 100)]
    #[validate(custom(function = "not_blank", code = "length"), length(max = 100, code = "length"))]
    pub name: Option<String>,
    pub active: Option<bool>,
}

fn username(s: &str) -> Result<(), ValidationError> {
    let ok = (2..=64).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"_.-".contains(&c));
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new("format").with_message("2 to 64 characters: a-z, 0-9, _ . -".into()))
    }
}

fn password_rule(s: &str) -> Result<(), ValidationError> {
    password::strength(s, &[]).map_err(|(code, why)| ValidationError::new(code.as_str()).with_message(why.into()))
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct NewUserRequest {
    #[schema(min_length = 2, max_length = 64, pattern = "^[a-z0-9_.-]+$", example = "wang.li")]
    #[validate(custom(function = "username"))]
    pub username: String,
    #[schema(min_length = 1, max_length = 100, example = "王丽")]
    #[validate(custom(function = "not_blank", code = "length"), length(max = 100, code = "length"))]
    pub display_name: String,
    /// At least 12 characters, not a common password, word, name or pattern.
    #[schema(min_length = 12, max_length = 256)]
    #[validate(custom(function = "password_rule"))]
    pub password: String,
    pub department_id: i64,
    #[schema(min_items = 1)]
    #[validate(length(min = 1, code = "required", message = "at least one role"))]
    pub roles: Vec<Role>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    #[schema(min_length = 1, max_length = 100)]
    #[validate(custom(function = "not_blank", code = "length"), length(max = 100, code = "length"))]
    pub display_name: Option<String>,
    pub department_id: Option<i64>,
    #[schema(min_items = 1)]
    #[validate(length(min = 1, code = "required", message = "at least one role"))]
    pub roles: Option<Vec<Role>>,
    /// A new password (a reset): the person's sessions end.
    #[schema(min_length = 12, max_length = 256)]
    #[validate(custom(function = "password_rule"))]
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
    /// Holders of this role.
    pub role: Option<Role>,
    /// true: only active people; false: only those who left.
    pub active: Option<bool>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

// Hashing is slow on purpose: done here, before a connection is taken.
fn hash(password: &str) -> ApiResult<String> {
    password::hash(password).map_err(|e| ApiError::Internal(e.to_string()))
}

impl TryFrom<NewUserRequest> for NewUserCmd {
    type Error = ApiError;
    fn try_from(b: NewUserRequest) -> ApiResult<NewUserCmd> {
        let b = b.validated()?;
        password::strength(&b.password, &[b.username.as_str(), b.display_name.as_str()]).map_err(|(code, why)| ApiError::field("password", code, why))?;
        let password_hash = hash(&b.password)?;
        Ok(NewUserCmd {
            username: b.username,
            display_name: b.display_name,
            password_hash,
            department_id: b.department_id,
            roles: b.roles,
            email: b.email,
            phone: b.phone,
        })
    }
}

impl TryFrom<(i64, i64, UserPatch)> for UserEdit {
    type Error = ApiError;
    fn try_from((id, version, b): (i64, i64, UserPatch)) -> ApiResult<UserEdit> {
        let b = b.validated()?;
        let password_hash = b.password.as_deref().map(hash).transpose()?;
        Ok(UserEdit {
            id,
            version,
            display_name: b.display_name,
            department_id: b.department_id,
            roles: b.roles,
            password_hash,
            email: b.email,
            phone: b.phone,
            active: b.active,
        })
    }
}

/// List departments.
#[utoipa::path(tag = "people", operation_id = "listDepartments", security(("bearer" = [])), responses((status = 200, body = Vec<DepartmentView>), (status = 401, body = Problem, content_type = "application/problem+json")))]
#[get("/departments")]
pub async fn list_departments(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(state.read(ctx, people::departments).await?))
}

/// Create a department (admin).
#[utoipa::path(tag = "people", operation_id = "createDepartment", security(("bearer" = [])), request_body = NewDepartmentRequest,
    responses((status = 201, body = DepartmentView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/departments")]
pub async fn create_department(state: web::Data<AppState>, ctx: Ctx, body: Json<NewDepartmentRequest>) -> ApiResult<HttpResponse> {
    let b = body.0.validated()?;
    let cmd = NewDepartmentCmd { code: b.code, name: b.name, kind: b.kind };
    let d = state.write(ctx, move |tx, ctx| people::create_department(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), d.version, &d))
}

/// Rename or (de)activate a department (admin). Needs `If-Match`.
#[utoipa::path(tag = "people", operation_id = "updateDepartment", security(("bearer" = [])), request_body = DepartmentPatch,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you edit")),
    responses((status = 200, body = DepartmentView), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/departments/{id}")]
pub async fn update_department(
    state: web::Data<AppState>,
    ctx: Ctx,
    id: web::Path<i64>,
    version: IfMatch,
    body: Json<DepartmentPatch>,
) -> ApiResult<HttpResponse> {
    let b = body.0.validated()?;
    let cmd = DepartmentEdit { id: id.into_inner(), version: version.0, name: b.name, active: b.active };
    let d = state.write(ctx, move |tx, ctx| people::edit_department(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), d.version, &d))
}

/// List users (admin; others see the directory without contact data).
#[utoipa::path(tag = "people", operation_id = "listUsers", security(("bearer" = [])), params(UserQuery), responses((status = 200, body = UserPage), (status = 403, body = Problem, content_type = "application/problem+json")))]
#[get("/users")]
pub async fn list_users(state: web::Data<AppState>, ctx: Ctx, q: web::Query<UserQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let (limit, after) = (cursor::limit(q.limit)?, q.cursor.as_deref().map(cursor::decode).transpose()?.unwrap_or(0));
    let f = UserFilter { q: q.q, department_id: q.department_id, role: q.role, active: q.active, after, limit };
    Ok(HttpResponse::Ok().json(state.read(ctx, move |c, ctx| people::users(c, ctx, f)).await?))
}

/// Create a user (admin).
#[utoipa::path(tag = "people", operation_id = "createUser", security(("bearer" = [])), request_body = NewUserRequest,
    responses((status = 201, body = UserView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/users")]
pub async fn create_user(state: web::Data<AppState>, ctx: Ctx, body: Json<NewUserRequest>) -> ApiResult<HttpResponse> {
    let cmd = NewUserCmd::try_from(body.0)?;
    let view = state.write(ctx, move |tx, ctx| people::create_user(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), view.version, &view))
}

/// Change a user (admin): name, department, roles, password, or deactivate.
///
/// A salesperson who still owns customers cannot be deactivated until they
/// are handed over (422 `owns_customers`).
#[utoipa::path(tag = "people", operation_id = "updateUser", security(("bearer" = [])), request_body = UserPatch,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you edit")),
    responses((status = 200, body = UserView), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/users/{id}")]
pub async fn update_user(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<UserPatch>) -> ApiResult<HttpResponse> {
    let cmd = UserEdit::try_from((id.into_inner(), version.0, body.0))?;
    let view = state.write(ctx, move |tx, ctx| people::edit_user(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), view.version, &view))
}

/// One user.
#[utoipa::path(tag = "people", operation_id = "getUser", security(("bearer" = [])), params(("id" = i64, Path)), responses((status = 200, body = UserView), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/users/{id}")]
pub async fn get_user(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let view = state.read(ctx, move |c, ctx| people::user(c, ctx, id)).await?;
    Ok(etag::respond(&req, view.version, &view))
}
