//! 每季度核实: every quarter each active customer's data is confirmed by its
//! designated person; the overdue tasks are listed.

use crate::app::complaint_view::Ref;
use crate::app::customers as archive;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Problem};
use crate::error::{FieldCode, ProblemCode};
use crate::http::body::Json;
use crate::http::etag;
use crate::routes::audit;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::care::ConfirmedVia;
use kehu_domain::Role;
use kehu_persistence::care::{self, Verification, VerificationFilter};
use kehu_persistence::{customers, people, write_tx, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};

/// How the data was confirmed.
#[derive(ToSchema)]
#[schema(as = ConfirmedVia)]
#[allow(dead_code)]
pub enum ViaCode {
    #[schema(rename = "mail")]
    Mail,
    #[schema(rename = "fax")]
    Fax,
    #[schema(rename = "phone")]
    Phone,
    #[schema(rename = "visit")]
    Visit,
}

#[derive(Serialize, ToSchema)]
pub struct VerificationView {
    pub id: i64,
    pub customer: Ref,
    pub customer_code: String,
    #[schema(example = "2026-Q4")]
    pub period: String,
    pub due_on: NaiveDate,
    pub overdue: bool,
    pub assignee: Ref,
    /// open or done.
    pub status: String,
    #[schema(value_type = Option<ViaCode>)]
    pub confirmed_via: Option<String>,
    pub changes: Option<String>,
    pub note: Option<String>,
    pub completed_by: Option<Ref>,
    pub completed_at: Option<DateTime<Utc>>,
    /// The caller may complete it (its assignee or the department's sales manager).
    pub can_complete: bool,
    pub version: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerificationInput {
    #[schema(value_type = ViaCode)]
    pub confirmed_via: ConfirmedVia,
    /// What changed (edit the record itself for the new values); empty when nothing did.
    #[schema(max_length = 2000)]
    pub changes: Option<String>,
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum VerificationBox {
    /// Open tasks assigned to the caller.
    Mine,
    /// Overdue open tasks: the caller's department for managers, all for executives and the archive.
    Overdue,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VerificationQuery {
    #[param(inline)]
    pub r#box: Option<VerificationBox>,
}

fn views(conn: &mut DbConn, caller: &Caller, rows: Vec<Verification>, today: NaiveDate) -> ApiResult<Vec<VerificationView>> {
    let cids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
    let found = customers::many(conn, &cids)?;
    let depts: HashMap<i64, i64> = found.iter().map(|c| (c.id, c.department_id)).collect();
    let custs: HashMap<i64, (String, String)> = found.into_iter().map(|c| (c.id, (c.name, c.code))).collect();
    let uids: Vec<i64> = rows.iter().flat_map(|r| [Some(r.assignee_id), r.completed_by]).flatten().collect();
    let names: HashMap<i64, String> = people::display_names(conn, &uids)?.into_iter().collect();
    let u = |id: i64| Ref { id, name: names.get(&id).cloned().unwrap_or_default() };
    Ok(rows
        .into_iter()
        .map(|r| {
            let (name, code) = custs.get(&r.customer_id).cloned().unwrap_or_default();
            let manager = caller.has(Role::SalesManager) && depts.get(&r.customer_id) == Some(&caller.department_id);
            VerificationView {
                can_complete: r.status == "open" && (r.assignee_id == caller.user_id || manager),
                id: r.id,
                customer: Ref { id: r.customer_id, name },
                customer_code: code,
                overdue: r.status == "open" && r.due_on < today,
                period: r.period,
                due_on: r.due_on,
                assignee: u(r.assignee_id),
                status: r.status,
                confirmed_via: r.confirmed_via,
                changes: r.changes,
                note: r.note,
                completed_by: r.completed_by.map(u),
                completed_at: r.completed_at.map(|t| t.and_utc()),
                version: r.version,
            }
        })
        .collect())
}

/// Verification tasks: the caller's open ones, or the overdue ones they oversee.
#[utoipa::path(tag = "customers", operation_id = "listVerifications", security(("bearer" = [])), params(VerificationQuery), responses((status = 200, body = Vec<VerificationView>)))]
#[get("/customers/verifications")]
pub async fn list(state: web::Data<AppState>, caller: Caller, q: web::Query<VerificationQuery>) -> ApiResult<HttpResponse> {
    let b = q.r#box.unwrap_or(VerificationBox::Mine);
    let found = state
        .db(move |c| {
            let today = archive::today(c, caller.org_id)?;
            let everyone = caller.roles.iter().any(|r| r.is_executive()) || caller.has(Role::Marketing) || caller.has(Role::MarketingManager);
            let f = match b {
                VerificationBox::Mine => {
                    VerificationFilter { assignee_id: Some(caller.user_id), department_id: None, status: Some("open".into()), overdue_on: None }
                }
                VerificationBox::Overdue if everyone => VerificationFilter { assignee_id: None, department_id: None, status: None, overdue_on: Some(today) },
                VerificationBox::Overdue if caller.has(Role::SalesManager) || caller.has(Role::SalesSupervisor) => {
                    VerificationFilter { assignee_id: None, department_id: Some(caller.department_id), status: None, overdue_on: Some(today) }
                }
                VerificationBox::Overdue => {
                    VerificationFilter { assignee_id: Some(caller.user_id), department_id: None, status: None, overdue_on: Some(today) }
                }
            };
            let rows = care::verifications(c, caller.org_id, &f, 500)?;
            views(c, &caller, rows, today)
        })
        .await?;
    Ok(HttpResponse::Ok().json(found))
}

/// Complete a task: how the data was confirmed and what changed.
#[utoipa::path(tag = "customers", operation_id = "completeVerification", security(("bearer" = [])), request_body = VerificationInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the task")),
    responses((status = 200, body = VerificationView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/verifications/{id}/complete")]
pub async fn complete(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<VerificationInput>,
) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let b = body.0;
    let clean = |v: Option<String>, field: &str| -> ApiResult<Option<String>> {
        let v = v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        if v.as_ref().is_some_and(|s| s.chars().count() > 2000) {
            return Err(ApiError::field(field, FieldCode::Length, "at most 2000 characters"));
        }
        Ok(v)
    };
    let changes = clean(b.changes, "changes")?;
    let note = clean(b.note, "note")?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let t = care::verification(c, caller.org_id, id)?;
                let cu = customers::get(c, caller.org_id, t.customer_id)?;
                archive::read(c, &caller, &cu, "verification")?;
                let manager = caller.has(Role::SalesManager) && cu.department_id == caller.department_id;
                if t.assignee_id != caller.user_id && !manager {
                    return Err(ApiError::Forbidden("the assigned person or the department's sales manager confirms the data"));
                }
                if t.status != "open" {
                    return Err(ApiError::conflict(ProblemCode::AlreadyDone, "this task is already done"));
                }
                let now = Utc::now().naive_utc();
                let done = care::complete_verification(c, id, version, b.confirmed_via.as_str(), changes.as_deref(), note.as_deref(), caller.user_id, now)?
                    .ok_or(ApiError::PreconditionFailed)?;
                archive::record(
                    c,
                    cu.id,
                    "verified",
                    None,
                    Some(&format!("{} {}", t.period, b.confirmed_via.as_str())),
                    Some(caller.user_id),
                    "verification",
                    now,
                )?;
                audit::write(c, &caller, "customer.verify", "customer", cu.id, &rid, serde_json::json!({"task": id, "via": b.confirmed_via.as_str()}))?;
                let today = archive::today(c, caller.org_id)?;
                views(c, &caller, vec![done], today)?.pop().ok_or(ApiError::NotFound)
            })
        })
        .await?;
    let ver = v.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}

/// Raise this quarter's tasks now (the background worker does it too).
#[utoipa::path(tag = "customers", operation_id = "raiseVerifications", security(("bearer" = [])),
    responses((status = 200, body = RaisedView), (status = 403, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/verifications/raise")]
pub async fn raise(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    if !(caller.has(Role::Admin) || caller.has(Role::Marketing) || caller.has(Role::MarketingManager)) {
        return Err(ApiError::Forbidden("administrators and the marketing center raise verification tasks"));
    }
    let raised = state.db(crate::worker::raise_verifications).await?;
    Ok(HttpResponse::Ok().json(RaisedView { raised }))
}

#[derive(Serialize, ToSchema)]
pub struct RaisedView {
    pub raised: usize,
}
