//! The record's life: review of the registration, resubmission, claiming a
//! lapsed customer, transfer, the change history, the read log, duplicates.

use super::view::{build, duplicate_view, CustomerView, DuplicateView};
use super::{archive_policy, basis, holding, notify, read, record, record_diff, today, transfer as move_to, Change};
use crate::app::handover::receiver;
use crate::app::views::Ref;
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, ProblemCode};
use chrono::{DateTime, Utc};
use kehu_domain::customer::{self as rules, ChangeField, ChangeSource, CustomerStatus, ReadBasis, ReadPurpose};
use kehu_domain::notice::Notice;
use kehu_domain::Role;
use kehu_persistence::customers::{self, CustomerChanges};
use kehu_persistence::{people, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ReviewDecision {
    Approve,
    Reject,
}

/// One entry of the change history.
#[derive(Serialize, ToSchema)]
pub struct ChangeView {
    pub id: i64,
    pub field: ChangeField,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    /// For `owner_id`, `department_id` and `staff`: the names behind the ids.
    pub old_label: Option<String>,
    pub new_label: Option<String>,
    pub source: ChangeSource,
    pub changed_by: Option<Ref>,
    pub changed_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct ChangePage {
    pub items: Vec<ChangeView>,
    pub next_cursor: Option<String>,
}

/// A read of the record by someone who is not its owner or staff.
#[derive(Serialize, ToSchema)]
pub struct ReadView {
    pub id: i64,
    pub user: Ref,
    pub basis: ReadBasis,
    pub what: ReadPurpose,
    pub at: DateTime<Utc>,
}

/// A step on a record at the version the caller read.
pub struct OnRecord<T> {
    pub id: i64,
    pub version: i64,
    pub body: T,
}

/// The decision and, required when rejecting, what the salesperson must fix.
pub struct Review {
    pub decision: ReviewDecision,
    pub reason: Option<String>,
}

pub struct Transfer {
    pub to_user_id: i64,
    pub reason: String,
    /// Who serves a key customer with its new owner when it would be short
    /// of people; the previous owner when not given.
    pub staff_user_id: Option<i64>,
}

/// Approve or reject a registration. Approval archives the customer and
/// starts its protection period; it is refused while an archived customer
/// with the same name or tax id exists (the first registration wins).
pub fn review(tx: &mut Tx, ctx: &Ctx, cmd: OnRecord<Review>) -> ApiResult<CustomerView> {
    let old = customers::get(tx, ctx.org(), cmd.id)?;
    let basis = read(tx, &ctx.caller, &old, ReadPurpose::Review)?;
    if old.status != CustomerStatus::PendingReview {
        return Err(ApiError::conflict(ProblemCode::NotPendingReview, "only a registration waiting for review can be reviewed"));
    }
    let today = today(tx, ctx.org())?;
    if !rules::may_review(&ctx.actor(), &holding(&old, today)) {
        return Err(ApiError::Forbidden("the department's sales manager reviews a registration, never its submitter"));
    }
    if old.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let Review { decision, reason } = cmd.body;
    let policy = archive_policy(tx, ctx.org())?;
    let mut changes =
        CustomerChanges { reviewed_by: Some(Some(ctx.user())), reviewed_at: Some(Some(ctx.now)), review_reason: Some(reason.clone()), ..Default::default() };
    if decision == ReviewDecision::Approve {
        let first = customers::duplicates(tx, ctx.org(), &old.name_key, old.tax_key.as_deref(), Some(cmd.id))?.into_iter().find(|d| {
            matches!(d.status, CustomerStatus::Active | CustomerStatus::Deregistered)
                || (d.submitted_at < old.submitted_at && d.status == CustomerStatus::PendingReview)
        });
        if let Some(d) = first {
            return Err(ApiError::conflict(ProblemCode::RegisteredFirst, format!("{} ({}) was registered first; reject this registration", d.name, d.code)));
        }
        if !rules::staffed_enough(old.category, customers::staff(tx, cmd.id)?.len(), policy.key_customer_min_staff) {
            let why = format!("a key customer needs at least {} staff including the owner", policy.key_customer_min_staff);
            return Err(ApiError::conflict(ProblemCode::KeyCustomerStaff, why));
        }
        changes.status = Some(CustomerStatus::Active);
        changes.archived_at = Some(Some(ctx.now));
        changes.protected_until = Some(Some(policy.protected_until(today, old.last_deal_on)));
    } else {
        changes.status = Some(CustomerStatus::Rejected);
    }
    let updated = customers::update(tx, cmd.id, Some(cmd.version), &changes, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    record_diff(tx, &old, &updated, Some(ctx.user()), ChangeSource::Review, ctx.now)?;
    let to: Vec<i64> = [Some(updated.owner_id), updated.submitted_by].into_iter().flatten().filter(|u| *u != ctx.user()).collect();
    let notice = Notice::customer_reviewed(updated.id, &updated.name, decision == ReviewDecision::Approve, reason.as_deref());
    notify(tx, ctx.org(), &to, &notice, ctx.now)?;
    ctx.audit(tx, "customer.review", "customer", cmd.id, serde_json::json!({"decision": updated.status, "reason": reason}))?;
    build(tx, ctx, updated, basis)
}

/// Resubmit a rejected registration after fixing it (its owner).
pub fn resubmit(tx: &mut Tx, ctx: &Ctx, cmd: OnRecord<()>) -> ApiResult<CustomerView> {
    let old = customers::get(tx, ctx.org(), cmd.id)?;
    let basis = read(tx, &ctx.caller, &old, ReadPurpose::Resubmit)?;
    if old.status != CustomerStatus::Rejected {
        return Err(ApiError::conflict(ProblemCode::NotRejected, "only a rejected registration is resubmitted"));
    }
    if !rules::may_edit(&ctx.actor(), &holding(&old, today(tx, ctx.org())?)) {
        return Err(ApiError::Forbidden("the owner resubmits a registration"));
    }
    let changes = CustomerChanges {
        status: Some(CustomerStatus::PendingReview),
        submitted_by: Some(Some(ctx.user())),
        submitted_at: Some(Some(ctx.now)),
        ..Default::default()
    };
    let updated = customers::update(tx, cmd.id, Some(cmd.version), &changes, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    record_diff(tx, &old, &updated, Some(ctx.user()), ChangeSource::Registration, ctx.now)?;
    let reviewers: Vec<i64> =
        people::users_with_role(tx, ctx.org(), Role::SalesManager, Some(updated.department_id))?.into_iter().filter(|u| *u != ctx.user()).collect();
    notify(tx, ctx.org(), &reviewers, &Notice::customer_review(updated.id, &updated.name, &updated.code), ctx.now)?;
    ctx.audit(tx, "customer.resubmit", "customer", cmd.id, serde_json::json!({}))?;
    build(tx, ctx, updated, basis)
}

/// Claim a customer whose protection period lapsed without a deal: the
/// caller becomes its owner, its open complaints follow, its former owner is
/// told.
pub fn claim(tx: &mut Tx, ctx: &Ctx, cmd: OnRecord<()>) -> ApiResult<CustomerView> {
    let old = customers::get(tx, ctx.org(), cmd.id)?;
    read(tx, &ctx.caller, &old, ReadPurpose::Claim)?;
    if !ctx.actor().any(Role::is_sales) {
        return Err(ApiError::Forbidden("only sales claim customers"));
    }
    if old.owner_id == ctx.user() {
        return Err(ApiError::conflict(ProblemCode::AlreadyOwner, "you already own this customer"));
    }
    if !rules::may_claim(&ctx.actor(), &holding(&old, today(tx, ctx.org())?)) {
        return Err(ApiError::conflict(ProblemCode::StillProtected, "this customer is still protected for its owner"));
    }
    if old.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let me = people::user(tx, ctx.user())?;
    let (updated, _) = move_to(tx, &old, &me, ctx.user(), ChangeSource::Claim, ctx.now)?;
    notify(tx, ctx.org(), &[old.owner_id], &Notice::customer_claimed(old.id, &old.name, &ctx.caller.display_name), ctx.now)?;
    ctx.audit(tx, "customer.claim", "customer", cmd.id, serde_json::json!({"from": old.owner_id}))?;
    build(tx, ctx, updated, ReadBasis::Owner)
}

/// Give one customer to another salesperson (the owning department's sales
/// manager or the general manager).
pub fn transfer(tx: &mut Tx, ctx: &Ctx, cmd: OnRecord<Transfer>) -> ApiResult<CustomerView> {
    let old = customers::get(tx, ctx.org(), cmd.id)?;
    let basis = read(tx, &ctx.caller, &old, ReadPurpose::Transfer)?;
    if !((ctx.caller.has(Role::SalesManager) && old.department_id == ctx.caller.department_id) || ctx.caller.has(Role::Gm)) {
        return Err(ApiError::Forbidden("the department's sales manager or the general manager transfers a customer"));
    }
    if old.status == CustomerStatus::Deregistered {
        return Err(ApiError::conflict(ProblemCode::Deregistered, "a deregistered customer is read-only"));
    }
    let to = receiver(tx, &ctx.caller, cmd.body.to_user_id, "to_user_id")?;
    if to.id == old.owner_id {
        return Err(ApiError::field("to_user_id", FieldCode::SameOwner, "this person already owns the customer"));
    }
    if old.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let reason = cmd.body.reason;
    let (updated, moved) = move_to(tx, &old, &to, ctx.user(), ChangeSource::Transfer, ctx.now)?;
    // Staff read every level: naming oneself would open the record to oneself.
    if cmd.body.staff_user_id == Some(ctx.user()) && old.owner_id != ctx.user() {
        return Err(ApiError::field("staff_user_id", FieldCode::SameUser, "name someone other than yourself"));
    }
    let extra = cmd.body.staff_user_id.or(Some(old.owner_id));
    super::keep_key_staff(tx, &updated, extra, "staff_user_id", ctx.user(), ChangeSource::Transfer, ctx.now)?;
    let change = Change { field: ChangeField::TransferReason, old: None, new: Some(&reason), source: ChangeSource::Transfer };
    record(tx, cmd.id, change, Some(ctx.user()), ctx.now)?;
    notify(tx, ctx.org(), &[to.id, old.owner_id], &Notice::customer_transferred(old.id, &old.name, &reason), ctx.now)?;
    ctx.audit(tx, "customer.transfer", "customer", cmd.id, serde_json::json!({"from": old.owner_id, "to": to.id, "complaints_moved": moved}))?;
    build(tx, ctx, updated, basis)
}

fn ref_ids(v: &Option<String>) -> Vec<i64> {
    v.as_deref().unwrap_or("").split(',').filter_map(|x| x.trim().parse::<i64>().ok()).collect()
}

/// Every change of the record, oldest first: who, when, old and new.
pub fn history(tx: &mut Tx, ctx: &Ctx, id: i64, after: i64, limit: i64) -> ApiResult<ChangePage> {
    let cu = customers::get(tx, ctx.org(), id)?;
    read(tx, &ctx.caller, &cu, ReadPurpose::History)?;
    let rows = customers::changes(tx, id, after, limit + 1)?;
    let more = rows.len() as i64 > limit;
    let mut ids: Vec<i64> = rows.iter().filter_map(|r| r.changed_by).collect();
    let mut depts = Vec::new();
    for r in &rows {
        match r.field {
            ChangeField::OwnerId | ChangeField::Staff => ids.extend(ref_ids(&r.old_value).into_iter().chain(ref_ids(&r.new_value))),
            ChangeField::DepartmentId => depts.extend(ref_ids(&r.old_value).into_iter().chain(ref_ids(&r.new_value))),
            _ => {}
        }
    }
    let names: HashMap<i64, String> = people::display_names(tx, &ids)?.into_iter().collect();
    let dnames: HashMap<i64, String> = people::department_names(tx, &depts)?.into_iter().collect();
    let label = |field: ChangeField, v: &Option<String>| -> Option<String> {
        let map = match field {
            ChangeField::OwnerId | ChangeField::Staff => &names,
            ChangeField::DepartmentId => &dnames,
            _ => return None,
        };
        v.as_ref().map(|_| ref_ids(v).iter().map(|id| map.get(id).cloned().unwrap_or_else(|| id.to_string())).collect::<Vec<_>>().join("、"))
    };
    let items: Vec<ChangeView> = rows
        .into_iter()
        .take(limit as usize)
        .map(|r| ChangeView {
            id: r.id,
            old_label: label(r.field, &r.old_value),
            new_label: label(r.field, &r.new_value),
            field: r.field,
            old_value: r.old_value,
            new_value: r.new_value,
            source: r.source,
            changed_by: r.changed_by.map(|u| Ref { id: u, name: names.get(&u).cloned().unwrap_or_default() }),
            changed_at: r.changed_at.and_utc(),
        })
        .collect();
    let next_cursor = if more { items.last().map(|l| crate::http::cursor::encode(&l.id)) } else { None };
    Ok(ChangePage { items, next_cursor })
}

/// Who read the record without owning it (its owner, the department's sales
/// manager and executives see this).
pub fn reads(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<Vec<ReadView>> {
    let cu = customers::get(conn, ctx.org(), id)?;
    let today = today(conn, ctx.org())?;
    let b = basis(conn, &ctx.caller, &cu, today, ctx.now)?.ok_or(ApiError::NotFound)?;
    if !matches!(b, ReadBasis::Owner | ReadBasis::DepartmentManager | ReadBasis::Executive) {
        return Err(ApiError::Forbidden("the owner, the department's sales manager and executives see who read a record"));
    }
    let rows = customers::reads(conn, id, None, 200)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.user_id).collect();
    let names: HashMap<i64, String> = people::display_names(conn, &ids)?.into_iter().collect();
    Ok(rows
        .into_iter()
        .map(|r| ReadView {
            id: r.id,
            user: Ref { id: r.user_id, name: names.get(&r.user_id).cloned().unwrap_or_default() },
            basis: r.basis,
            what: r.what,
            at: r.at.and_utc(),
        })
        .collect())
}

/// What a registration being typed may duplicate.
pub struct DuplicateCheck {
    pub name: Option<String>,
    pub tax_id: Option<String>,
    pub exclude_id: Option<i64>,
}

/// Records with the same normalised name or tax id: code, name, status and
/// owner only, so a salesperson knows whom to ask.
pub fn duplicates(conn: &mut DbConn, ctx: &Ctx, q: DuplicateCheck) -> ApiResult<Vec<DuplicateView>> {
    let c = &ctx.caller;
    if !(c.roles.iter().any(|r| r.is_sales()) || c.has(Role::Marketing) || c.has(Role::MarketingManager) || c.has(Role::Gm)) {
        return Err(ApiError::Forbidden("sales, marketing and the general manager check for duplicates"));
    }
    let key = q.name.as_deref().map(rules::name_key).unwrap_or_default();
    let tax = q.tax_id.as_deref().map(rules::tax_key).filter(|t| !t.is_empty());
    if key.is_empty() && tax.is_none() {
        return Ok(Vec::new());
    }
    let found = customers::duplicates(conn, ctx.org(), &key, tax.as_deref(), q.exclude_id)?;
    let ids: Vec<i64> = found.iter().map(|d| d.owner_id).collect();
    let names: HashMap<i64, String> = people::display_names(conn, &ids)?.into_iter().collect();
    Ok(found
        .iter()
        .map(|d| duplicate_view(d, &key, tax.as_deref(), Ref { id: d.owner_id, name: names.get(&d.owner_id).cloned().unwrap_or_default() }))
        .collect())
}
