//! 离职交接: before a salesperson leaves, everything they own moves to a
//! colleague in one step, and their customers are listed to be notified.

use crate::app::customers::{self as archive, Change, Shown};
use crate::app::views::Ref;
use crate::app::{Ctx, Tx};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, FieldCode};
use kehu_domain::customer::{Category, ChangeField, ChangeSource, CustomerStatus};
use kehu_domain::notice::Notice;
use kehu_domain::Role;
use kehu_persistence::customers::{self, Customer};
use kehu_persistence::people::{self, User, UserChanges};
use kehu_persistence::{complaints, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

/// A customer to tell about its new contact person.
#[derive(Serialize, ToSchema)]
pub struct NotifyRow {
    pub customer_id: i64,
    pub code: String,
    pub name: String,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct HandoverCase {
    pub id: i64,
    pub number: Option<String>,
    pub state: kehu_domain::State,
    pub customer_id: i64,
    pub customer_name: String,
}

/// What a handover moves.
#[derive(Serialize, ToSchema)]
pub struct HandoverPreview {
    pub user: Ref,
    /// Customers they own (registrations waiting for review included).
    pub customers: Vec<NotifyRow>,
    /// Customers where they are further assigned staff.
    pub staffed: Vec<Ref>,
    /// Open complaints of their customers.
    pub open_complaints: Vec<HandoverCase>,
    /// Visits they planned that have not taken place.
    pub visit_plans: usize,
    /// Key customers they own: one that would be left with fewer people
    /// than the policy's minimum needs `key_staff_user_id`.
    pub key_customers: Vec<Ref>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HandoverRequest {
    /// The salesperson who takes everything over.
    pub to_user_id: i64,
    /// Deactivate the leaver in the same step.
    #[serde(default)]
    pub deactivate: bool,
    /// Who serves, with the receiver, a key customer that would otherwise
    /// be short of people (the policy's minimum staff).
    pub key_staff_user_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct HandoverResult {
    pub from: Ref,
    pub to: Ref,
    pub customers_moved: usize,
    pub staff_moved: usize,
    /// Open complaints of the customers handed over, which follow them to
    /// the receiver (the same list as the preview's).
    pub complaints_moved: usize,
    /// Open visit plans (回访计划) now planned by the receiver.
    pub visit_plans_moved: usize,
    pub deactivated: bool,
    /// 待通知客户: the customers to tell about their new contact person.
    pub notify: Vec<NotifyRow>,
}

fn may_hand_over(caller: &Caller, leaver: &User) -> bool {
    caller.has(Role::Admin) || caller.has(Role::Gm) || (caller.has(Role::SalesManager) && caller.department_id == leaver.department_id)
}

/// An active salesperson of the caller's company who can receive customers.
pub fn receiver(conn: &mut DbConn, caller: &Caller, id: i64, field: &str) -> ApiResult<User> {
    let u = people::user(conn, id)
        .ok()
        .filter(|u| u.org_id == caller.org_id && u.active)
        .ok_or_else(|| ApiError::field(field, FieldCode::NotFound, "no such active user"))?;
    let sales = people::roles_of(conn, u.id)?.iter().any(|r| r.is_sales());
    if !sales {
        return Err(ApiError::field(field, FieldCode::NotSales, "customers go to a salesperson"));
    }
    Ok(u)
}

/// A customer as the caller may see it: name and contact only when the
/// caller may read the record, its code otherwise.
fn notify_row(c: &Customer, shown: &HashMap<i64, Shown>) -> NotifyRow {
    match shown.get(&c.id) {
        Some(s) if s.readable => NotifyRow {
            customer_id: c.id,
            code: c.code.clone(),
            name: c.name.clone(),
            contact_name: c.contact_name.clone(),
            contact_phone: c.contact_phone.clone(),
        },
        _ => NotifyRow { customer_id: c.id, code: c.code.clone(), name: c.code.clone(), contact_name: None, contact_phone: None },
    }
}

fn leaver(conn: &mut DbConn, caller: &Caller, id: i64) -> ApiResult<User> {
    let u = people::user(conn, id).ok().filter(|u| u.org_id == caller.org_id).ok_or(ApiError::NotFound)?;
    if !may_hand_over(caller, &u) {
        return Err(ApiError::Forbidden("an administrator, the general manager or the person's sales manager hands over"));
    }
    Ok(u)
}

/// What handing this person over would move.
pub fn preview(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<HandoverPreview> {
    let u = leaver(conn, &ctx.caller, id)?;
    let owned: Vec<Customer> = customers::owned_by(conn, id)?.into_iter().filter(|c| c.status != CustomerStatus::Rejected).collect();
    let staffed_ids = customers::staffed_by(conn, id)?;
    let staffed = customers::many(conn, &staffed_ids)?;
    let ids: Vec<i64> = owned.iter().map(|c| c.id).collect();
    let open = complaints::open_of_customers(conn, &ids)?;
    let shown = archive::shown(conn, &ctx.caller, &[ids.clone(), staffed_ids].concat())?;
    let label = |id: i64| shown.get(&id).map(|s| s.label.clone()).unwrap_or_default();
    Ok(HandoverPreview {
        user: Ref { id: u.id, name: u.display_name.clone() },
        customers: owned.iter().map(|c| notify_row(c, &shown)).collect(),
        staffed: staffed.iter().map(|c| Ref { id: c.id, name: label(c.id) }).collect(),
        open_complaints: open
            .into_iter()
            .map(|r| HandoverCase { id: r.id, number: r.number, state: r.state, customer_id: r.customer_id, customer_name: label(r.customer_id) })
            .collect(),
        visit_plans: kehu_persistence::care::open_visit_plans_of(conn, id)?.len(),
        key_customers: owned.iter().filter(|c| c.category == Category::Key).map(|c| Ref { id: c.id, name: label(c.id) }).collect(),
    })
}

/// Hand everything over in one transaction: owned customers (with their open
/// complaints and verification tasks), staff assignments, open visit plans;
/// optionally deactivate the leaver. All or nothing.
pub fn hand_over(tx: &mut Tx, ctx: &Ctx, (id, cmd): (i64, HandoverRequest)) -> ApiResult<HandoverResult> {
    let from = leaver(tx, &ctx.caller, id)?;
    let to = receiver(tx, &ctx.caller, cmd.to_user_id, "to_user_id")?;
    if to.id == from.id {
        return Err(ApiError::field("to_user_id", FieldCode::SameUser, "hand over to someone else"));
    }
    // Taking a colleague's customers would let a manager read what the
    // secrecy levels keep from him.
    if to.id == ctx.user() {
        return Err(ApiError::field("to_user_id", FieldCode::SameUser, "hand customers to someone other than yourself"));
    }
    // Staff read every level: naming oneself would open the records to oneself.
    if cmd.key_staff_user_id == Some(ctx.user()) {
        return Err(ApiError::field("key_staff_user_id", FieldCode::SameUser, "name someone other than yourself"));
    }
    let owned: Vec<Customer> = customers::owned_by(tx, id)?.into_iter().filter(|c| c.status != CustomerStatus::Rejected).collect();
    let shown = archive::shown(tx, &ctx.caller, &owned.iter().map(|c| c.id).collect::<Vec<_>>())?;
    // The open complaints follow their customers to the new owner, as the
    // preview lists them (to his department too, when it is another one).
    let complaints_moved = complaints::open_of_customers(tx, &owned.iter().map(|c| c.id).collect::<Vec<_>>())?.len();
    let mut notify = Vec::new();
    for cu in &owned {
        let (moved, _) = archive::transfer(tx, cu, &to, ctx.user(), ChangeSource::Handover, ctx.now)?;
        notify.push(notify_row(&moved, &shown));
    }
    let staffed = customers::staffed_by(tx, id)?;
    let staff_moved = customers::move_staff(tx, id, to.id)?;
    for cid in &staffed {
        let change = Change { field: ChangeField::Staff, old: Some(&id.to_string()), new: Some(&to.id.to_string()), source: ChangeSource::Handover };
        archive::record(tx, *cid, change, Some(ctx.user()), ctx.now)?;
    }
    // Rejected registrations stay with their author's history but must not
    // block the deactivation: they move too, quietly.
    for cu in customers::owned_by(tx, id)? {
        archive::transfer(tx, &cu, &to, ctx.user(), ChangeSource::Handover, ctx.now)?;
    }
    for cu in owned.iter().filter(|c| c.category == Category::Key) {
        let now_held = customers::get(tx, ctx.org(), cu.id)?;
        archive::keep_key_staff(tx, &now_held, cmd.key_staff_user_id, "key_staff_user_id", ctx.user(), ChangeSource::Handover, ctx.now)?;
    }
    let visit_plans_moved = kehu_persistence::care::move_visit_plans(tx, id, to.id)?;
    let deactivated = cmd.deactivate && from.active;
    if deactivated {
        people::update_user(tx, id, from.version, &UserChanges { active: Some(false), ..Default::default() }, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
        kehu_persistence::sessions::revoke_user(tx, id, ctx.now)?;
    }
    archive::notify(tx, ctx.org(), &[to.id], &Notice::customer_handover(owned.len(), &from.display_name), ctx.now)?;
    let details = serde_json::json!({"to": to.id, "customers": owned.len(), "staff": staff_moved, "complaints": complaints_moved, "visit_plans": visit_plans_moved, "deactivated": deactivated});
    ctx.audit(tx, "user.handover", "user", id, details)?;
    Ok(HandoverResult {
        from: Ref { id: from.id, name: from.display_name },
        to: Ref { id: to.id, name: to.display_name },
        customers_moved: owned.len(),
        staff_moved,
        complaints_moved,
        visit_plans_moved,
        deactivated,
        notify,
    })
}
