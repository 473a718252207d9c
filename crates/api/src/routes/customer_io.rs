//! Export the customer list to Excel or CSV; import customers from either,
//! all rows or none, with an error per bad row.

use crate::app::customer_io::{self as io, code_of, Table};
use crate::app::customers as archive;
use crate::auth::Caller;
use crate::error::FieldCode;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::routes::audit;
use crate::routes::customers::{contact_rows, validate, ContactView, CustomerQuery};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use futures_util::StreamExt;
use kehu_domain::customer::{self as rules, Category, Confidentiality, CustomerStatus};
use kehu_domain::Role;
use kehu_persistence::customers::{self, Customer, CustomerForm, NewCustomer};
use kehu_persistence::{people, write_tx, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use utoipa::{IntoParams, ToSchema};

const MAX_BYTES: usize = 10 * 1024 * 1024;
const MAX_ROWS: usize = 10_000;

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    Xlsx,
    Csv,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Default xlsx.
    #[param(inline)]
    pub format: Option<FileFormat>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Check every row and report, writing nothing.
    pub dry_run: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct ImportResult {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub dry_run: bool,
}

/// The customer list as filtered (the list's query parameters), as a file.
/// Every exported record that is not the caller's is a logged read.
#[utoipa::path(tag = "customers", operation_id = "exportCustomers", security(("bearer" = [])), params(ExportQuery, CustomerQuery),
    responses((status = 200, description = "The file", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/export")]
pub async fn export(state: web::Data<AppState>, caller: Caller, fmt: web::Query<ExportQuery>, q: web::Query<CustomerQuery>) -> ApiResult<HttpResponse> {
    let format = fmt.format.unwrap_or(FileFormat::Xlsx);
    let q = q.into_inner();
    // The export has every row; the list's paging parameters are still checked.
    crate::http::cursor::limit(q.limit)?;
    let rows = state
        .db(move |c| {
            write_tx(c, |c| {
                let today = archive::today(c, caller.org_id)?;
                let now = Utc::now().naive_utc();
                let scope = archive::read_scope(&caller, today, now);
                let text = q.q.as_deref().map(rules::search_query).filter(|s| !s.is_empty());
                let f = q.filter(text.as_deref(), today);
                let list = customers::page(c, caller.org_id, Some(&scope), &f, None, 100_000)?;
                let list = archive::read_many(c, &caller, list, "export")?;
                let owners: Vec<i64> = list.iter().map(|c| c.owner_id).collect();
                let usernames = usernames(c, &owners)?;
                Ok(list.iter().map(|cu| io::row(cu, usernames.get(&cu.owner_id).map_or("", String::as_str))).collect::<Vec<_>>())
            })
        })
        .await?;
    let (bytes, mime, ext) = match format {
        FileFormat::Xlsx => (io::to_xlsx(&rows)?, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        FileFormat::Csv => (io::to_csv(&rows)?, "text/csv; charset=utf-8", "csv"),
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, mime))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"customers.{ext}\"; filename*=UTF-8''%E5%AE%A2%E6%88%B7%E4%B8%80%E8%A7%88%E8%A1%A8.{ext}"),
        ))
        .body(bytes))
}

fn usernames(conn: &mut DbConn, ids: &[i64]) -> ApiResult<HashMap<i64, String>> {
    let mut out = HashMap::new();
    for id in ids.iter().collect::<HashSet<_>>() {
        if let Ok(u) = people::user(conn, *id) {
            out.insert(*id, u.username);
        }
    }
    Ok(out)
}

/// Reads the request body up to the limit.
pub async fn read_body(mut payload: web::Payload) -> ApiResult<Vec<u8>> {
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::BadRequest(e.to_string()))?;
        if body.len() + chunk.len() > MAX_BYTES {
            return Err(ApiError::PayloadTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// What importing one row will do.
enum Plan {
    Create { form: CustomerForm, contact: Option<ContactView>, code: Option<String>, owner: people::User },
    Update { old: Customer, form: CustomerForm, contact: Option<ContactView> },
    Unchanged,
}

fn form_of(old: Option<&Customer>, m: &HashMap<&'static str, String>) -> CustomerForm {
    let get = |k: &str, cur: Option<&Option<String>>| m.get(k).cloned().or_else(|| cur.cloned().flatten());
    CustomerForm {
        name: m.get("name").cloned().or_else(|| old.map(|o| o.name.clone())).unwrap_or_default(),
        kind: m.get("kind").map(|v| code_of(v)).or_else(|| old.map(|o| o.kind.clone())).unwrap_or_else(|| "legal".into()),
        market: m.get("market").map(|v| code_of(v)).or_else(|| old.map(|o| o.market.clone())).unwrap_or_else(|| "domestic".into()),
        address: get("address", old.map(|o| &o.address)),
        category: m.get("category").map(|v| code_of(v)).or_else(|| old.map(|o| o.category.clone())).unwrap_or_else(|| "general".into()),
        customer_class: m.get("customer_class").map(|v| code_of(v)).or_else(|| old.and_then(|o| o.customer_class.clone())),
        region: get("region", old.map(|o| &o.region)),
        industry: get("industry", old.map(|o| &o.industry)),
        company_nature: get("company_nature", old.map(|o| &o.company_nature)),
        supervising_unit: get("supervising_unit", old.map(|o| &o.supervising_unit)),
        legal_representative: get("legal_representative", old.map(|o| &o.legal_representative)),
        tax_id: get("tax_id", old.map(|o| &o.tax_id)),
        bank_name: get("bank_name", old.map(|o| &o.bank_name)),
        bank_account: get("bank_account", old.map(|o| &o.bank_account)),
        confidentiality: m.get("confidentiality").map(|v| code_of(v)).or_else(|| old.map(|o| o.confidentiality.clone())).unwrap_or_else(|| "secret".into()),
        first_contact_on: old.and_then(|o| o.first_contact_on),
        name_key: String::new(),
        tax_key: None,
    }
}

fn same_form(a: &CustomerForm, o: &Customer) -> bool {
    a.name == o.name
        && a.kind == o.kind
        && a.market == o.market
        && a.address == o.address
        && a.category == o.category
        && a.customer_class == o.customer_class
        && a.region == o.region
        && a.industry == o.industry
        && a.company_nature == o.company_nature
        && a.supervising_unit == o.supervising_unit
        && a.legal_representative == o.legal_representative
        && a.tax_id == o.tax_id
        && a.bank_name == o.bank_name
        && a.bank_account == o.bank_account
        && a.confidentiality == o.confidentiality
}

struct Planner<'a> {
    caller: &'a Caller,
    today: chrono::NaiveDate,
    errors: Vec<FieldError>,
    codes: HashSet<String>,
    taxes: HashSet<String>,
    names: HashSet<String>,
}

impl Planner<'_> {
    fn err(&mut self, row: usize, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError { field: format!("rows[{row}].{field}"), code: FieldCode::Invalid, message: message.into() });
    }

    fn plan(&mut self, c: &mut DbConn, row: usize, m: &HashMap<&'static str, String>) -> ApiResult<Plan> {
        let caller = self.caller;
        for (field, msg) in io::check_codes(m) {
            self.err(row, field, msg);
        }
        let code = m.get("code").cloned();
        if let Some(code) = &code {
            if !self.codes.insert(code.clone()) {
                self.err(row, "code", "the same code appears twice in the file");
            }
        }
        let tax = m.get("tax_id").map(|t| rules::tax_key(t));
        if let Some(t) = &tax {
            if !self.taxes.insert(t.clone()) {
                self.err(row, "tax_id", "the same tax id appears twice in the file");
            }
        }
        let existing = match (&code, &tax) {
            (Some(code), _) => customers::by_code(c, caller.org_id, code)?,
            (None, Some(t)) => customers::by_tax_key(c, caller.org_id, t)?,
            _ => None,
        };
        let contact =
            m.get("contact_name").map(|n| ContactView { name: n.clone(), title: None, phone: m.get("contact_phone").cloned(), mobile: None, email: None });
        let mut form = form_of(existing.as_ref(), m);
        let contacts: Vec<ContactView> = contact.iter().cloned().collect();
        if let Err(ApiError::Validation(_, list)) = validate(&mut form, &contacts, self.today) {
            for e in list {
                self.err(row, &e.field, e.message);
            }
        }
        if !self.names.insert(form.name_key.clone()) {
            self.err(row, "name", "the same customer appears twice in the file");
        }
        match existing {
            Some(old) => {
                let archive_clerk = (caller.has(Role::Marketing) || caller.has(Role::MarketingManager)) && archive::level(&old) == Confidentiality::Secret;
                let allowed = archive_clerk || (caller.has(Role::SalesManager) && crate::routes::customers::may_edit(caller, &old));
                if !allowed || archive::status(&old) == CustomerStatus::Deregistered {
                    self.err(row, "code", format!("you may not change {}", old.code));
                    return Ok(Plan::Unchanged);
                }
                if let Some(owner) = m.get("owner") {
                    if people::user(c, old.owner_id).map(|u| u.username).ok().as_deref() != Some(owner.as_str()) {
                        self.err(row, "owner", "ownership changes through a transfer, not an import");
                    }
                }
                let contact_changed = contact.as_ref().is_some_and(|k| Some(&k.name) != old.contact_name.as_ref() || k.phone != old.contact_phone);
                if same_form(&form, &old) && !contact_changed {
                    return Ok(Plan::Unchanged);
                }
                Ok(Plan::Update { old, form, contact })
            }
            None => {
                let dup = customers::duplicates(c, caller.org_id, &form.name_key, None, None)?;
                if let Some(d) = dup.first() {
                    self.err(row, "name", format!("{} ({}) exists; give its code to update it", d.name, d.code));
                }
                let owner = match m.get("owner") {
                    None => {
                        self.err(row, "owner", "a new customer needs its salesperson's username");
                        return Ok(Plan::Unchanged);
                    }
                    Some(u) => people::user_by_username(c, u)?.filter(|u| u.org_id == caller.org_id && u.active),
                };
                let Some(owner) = owner else {
                    self.err(row, "owner", "no such active user");
                    return Ok(Plan::Unchanged);
                };
                let sales = people::roles_of(c, owner.id)?.iter().any(|r| r.parse::<Role>().is_ok_and(Role::is_sales));
                if !sales {
                    self.err(row, "owner", "customers belong to a salesperson");
                }
                let manager_only = !(caller.has(Role::Marketing) || caller.has(Role::MarketingManager));
                if manager_only && owner.department_id != caller.department_id {
                    self.err(row, "owner", "a sales manager imports for their own department");
                }
                if form.category == Category::Key.as_str() {
                    self.err(row, "category", "a key customer needs a second person: register it in the form");
                }
                Ok(Plan::Create { form, contact, code, owner })
            }
        }
    }
}

/// Import customers from an .xlsx or CSV file with the export's columns.
/// Rows are matched to records by 客户编号 (code), else by 税号 (tax id), and
/// updated; other rows are new and archived at once (the archive clerk's
/// import stands for the review). Credit columns are not imported: credit
/// changes go through approval. If any row is wrong, nothing is imported and
/// the 422 lists every error as `rows[N].field` (N = the sheet's row number).
#[utoipa::path(tag = "customers", operation_id = "importCustomers", security(("bearer" = [])), params(ImportQuery),
    request_body(content((Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "text/csv")), description = "The file, as the request body"),
    responses((status = 200, body = ImportResult), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/import")]
pub async fn import(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    q: web::Query<ImportQuery>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    if !(caller.has(Role::Marketing) || caller.has(Role::MarketingManager) || caller.has(Role::SalesManager)) {
        return Err(ApiError::Forbidden("the marketing center's archive and sales managers import customers"));
    }
    let bytes = read_body(payload).await?;
    let table: Table = io::parse(&bytes)?;
    if table.rows.len() > MAX_ROWS {
        return Err(ApiError::field("file", FieldCode::TooManyRows, format!("at most {MAX_ROWS} rows per file")));
    }
    let dry_run = q.dry_run.unwrap_or(false);
    let rid = audit::request_id(&req);
    let result = state
        .db(move |c| {
            write_tx(c, |c| {
                let today = archive::today(c, caller.org_id)?;
                let mut planner = Planner { caller: &caller, today, errors: Vec::new(), codes: HashSet::new(), taxes: HashSet::new(), names: HashSet::new() };
                let mut plans = Vec::new();
                for (row, m) in &table.rows {
                    plans.push(planner.plan(c, *row, m)?);
                }
                if !planner.errors.is_empty() {
                    let n = planner.errors.len();
                    return Err(ApiError::Validation(format!("{n} error(s); nothing was imported"), planner.errors));
                }
                let mut r = ImportResult { rows: plans.len(), created: 0, updated: 0, unchanged: 0, dry_run };
                for p in &plans {
                    match p {
                        Plan::Create { .. } => r.created += 1,
                        Plan::Update { .. } => r.updated += 1,
                        Plan::Unchanged => r.unchanged += 1,
                    }
                }
                if dry_run {
                    return Ok(r);
                }
                apply(c, &caller, plans, today)?;
                audit::write(
                    c,
                    &caller,
                    "customer.import",
                    "customer",
                    0,
                    &rid,
                    serde_json::json!({"created": r.created, "updated": r.updated, "unchanged": r.unchanged}),
                )?;
                Ok(r)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(result))
}

fn apply(c: &mut DbConn, caller: &Caller, plans: Vec<Plan>, today: chrono::NaiveDate) -> ApiResult<()> {
    let now = Utc::now().naive_utc();
    let policy = archive::archive_policy(c, caller.org_id)?;
    for p in plans {
        match p {
            Plan::Unchanged => {}
            Plan::Create { form, contact, code, owner } => {
                let code = match code {
                    Some(code) => code,
                    None => crate::routes::customers::next_code(c, caller.org_id)?,
                };
                let cu = customers::insert(
                    c,
                    &NewCustomer {
                        org_id: caller.org_id,
                        code,
                        owner_id: owner.id,
                        department_id: owner.department_id,
                        status: CustomerStatus::Active.as_str().into(),
                        registration_due: None,
                        submitted_by: Some(caller.user_id),
                        submitted_at: Some(now),
                        archived_at: Some(now),
                        protected_until: Some(policy.protected_until(today, None)),
                        created_at: now,
                        updated_at: now,
                    },
                    &form,
                )?;
                let contacts: Vec<ContactView> = contact.into_iter().collect();
                customers::replace_contacts(c, cu.id, &contact_rows(cu.id, &contacts))?;
                archive::refresh_derived(c, &cu)?;
                archive::record(c, cu.id, "status", None, Some("active"), Some(caller.user_id), "import", now)?;
            }
            Plan::Update { old, form, contact } => {
                let updated = customers::update_form(c, old.id, old.version, &form, now)?.ok_or(ApiError::PreconditionFailed)?;
                archive::record_diff(c, &old, &updated, Some(caller.user_id), "import", now)?;
                if let Some(k) = contact {
                    let mut list: Vec<ContactView> = customers::contacts(c, old.id)?
                        .into_iter()
                        .map(|x| ContactView { name: x.name, title: x.title, phone: x.phone, mobile: x.mobile, email: x.email })
                        .collect();
                    let before = list.first().map(|x| format!("{} {}", x.name, x.phone.clone().unwrap_or_default()));
                    if list.is_empty() {
                        list.push(k.clone());
                    } else {
                        list[0] = ContactView { title: list[0].title.clone(), mobile: list[0].mobile.clone(), email: list[0].email.clone(), ..k.clone() };
                    }
                    customers::replace_contacts(c, old.id, &contact_rows(old.id, &list))?;
                    archive::record(
                        c,
                        old.id,
                        "contacts",
                        before.as_deref(),
                        Some(&format!("{} {}", k.name, k.phone.unwrap_or_default())),
                        Some(caller.user_id),
                        "import",
                        now,
                    )?;
                }
                archive::refresh_derived(c, &updated)?;
            }
        }
    }
    Ok(())
}
