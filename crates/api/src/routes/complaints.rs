//! Complaints: intake, reading, lists, history and the workflow actions.

use crate::app::complaint_view::{self, ComplaintSummary, ComplaintView};
use crate::app::intake::IntakeRequest;
use crate::app::{notify, workflow};
use crate::auth::Caller;
use crate::error::FieldCode;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::body::Json;
use crate::http::{cursor, etag, idempotency};
use crate::routes::audit;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::permission::{self};
use kehu_domain::{Action, State};
use kehu_persistence::complaint_lists::{self, ComplaintFilter, ComplaintScope, CursorValue, Sort, SortKey};
use kehu_persistence::complaint_reads;
use kehu_persistence::complaints::{self, NewComplaint};
use kehu_persistence::events::{self, EventRow};
use kehu_persistence::{customers, write_tx, DbConn};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct ComplaintPage {
    pub items: Vec<ComplaintSummary>,
    pub next_cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EventView {
    pub seq: i64,
    #[schema(example = "approve")]
    pub action: String,
    pub from_state: Option<String>,
    pub to_state: String,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    pub at: DateTime<Utc>,
    /// What the actor wrote (the action's body).
    #[schema(value_type = Object)]
    pub body: serde_json::Value,
    /// Deadline of the step the case entered.
    pub step_due_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct EventPage {
    pub items: Vec<EventView>,
    pub next_cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintQuery {
    /// Comma-separated states.
    #[param(example = "qa_investigation,pending_approval")]
    pub state: Option<String>,
    pub customer_id: Option<i64>,
    pub department_id: Option<i64>,
    #[param(example = "severe")]
    pub severity: Option<String>,
    #[param(example = "quality")]
    pub kind: Option<String>,
    pub major: Option<bool>,
    /// Only cases whose current step is past its deadline.
    pub overdue: Option<bool>,
    pub created_from: Option<NaiveDate>,
    pub created_to: Option<NaiveDate>,
    pub registered_from: Option<NaiveDate>,
    pub registered_to: Option<NaiveDate>,
    #[param(example = "2611-0007")]
    pub number: Option<String>,
    /// Free text over number, order, product, description and customer name.
    pub q: Option<String>,
    /// `created_at`, `-created_at` (default), `updated_at`, `-updated_at`, `step_due_at`, `-step_due_at`.
    pub sort: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct ListCursor {
    t: Option<DateTime<Utc>>,
    id: i64,
}

fn scope(caller: &Caller) -> ComplaintScope {
    ComplaintScope { user_id: caller.user_id, department_id: caller.department_id, visibility: permission::list_visibility(&caller.actor()) }
}

fn parse_states(raw: &Option<String>) -> ApiResult<Vec<String>> {
    let mut out = Vec::new();
    for s in raw.iter().flat_map(|r| r.split(',')).map(str::trim).filter(|s| !s.is_empty()) {
        let st: State = s.parse().map_err(|_| ApiError::field("state", FieldCode::UnknownValue, format!("unknown state `{s}`")))?;
        out.push(st.as_str().to_owned());
    }
    Ok(out)
}

fn day_start(d: Option<NaiveDate>) -> Option<chrono::NaiveDateTime> {
    d.map(|d| d.and_time(chrono::NaiveTime::MIN))
}

/// Loads a complaint the caller may see, or 404.
fn visible(conn: &mut DbConn, caller: &Caller, id: i64) -> ApiResult<kehu_persistence::complaints::ComplaintRow> {
    let (row, owner) = complaint_reads::with_owner(conn, caller.org_id, id)?;
    if !permission::can_see(&caller.actor(), &complaint_view::facts(&row, Some(owner))) {
        return Err(ApiError::NotFound);
    }
    Ok(row)
}

/// File a complaint (a draft until `submit`).
#[utoipa::path(tag = "complaints", operation_id = "createComplaint", security(("bearer" = [])), request_body = IntakeRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 201, body = ComplaintView, headers(("ETag" = String))),
        (status = 303, description = "An earlier request with this Idempotency-Key created the complaint but its answer was lost: it is at Location", headers(("Location" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints")]
pub async fn create_complaint(state: web::Data<AppState>, caller: Caller, req: HttpRequest, body: Json<IntakeRequest>) -> ApiResult<HttpResponse> {
    if !caller.roles.iter().any(|r| r.is_sales()) {
        return Err(ApiError::Forbidden("complaints are filed by sales"));
    }
    let b = body.0;
    let (intake_row, _) = b.to_row()?;
    let rid = audit::request_id(&req);
    let book = state.names.clone();
    let claim = idempotency::Claim::of(&req);
    let view = state
        .db(move |c| {
            write_tx(c, |c| {
                let customer = crate::app::customers::complaint_customer(c, &caller, b.customer_id)?;
                let now = Utc::now().naive_utc();
                let market = b
                    .market
                    .map(|m| if m == crate::routes::customers::MarketCode::Foreign { "foreign" } else { "domestic" }.to_owned())
                    .unwrap_or(customer.market.clone());
                let new = NewComplaint {
                    org_id: caller.org_id,
                    state: State::Draft.as_str().into(),
                    customer_id: customer.id,
                    sales_department_id: caller.department_id,
                    created_by: caller.user_id,
                    market,
                    step_entered_at: now,
                    supersedes_id: None,
                    created_at: now,
                    updated_at: now,
                };
                let row = complaints::insert(c, &new, &intake_row)?;
                events::insert_event(
                    c,
                    &EventRow {
                        id: 0,
                        complaint_id: row.id,
                        seq: row.version,
                        action: "create".into(),
                        from_state: None,
                        to_state: row.state.clone(),
                        actor_id: Some(caller.user_id),
                        actor_role: caller.roles.iter().find(|r| r.is_sales()).map(|r| r.as_str().into()),
                        at: now,
                        body: "{}".into(),
                        step_due_at: None,
                    },
                )?;
                audit::write(c, &caller, "complaint.create", "complaint", row.id, &rid, serde_json::json!({"customer_id": row.customer_id}))?;
                notify::outbox(c, &row, "complaint.created", now)?;
                idempotency::mark_applied(c, &claim, &format!("/api/v1/complaints/{}", row.id))?;
                complaint_view::build(c, &book, &caller, row)
            })
        })
        .await?;
    let v = view.version;
    Ok(etag::with_etag(HttpResponse::Created(), v, &view))
}

/// One complaint with everything each department recorded and the caller's actions.
#[utoipa::path(tag = "complaints", operation_id = "getComplaint", security(("bearer" = [])),
    params(("id" = i64, Path), ("If-None-Match" = Option<String>, Header)),
    responses((status = 200, body = ComplaintView, headers(("ETag" = String))), (status = 304, description = "Not modified"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}")]
pub async fn get_complaint(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let book = state.names.clone();
    let view = state
        .db(move |c| {
            let d = complaint_reads::detail(c, &book, caller.org_id, id)?;
            if !permission::can_see(&caller.actor(), &complaint_view::facts(&d.row, Some(d.customer_owner_id))) {
                return Err(ApiError::NotFound);
            }
            Ok(complaint_view::view(&caller, d))
        })
        .await?;
    Ok(etag::respond(&req, view.version, &view))
}

/// Edit the intake form of a draft (sales). Needs `If-Match`.
#[utoipa::path(tag = "complaints", operation_id = "updateComplaintDraft", security(("bearer" = [])), request_body = IntakeRequest,
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = ComplaintView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/complaints/{id}")]
pub async fn update_draft(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<IntakeRequest>,
) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let b = body.0;
    let (intake_row, _) = b.to_row()?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let book = state.names.clone();
    let view = state
        .db(move |c| {
            write_tx(c, |c| {
                let row = visible(c, &caller, id)?;
                if row.version != version {
                    return Err(ApiError::PreconditionFailed);
                }
                if row.state != State::Draft.as_str() {
                    return Err(ApiError::state("only drafts can be edited"));
                }
                let owner = customers::get(c, row.org_id, row.customer_id)?.owner_id;
                if permission::check(&caller.actor(), Action::Submit, &complaint_view::facts(&row, Some(owner)), Default::default()).is_err() {
                    return Err(ApiError::Forbidden("only sales of the case's department edit its draft"));
                }
                let customer = crate::app::customers::complaint_customer(c, &caller, b.customer_id)?;
                let market = b
                    .market
                    .map(|m| if m == crate::routes::customers::MarketCode::Foreign { "foreign" } else { "domestic" }.to_owned())
                    .unwrap_or(customer.market.clone());
                let now = Utc::now().naive_utc();
                let updated = complaints::update_intake(c, id, version, &intake_row, customer.id, &market, now)?.ok_or(ApiError::PreconditionFailed)?;
                events::insert_event(
                    c,
                    &EventRow {
                        id: 0,
                        complaint_id: id,
                        seq: updated.version,
                        action: "edit".into(),
                        from_state: Some(row.state.clone()),
                        to_state: row.state.clone(),
                        actor_id: Some(caller.user_id),
                        actor_role: caller.roles.iter().find(|r| r.is_sales()).map(|r| r.as_str().into()),
                        at: now,
                        body: "{}".into(),
                        step_due_at: None,
                    },
                )?;
                audit::write(c, &caller, "complaint.edit", "complaint", id, &rid, serde_json::json!({"version": updated.version}))?;
                complaint_view::build(c, &book, &caller, updated)
            })
        })
        .await?;
    let v = view.version;
    Ok(etag::with_etag(HttpResponse::Ok(), v, &view))
}

/// Complaints the caller may see, filtered, in keyset pages.
#[utoipa::path(tag = "complaints", operation_id = "listComplaints", security(("bearer" = [])), params(ComplaintQuery),
    responses((status = 200, body = ComplaintPage), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints")]
pub async fn list_complaints(state: web::Data<AppState>, caller: Caller, q: web::Query<ComplaintQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let limit = cursor::limit(q.limit)?;
    let sort = match q.sort.as_deref().unwrap_or("-created_at") {
        "created_at" => Sort { key: SortKey::CreatedAt, descending: false },
        "-created_at" => Sort { key: SortKey::CreatedAt, descending: true },
        "updated_at" => Sort { key: SortKey::UpdatedAt, descending: false },
        "-updated_at" => Sort { key: SortKey::UpdatedAt, descending: true },
        "step_due_at" => Sort { key: SortKey::StepDueAt, descending: false },
        "-step_due_at" => Sort { key: SortKey::StepDueAt, descending: true },
        _ => return Err(ApiError::field("sort", FieldCode::UnknownValue, "sort by created_at, updated_at or step_due_at, with - for descending")),
    };
    let after =
        q.cursor.as_deref().map(cursor::decode::<ListCursor>).transpose()?.map(|c| (c.t.map_or(CursorValue::Null, |t| CursorValue::Time(t.naive_utc())), c.id));
    for (field, v) in [("severity", &q.severity), ("kind", &q.kind)] {
        let ok = match (field, v.as_deref()) {
            (_, None) => true,
            ("severity", Some(s)) => s.parse::<kehu_domain::intake::Severity>().is_ok(),
            (_, Some(s)) => s.parse::<kehu_domain::intake::ComplaintKind>().is_ok(),
        };
        if !ok {
            return Err(ApiError::field(field, FieldCode::UnknownValue, format!("unknown {field}")));
        }
    }
    let filter = ComplaintFilter {
        states: parse_states(&q.state)?,
        customer_id: q.customer_id,
        sales_department_id: q.department_id,
        severity: q.severity,
        kind: q.kind,
        is_major: q.major,
        overdue_at: q.overdue.filter(|o| *o).map(|_| Utc::now().naive_utc()),
        created_from: day_start(q.created_from),
        created_to: day_start(q.created_to.and_then(|d| d.succ_opt())),
        registered_from: day_start(q.registered_from),
        registered_to: day_start(q.registered_to.and_then(|d| d.succ_opt())),
        number: q.number.filter(|s| !s.is_empty()),
        q: q.q.filter(|s| !s.trim().is_empty()).map(|s| s.trim().to_owned()),
        ..Default::default()
    };
    let sort_key = sort.key;
    let page = state
        .db(move |c| {
            let rows = complaint_lists::page(c, caller.org_id, &scope(&caller), &filter, &sort, after, limit + 1)?;
            let more = rows.len() as i64 > limit;
            let rows: Vec<_> = rows.into_iter().take(limit as usize).collect();
            let next_cursor = if more {
                rows.last().map(|(r, _)| {
                    let t = match sort_key {
                        SortKey::CreatedAt => Some(r.created_at),
                        SortKey::UpdatedAt => Some(r.updated_at),
                        SortKey::StepDueAt => r.step_due_at,
                    };
                    cursor::encode(&ListCursor { t: t.map(|t| t.and_utc()), id: r.id })
                })
            } else {
                None
            };
            Ok(ComplaintPage { items: complaint_view::summaries(rows), next_cursor })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// The case history: who did what, in which role, when, from and to which state.
#[utoipa::path(tag = "complaints", operation_id = "listComplaintEvents", security(("bearer" = [])),
    params(("id" = i64, Path), ("limit" = Option<i64>, Query, minimum = 1, maximum = 200), ("cursor" = Option<String>, Query)),
    responses((status = 200, body = EventPage), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}/events")]
pub async fn list_events(state: web::Data<AppState>, caller: Caller, id: web::Path<i64>, q: web::Query<PageQuery>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let q = q.into_inner();
    let limit = cursor::limit(q.limit)?;
    let after: i64 = q.cursor.as_deref().map(cursor::decode).transpose()?.unwrap_or(0);
    let page = state
        .db(move |c| {
            visible(c, &caller, id)?;
            let rows = events::events_of(c, id, after, limit + 1)?;
            let more = rows.len() as i64 > limit;
            let ids: Vec<i64> = rows.iter().filter_map(|e| e.actor_id).collect();
            let names: std::collections::HashMap<i64, String> = kehu_persistence::people::display_names(c, &ids)?.into_iter().collect();
            let items: Vec<EventView> = rows
                .into_iter()
                .take(limit as usize)
                .map(|e| EventView {
                    seq: e.seq,
                    action: e.action,
                    from_state: e.from_state,
                    to_state: e.to_state,
                    actor_name: e.actor_id.and_then(|a| names.get(&a).cloned()),
                    actor_id: e.actor_id,
                    actor_role: e.actor_role,
                    at: e.at.and_utc(),
                    body: serde_json::from_str(&e.body).unwrap_or_default(),
                    step_due_at: e.step_due_at.map(|t| t.and_utc()),
                })
                .collect();
            let next_cursor = if more { items.last().map(|e| cursor::encode(&e.seq)) } else { None };
            Ok(EventPage { items, next_cursor })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ActionResult {
    pub complaint: ComplaintView,
    /// Set by `record_outcome` when the customer did not accept: the new linked draft.
    pub follow_up_id: Option<i64>,
}

/// Take a workflow action (workflow.md). Needs `If-Match`; the body depends on the action.
///
/// 404 when the caller may not see the case, 409 when its state does not
/// allow the action, 403 when the caller's role, department or ownership does
/// not, 412 when the case changed since it was read.
#[utoipa::path(tag = "complaints", operation_id = "takeComplaintAction", security(("bearer" = [])),
    request_body(content = crate::app::action_bodies::ActionBody, description = "See workflow.md for each action's body; `{}` where it carries nothing"),
    params(("id" = i64, Path), ("action" = String, Path, example = "approve"), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = ActionResult, headers(("ETag" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 415, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints/{id}/actions/{action}")]
pub async fn take_action(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<(i64, String)>,
    raw: web::Bytes,
) -> ApiResult<HttpResponse> {
    let (id, action) = path.into_inner();
    let action: Action = action.parse().map_err(|_| ApiError::NotFound)?;
    if !raw.is_empty() {
        let json = req.headers().get(actix_web::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("application/json"));
        if !json {
            return Err(ApiError::UnsupportedMediaType("send the body as application/json".into()));
        }
    }
    let version = etag::if_match(&req)?;
    let rid = audit::request_id(&req);
    let book = state.names.clone();
    let result = state
        .db(move |c| {
            write_tx(c, |c| {
                let applied = workflow::apply(c, &caller, id, version, action, &raw, &rid)?;
                let complaint = complaint_view::build(c, &book, &caller, applied.row)?;
                Ok(ActionResult { complaint, follow_up_id: applied.follow_up_id })
            })
        })
        .await?;
    let v = result.complaint.version;
    Ok(etag::with_etag(HttpResponse::Ok(), v, &result))
}

/// My tasks (待办): cases waiting for me or my role, soonest deadline first.
#[utoipa::path(tag = "complaints", operation_id = "listMyTasks", security(("bearer" = [])),
    responses((status = 200, body = Vec<ComplaintSummary>)))]
#[get("/me/tasks")]
pub async fn my_tasks(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    let items = state
        .db(move |c| {
            let clauses = kehu_domain::inbox::clauses(&caller.actor());
            Ok(complaint_view::summaries(complaint_lists::inbox(c, caller.org_id, &scope(&caller), &clauses, 200)?))
        })
        .await?;
    Ok(HttpResponse::Ok().json(items))
}
