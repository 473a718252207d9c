//! The customer archive (客户档案): who reads a record (and the log of it),
//! the change history, ownership transfer, derived search keys; the use
//! cases live in the submodules.

pub mod flow;
pub mod list;
pub mod register;
pub mod view;

use crate::app::policy;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, FieldCode};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use kehu_domain::customer::{self as rules, ArchivePolicy, ChangeField, ChangeSource, CustomerStatus, Holding, ReadBasis, ReadPurpose, RecordFacts};
use kehu_domain::notice::Notice;
use kehu_domain::workflow::EventAction;
use kehu_persistence::customers::{self, Customer, CustomerChanges, NewChange, ReadScope};
use kehu_persistence::events::{self, EventRow};
use kehu_persistence::people::User;
use kehu_persistence::{complaints, DbConn};

pub const ARCHIVE: &str = "customer_archive";

pub fn archive_policy(conn: &mut DbConn, org_id: i64) -> ApiResult<ArchivePolicy> {
    Ok(policy::current(conn, org_id, ARCHIVE)?.0)
}

/// Today in the company's time zone.
pub fn today(conn: &mut DbConn, org_id: i64) -> ApiResult<NaiveDate> {
    Ok(policy::calendar(conn, org_id)?.local_date(Utc::now()))
}

pub fn facts(c: &Customer, staff: Vec<i64>, today: NaiveDate) -> RecordFacts {
    RecordFacts {
        owner_id: c.owner_id,
        department_id: c.department_id,
        staff,
        confidentiality: c.confidentiality,
        status: c.status,
        claimable: rules::is_claimable(c.status, c.protected_until, today),
    }
}

/// What the ownership rules look at.
pub fn holding(c: &Customer, today: NaiveDate) -> Holding {
    Holding {
        owner_id: c.owner_id,
        department_id: c.department_id,
        status: c.status,
        confidentiality: c.confidentiality,
        submitted_by: c.submitted_by,
        claimable: rules::is_claimable(c.status, c.protected_until, today),
    }
}

/// The list filter for a caller: `rules::list_levels` as SQL.
pub fn read_scope(caller: &Caller, today: NaiveDate, now: NaiveDateTime) -> ReadScope {
    let l = rules::list_levels(&caller.actor());
    ReadScope {
        user_id: caller.user_id,
        department_id: caller.department_id,
        all_levels: l.everywhere,
        department_levels: l.department,
        grant_levels: l.granted,
        claim_pool: l.claim_pool.contains(&kehu_domain::customer::Confidentiality::Secret),
        today,
        now,
    }
}

/// How the caller may read `c`, if at all.
pub fn basis(conn: &mut DbConn, caller: &Caller, c: &Customer, today: NaiveDate, now: NaiveDateTime) -> ApiResult<Option<ReadBasis>> {
    if c.org_id != caller.org_id {
        return Ok(None);
    }
    let f = facts(c, customers::staff(conn, c.id)?, today);
    if let Some(b) = rules::read_basis(&caller.actor(), &f, false) {
        return Ok(Some(b));
    }
    let granted = customers::has_grant(conn, caller.user_id, c.id, now)?;
    Ok(rules::read_basis(&caller.actor(), &f, granted))
}

/// Reads `c` for the caller: 404 when they may not; a logged read when they
/// are not its owner or staff. `what` says what was read.
pub fn read(conn: &mut DbConn, caller: &Caller, c: &Customer, what: ReadPurpose) -> ApiResult<ReadBasis> {
    let now = Utc::now().naive_utc();
    let today = today(conn, caller.org_id)?;
    let b = basis(conn, caller, c, today, now)?.ok_or(ApiError::NotFound)?;
    if b.is_logged() {
        customers::log_read(conn, c.id, caller.user_id, b, what, now)?;
    }
    Ok(b)
}

/// How the caller may read each of many records, by [`read`]'s rule, with
/// the staff and grants loaded in two queries instead of two per record.
fn bases(conn: &mut DbConn, caller: &Caller, list: Vec<Customer>, now: NaiveDateTime) -> ApiResult<Vec<(Customer, Option<ReadBasis>)>> {
    let today = today(conn, caller.org_id)?;
    let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
    let mut staff: std::collections::HashMap<i64, Vec<i64>> = std::collections::HashMap::new();
    for (cid, u) in customers::staff_of_many(conn, &ids)? {
        staff.entry(cid).or_default().push(u);
    }
    let granted: std::collections::HashSet<i64> = customers::granted_among(conn, caller.user_id, &ids, now)?.into_iter().collect();
    Ok(list
        .into_iter()
        .map(|c| {
            let f = facts(&c, staff.remove(&c.id).unwrap_or_default(), today);
            let b = (c.org_id == caller.org_id).then(|| rules::read_basis(&caller.actor(), &f, granted.contains(&c.id))).flatten();
            (c, b)
        })
        .collect())
}

/// Reads many records at once (an export): the same rules as [`read`].
/// Returns the records the caller may read; logs the reads by non-owners.
pub fn read_many(conn: &mut DbConn, caller: &Caller, list: Vec<Customer>, what: ReadPurpose) -> ApiResult<Vec<Customer>> {
    let now = Utc::now().naive_utc();
    let mut out = Vec::with_capacity(list.len());
    for (c, b) in bases(conn, caller, list, now)? {
        let Some(b) = b else { continue };
        if b.is_logged() {
            customers::log_read(conn, c.id, caller.user_id, b, what, now)?;
        }
        out.push(c);
    }
    Ok(out)
}

/// How a queue shows a customer: by name to whoever may read it, by code to
/// anyone else (a queue names a record, it does not read it).
#[derive(Clone, Default)]
pub struct Shown {
    pub label: String,
    pub code: String,
    pub readable: bool,
}

pub fn shown(conn: &mut DbConn, caller: &Caller, ids: &[i64]) -> ApiResult<std::collections::HashMap<i64, Shown>> {
    let list = customers::many(conn, ids)?;
    Ok(bases(conn, caller, list, Utc::now().naive_utc())?
        .into_iter()
        .map(|(c, b)| {
            let readable = b.is_some();
            (c.id, Shown { label: if readable { c.name } else { c.code.clone() }, code: c.code, readable })
        })
        .collect())
}

/// Writes the history rows for every material field that differs.
pub fn record_diff(conn: &mut DbConn, old: &Customer, new: &Customer, by: Option<i64>, source: ChangeSource, now: NaiveDateTime) -> ApiResult<()> {
    for (field, a, b) in old.diff(new) {
        record(conn, new.id, Change { field, old: a.as_deref(), new: b.as_deref(), source }, by, now)?;
    }
    Ok(())
}

/// One history row: `field` went from `old` to `new` through `source`.
pub struct Change<'a> {
    pub field: ChangeField,
    pub old: Option<&'a str>,
    pub new: Option<&'a str>,
    pub source: ChangeSource,
}

pub fn record(conn: &mut DbConn, id: i64, c: Change, by: Option<i64>, now: NaiveDateTime) -> ApiResult<()> {
    let row = NewChange { customer_id: id, field: c.field, old_value: c.old, new_value: c.new, source: c.source, changed_by: by, changed_at: now };
    customers::record_change(conn, &row)?;
    Ok(())
}

/// Recomputes the search text and the primary-contact copy from the record
/// and its contacts.
pub fn refresh_derived(conn: &mut DbConn, c: &Customer) -> ApiResult<Customer> {
    let contacts = customers::contacts(conn, c.id)?;
    let mut parts: Vec<&str> = vec![&c.name, &c.code];
    parts.extend(c.tax_id.as_deref());
    for k in &contacts {
        parts.push(&k.name);
        parts.extend(k.phone.as_deref());
        parts.extend(k.mobile.as_deref());
    }
    let text = rules::search_text(parts);
    let first = contacts.first();
    let phone = first.and_then(|k| k.phone.clone().or_else(|| k.mobile.clone()));
    customers::set_derived(conn, c.id, &text, first.map(|k| k.name.as_str()), phone.as_deref())?;
    kehu_persistence::complaint_search::rename_customer(conn, c.id, &c.name)?;
    Ok(customers::get(conn, c.org_id, c.id)?)
}

/// A key customer that changed hands keeps the policy's minimum of people:
/// when it fell below, `extra` (an active salesperson) joins its staff, and
/// without one the change is refused on `field`.
pub fn keep_key_staff(conn: &mut DbConn, c: &Customer, extra: Option<i64>, field: &str, by: i64, source: ChangeSource, now: NaiveDateTime) -> ApiResult<()> {
    let min = archive_policy(conn, c.org_id)?.key_customer_min_staff;
    let staff = customers::staff(conn, c.id)?;
    if rules::staffed_enough(c.category, staff.len(), min) {
        return Ok(());
    }
    let short = || {
        ApiError::field(
            field,
            FieldCode::KeyCustomerStaff,
            format!("{} is a key customer: name another active salesperson to serve it with its owner (at least {min} people)", c.code),
        )
    };
    let extra = extra.filter(|e| *e != c.owner_id && !staff.contains(e)).ok_or_else(short)?;
    let wanted: Vec<i64> = staff.iter().copied().chain([extra]).collect();
    let ids = register::check_staff(conn, c.org_id, c.owner_id, c.category, &wanted, min).map_err(|_| short())?;
    customers::set_staff(conn, c.id, &ids, by, now)?;
    let show = |l: &[i64]| l.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    record(conn, c.id, Change { field: ChangeField::Staff, old: Some(&show(&staff)), new: Some(&show(&ids)), source }, Some(by), now)
}

/// Gives `c` to `to`: owner and department change, protection restarts,
/// the open complaints follow to the new department (each with a history
/// event), and the change is recorded.
pub fn transfer(conn: &mut DbConn, c: &Customer, to: &User, by: i64, source: ChangeSource, now: NaiveDateTime) -> ApiResult<(Customer, usize)> {
    let p = archive_policy(conn, c.org_id)?;
    let today = today(conn, c.org_id)?;
    let changes = CustomerChanges {
        owner_id: Some(to.id),
        department_id: Some(to.department_id),
        protected_until: Some(Some(p.protected_until(today, None))),
        ..Default::default()
    };
    let updated = customers::update(conn, c.id, None, &changes, now)?.ok_or(ApiError::PreconditionFailed)?;
    record_diff(conn, c, &updated, Some(by), source, now)?;
    // The new owner is no longer "further" staff.
    if customers::remove_staff(conn, c.id, to.id)? > 0 {
        record(conn, c.id, Change { field: ChangeField::Staff, old: Some(&to.id.to_string()), new: None, source }, Some(by), now)?;
    }
    kehu_persistence::care::reassign_verifications(conn, c.id, to.id)?;
    let mut moved = 0;
    for row in complaints::open_of_customers_elsewhere(conn, &[c.id], to.department_id)? {
        let ch = complaints::ComplaintChanges { sales_department_id: Some(to.department_id), ..Default::default() };
        let r = complaints::update_versioned(conn, row.id, row.version, &ch, now)?.ok_or(ApiError::PreconditionFailed)?;
        events::insert_event(
            conn,
            &EventRow {
                id: 0,
                complaint_id: r.id,
                seq: r.version,
                action: EventAction::Reassign,
                from_state: Some(r.state),
                to_state: r.state,
                actor_id: Some(by),
                actor_role: None,
                at: now,
                body: serde_json::json!({"reason": source, "from_department_id": row.sales_department_id, "to_department_id": to.department_id}).to_string(),
                step_due_at: None,
            },
        )?;
        moved += 1;
    }
    Ok((updated, moved))
}

/// The customer a complaint is filed for: one the caller may read (the one
/// rule; a colleague's customer needs an access grant, as reading it does),
/// and archived. An unreadable one is answered as an unknown one.
pub fn complaint_customer(conn: &mut DbConn, caller: &Caller, id: i64) -> ApiResult<Customer> {
    let not_found = || ApiError::field("customer_id", FieldCode::NotFound, "no such customer");
    let c = customers::get(conn, caller.org_id, id).map_err(|_| not_found())?;
    read(conn, caller, &c, ReadPurpose::Complaint).map_err(|e| if matches!(e, ApiError::NotFound) { not_found() } else { e })?;
    if c.status != CustomerStatus::Active {
        return Err(ApiError::field("customer_id", FieldCode::NotArchived, "complaints are filed for archived customers only"));
    }
    Ok(c)
}

pub fn notify(conn: &mut DbConn, org_id: i64, users: &[i64], notice: &Notice, now: NaiveDateTime) -> ApiResult<()> {
    events::notify(conn, org_id, users, notice, now)?;
    Ok(())
}

/// Fills the derived keys of records archived before they existed, and gives
/// them a protection period from their archiving.
pub fn backfill(conn: &mut DbConn) -> ApiResult<usize> {
    let mut n = 0;
    loop {
        let batch = customers::without_keys(conn, 500)?;
        if batch.is_empty() {
            return Ok(n);
        }
        for c in batch {
            let p = archive_policy(conn, c.org_id)?;
            let tax = c.tax_id.as_deref().map(rules::tax_key);
            let mut parts: Vec<&str> = vec![&c.name, &c.code];
            parts.extend(c.contact_name.as_deref());
            parts.extend(c.contact_phone.as_deref());
            let key = rules::name_key(&c.name);
            // A name of punctuation only still needs a key, or it is found again.
            let key = if key.is_empty() { c.code.clone() } else { key };
            customers::set_keys(conn, c.id, &key, tax.as_deref(), &rules::search_text(parts))?;
            if c.protected_until.is_none() && c.status == CustomerStatus::Active {
                let archived = c.archived_at.unwrap_or(c.created_at).date();
                customers::set_protection(conn, c.id, p.protected_until(archived, c.last_deal_on))?;
            }
            n += 1;
        }
    }
}
