//! The customer archive: registration, the list, the record, edits.

mod bodies;
pub mod flow;
pub mod io;

pub use bodies::{CustomerPatch, NewCustomerRequest};

use crate::app::customers::list::{self, ListFilter};
use crate::app::customers::register::{self, Edit, Registration};
use crate::app::customers::view::{CustomerPage, CustomerView};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::cursor::PageQuery;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};

/// File a customer registration form (客户信息登记表). It waits for the
/// department manager's review; duplicates by name or tax id are listed on
/// the record.
#[utoipa::path(tag = "customers", operation_id = "createCustomer", security(("bearer" = [])), request_body = NewCustomerRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 201, body = CustomerView),
        (status = 303, description = "An earlier request with this Idempotency-Key registered the customer but its answer was lost: it is at Location", headers(("Location" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers")]
pub async fn create_customer(state: web::Data<AppState>, ctx: Ctx, body: Json<NewCustomerRequest>) -> ApiResult<HttpResponse> {
    let cmd = Registration::try_from(body.0)?;
    let v = state.write(ctx, move |tx, ctx| register::register(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), v.summary.version, &v))
}

/// The customers the caller may read, by name. Defaults to archived
/// (`active`) customers: the customer list (客户一览表).
#[utoipa::path(tag = "customers", operation_id = "listCustomers", security(("bearer" = [])), params(ListFilter, PageQuery), responses((status = 200, body = CustomerPage), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/customers")]
pub async fn list_customers(state: web::Data<AppState>, ctx: Ctx, filter: web::Query<ListFilter>, page: web::Query<PageQuery>) -> ApiResult<HttpResponse> {
    let (limit, after): (i64, Option<(String, i64)>) = page.parts()?;
    let filter = filter.into_inner();
    let page = state.read(ctx, move |c, ctx| list::list(c, ctx, filter, after, limit)).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// One customer record. A read by anyone but its owner and assigned staff is
/// logged; without a basis to read it the record does not exist (404).
#[utoipa::path(tag = "customers", operation_id = "getCustomer", security(("bearer" = [])), params(("id" = i64, Path)), responses((status = 200, body = CustomerView), (status = 304, description = "Not modified"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}")]
pub async fn get_customer(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.write(ctx, move |tx, ctx| list::get(tx, ctx, id)).await?;
    Ok(etag::respond(&req, v.summary.version, &v))
}

/// Change a customer (its owner or the department's sales manager). Every
/// changed field is kept in the history. Needs `If-Match`.
#[utoipa::path(tag = "customers", operation_id = "updateCustomer", security(("bearer" = [])), request_body = CustomerPatch,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you edit")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/customers/{id}")]
pub async fn update_customer(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<CustomerPatch>) -> ApiResult<HttpResponse> {
    let cmd = Edit::try_from((id.into_inner(), version.0, body.0))?;
    let v = state.write(ctx, move |tx, ctx| register::edit(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.summary.version, &v))
}
