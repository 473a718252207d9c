//! Customers, as far as complaints need them: create, list, read, update.

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::http::body::Json;
use crate::http::{cursor, etag};
use crate::routes::audit;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use kehu_domain::deadline::Market;
use kehu_domain::Role;
use kehu_persistence::customers::{self, Customer, CustomerChanges, CustomerFilter, CustomerScope, NewCustomer};
use kehu_persistence::{people, write_tx, DbConn};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum CustomerKind {
    /// 法人客户
    Legal,
    /// 自然人客户
    Natural,
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum MarketCode {
    Domestic,
    Foreign,
}

impl From<MarketCode> for Market {
    fn from(m: MarketCode) -> Market {
        match m {
            MarketCode::Domestic => Market::Domestic,
            MarketCode::Foreign => Market::Foreign,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CustomerView {
    pub id: i64,
    #[schema(example = "C-00012")]
    pub code: String,
    #[schema(example = "苏州精密机械有限公司")]
    pub name: String,
    #[schema(value_type = CustomerKind)]
    pub kind: String,
    #[schema(value_type = MarketCode)]
    pub market: String,
    pub owner_id: i64,
    pub owner_name: Option<String>,
    pub department_id: i64,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub address: Option<String>,
    pub status: String,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct CustomerPage {
    pub items: Vec<CustomerView>,
    pub next_cursor: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCustomerRequest {
    #[schema(min_length = 1, max_length = 32, example = "C-00012")]
    pub code: String,
    #[schema(min_length = 1, max_length = 200, example = "苏州精密机械有限公司")]
    pub name: String,
    pub kind: CustomerKind,
    pub market: MarketCode,
    /// Defaults to the caller.
    pub owner_id: Option<i64>,
    #[schema(max_length = 100)]
    pub contact_name: Option<String>,
    #[schema(max_length = 50)]
    pub contact_phone: Option<String>,
    #[schema(max_length = 300)]
    pub address: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerPatch {
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    pub kind: Option<CustomerKind>,
    pub market: Option<MarketCode>,
    pub owner_id: Option<i64>,
    #[schema(max_length = 100)]
    pub contact_name: Option<String>,
    #[schema(max_length = 50)]
    pub contact_phone: Option<String>,
    #[schema(max_length = 300)]
    pub address: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CustomerQuery {
    /// Part of the name or code.
    pub q: Option<String>,
    pub market: Option<MarketCode>,
    pub owner_id: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

fn market_str(m: MarketCode) -> &'static str {
    match m {
        MarketCode::Domestic => "domestic",
        MarketCode::Foreign => "foreign",
    }
}

fn kind_str(k: CustomerKind) -> &'static str {
    match k {
        CustomerKind::Legal => "legal",
        CustomerKind::Natural => "natural",
    }
}

pub fn view(c: Customer, owner_name: Option<String>) -> CustomerView {
    CustomerView {
        id: c.id,
        code: c.code,
        name: c.name,
        kind: c.kind,
        market: c.market,
        owner_id: c.owner_id,
        owner_name,
        department_id: c.department_id,
        contact_name: c.contact_name,
        contact_phone: c.contact_phone,
        address: c.address,
        status: c.status,
        version: c.version,
        created_at: c.created_at.and_utc(),
        updated_at: c.updated_at.and_utc(),
    }
}

/// Sales see their own and their department's customers; the rest of the
/// factory (QA, coordinator, executives, admin) sees all of them.
pub fn scope(caller: &Caller) -> CustomerScope {
    if caller.roles.iter().any(|r| !r.is_sales()) {
        CustomerScope::All
    } else {
        CustomerScope::SalesDepartment { user_id: caller.user_id, department_id: caller.department_id }
    }
}

pub fn may_see(caller: &Caller, c: &Customer) -> bool {
    c.org_id == caller.org_id
        && match scope(caller) {
            CustomerScope::All => true,
            CustomerScope::SalesDepartment { user_id, department_id } => c.owner_id == user_id || c.department_id == department_id,
        }
}

fn may_edit(caller: &Caller, c: &Customer) -> bool {
    caller.has(Role::Admin) || c.owner_id == caller.user_id || (caller.has(Role::SalesManager) && c.department_id == caller.department_id)
}

fn text_rule(errors: &mut Vec<FieldError>, field: &str, v: Option<&str>, min: usize, max: usize) {
    if let Some(v) = v {
        let n = v.trim().chars().count();
        if n < min || v.chars().count() > max {
            errors.push(FieldError { field: field.into(), code: "length".into(), message: format!("must be {min} to {max} characters") });
        }
    }
}

fn owner_department(conn: &mut DbConn, caller: &Caller, owner_id: i64) -> ApiResult<i64> {
    let owner = people::user(conn, owner_id).map_err(|_| ApiError::field("owner_id", "not_found", "no such user"))?;
    if owner.org_id != caller.org_id || !owner.active {
        return Err(ApiError::field("owner_id", "not_found", "no such active user"));
    }
    Ok(owner.department_id)
}

/// Register a customer.
#[utoipa::path(tag = "customers", operation_id = "createCustomer", security(("bearer" = [])), request_body = NewCustomerRequest,
    responses((status = 201, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers")]
pub async fn create_customer(state: web::Data<AppState>, caller: Caller, req: HttpRequest, body: Json<NewCustomerRequest>) -> ApiResult<HttpResponse> {
    if !(caller.roles.iter().any(|r| r.is_sales()) || caller.has(Role::Admin) || caller.has(Role::Marketing)) {
        return Err(ApiError::Forbidden("only sales, marketing and administrators register customers"));
    }
    let b = body.0;
    let mut errors = Vec::new();
    text_rule(&mut errors, "code", Some(&b.code), 1, 32);
    text_rule(&mut errors, "name", Some(&b.name), 1, 200);
    text_rule(&mut errors, "contact_name", b.contact_name.as_deref(), 0, 100);
    text_rule(&mut errors, "contact_phone", b.contact_phone.as_deref(), 0, 50);
    text_rule(&mut errors, "address", b.address.as_deref(), 0, 300);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let owner_id = b.owner_id.unwrap_or(caller.user_id);
                let department_id = owner_department(c, &caller, owner_id)?;
                if customers::by_code(c, caller.org_id, b.code.trim())?.is_some() {
                    return Err(ApiError::Conflict("a customer with this code exists".into()));
                }
                let now = Utc::now().naive_utc();
                let cu = customers::insert(
                    c,
                    &NewCustomer {
                        org_id: caller.org_id,
                        code: b.code.trim().to_owned(),
                        name: b.name.trim().to_owned(),
                        kind: kind_str(b.kind).into(),
                        market: market_str(b.market).into(),
                        owner_id,
                        department_id,
                        contact_name: b.contact_name,
                        contact_phone: b.contact_phone,
                        address: b.address,
                        status: "active".into(),
                        created_at: now,
                        updated_at: now,
                    },
                )?;
                audit::write(c, &caller, "customer.create", "customer", cu.id, &rid, serde_json::json!({"code": cu.code, "name": cu.name}))?;
                Ok(view(cu, None))
            })
        })
        .await?;
    let ver = v.version;
    Ok(etag::with_etag(HttpResponse::Created(), ver, &v))
}

/// List the customers the caller may see, by name.
#[utoipa::path(tag = "customers", operation_id = "listCustomers", security(("bearer" = [])), params(CustomerQuery), responses((status = 200, body = CustomerPage), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/customers")]
pub async fn list_customers(state: web::Data<AppState>, caller: Caller, q: web::Query<CustomerQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let limit = cursor::limit(q.limit)?;
    let after: Option<(String, i64)> = q.cursor.as_deref().map(cursor::decode).transpose()?;
    let page = state
        .db(move |c| {
            let f = CustomerFilter { q: q.q.as_deref().filter(|s| !s.trim().is_empty()), market: q.market.map(market_str), owner_id: q.owner_id };
            let rows = customers::page(c, caller.org_id, &scope(&caller), &f, after, limit + 1)?;
            let more = rows.len() as i64 > limit;
            let owners: Vec<i64> = rows.iter().map(|r| r.owner_id).collect();
            let names = people::display_names(c, &owners)?;
            let items: Vec<CustomerView> = rows
                .into_iter()
                .take(limit as usize)
                .map(|r| {
                    let n = names.iter().find(|(id, _)| *id == r.owner_id).map(|(_, n)| n.clone());
                    view(r, n)
                })
                .collect();
            let next_cursor = if more { items.last().map(|l| cursor::encode(&(l.name.clone(), l.id))) } else { None };
            Ok(CustomerPage { items, next_cursor })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// One customer.
#[utoipa::path(tag = "customers", operation_id = "getCustomer", security(("bearer" = [])), params(("id" = i64, Path)), responses((status = 200, body = CustomerView), (status = 304, description = "Not modified"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}")]
pub async fn get_customer(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state
        .db(move |c| {
            let cu = customers::get(c, caller.org_id, id)?;
            if !may_see(&caller, &cu) {
                return Err(ApiError::NotFound);
            }
            let n = people::display_names(c, &[cu.owner_id])?.pop().map(|(_, n)| n);
            Ok(view(cu, n))
        })
        .await?;
    Ok(etag::respond(&req, v.version, &v))
}

/// Change a customer (owner, their manager, or admin). Needs `If-Match`.
#[utoipa::path(tag = "customers", operation_id = "updateCustomer", security(("bearer" = [])), request_body = CustomerPatch,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you edit")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/customers/{id}")]
pub async fn update_customer(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<CustomerPatch>,
) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let b = body.0;
    let mut errors = Vec::new();
    text_rule(&mut errors, "name", b.name.as_deref(), 1, 200);
    text_rule(&mut errors, "contact_name", b.contact_name.as_deref(), 0, 100);
    text_rule(&mut errors, "contact_phone", b.contact_phone.as_deref(), 0, 50);
    text_rule(&mut errors, "address", b.address.as_deref(), 0, 300);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                if !may_see(&caller, &cu) {
                    return Err(ApiError::NotFound);
                }
                if !may_edit(&caller, &cu) {
                    return Err(ApiError::Forbidden("only the owner, their manager or an administrator edits a customer"));
                }
                let department_id = b.owner_id.map(|o| owner_department(c, &caller, o)).transpose()?;
                let changes = CustomerChanges {
                    name: b.name.as_deref().map(|s| s.trim().to_owned()),
                    kind: b.kind.map(|k| kind_str(k).to_owned()),
                    market: b.market.map(|m| market_str(m).to_owned()),
                    owner_id: b.owner_id,
                    department_id,
                    contact_name: b.contact_name.clone().map(Some),
                    contact_phone: b.contact_phone.clone().map(Some),
                    address: b.address.clone().map(Some),
                };
                let updated = customers::update(c, id, version, &changes, Utc::now().naive_utc())?.ok_or(ApiError::PreconditionFailed)?;
                let old_new = serde_json::json!({
                    "old": {"name": cu.name, "owner_id": cu.owner_id, "market": cu.market, "contact_name": cu.contact_name, "contact_phone": cu.contact_phone, "address": cu.address},
                    "new": {"name": updated.name, "owner_id": updated.owner_id, "market": updated.market, "contact_name": updated.contact_name, "contact_phone": updated.contact_phone, "address": updated.address},
                });
                audit::write(c, &caller, "customer.update", "customer", id, &rid, old_new)?;
                Ok(view(updated, None))
            })
        })
        .await?;
    let ver = v.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}
