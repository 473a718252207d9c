//! Webhooks and their deliveries: the outbox fanned out to each hook that
//! takes the event, leased to one sender at a time, retried with backoff.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{outbox, webhook_deliveries, webhooks};
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use kehu_domain::delivery::DeliveryStatus;
use kehu_domain::events::EventType;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = webhooks)]
pub struct Webhook {
    pub id: i64,
    pub org_id: i64,
    pub url: String,
    pub secret: String,
    pub event_types: String,
    pub description: Option<String>,
    pub active: bool,
    pub version: i64,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = webhooks)]
pub struct NewWebhook<'a> {
    pub org_id: i64,
    pub url: &'a str,
    pub secret: &'a str,
    pub event_types: &'a str,
    pub description: Option<&'a str>,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = webhook_deliveries)]
pub struct Delivery {
    pub id: i64,
    pub webhook_id: i64,
    pub outbox_id: i64,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub leased_until: Option<NaiveDateTime>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub delivered_at: Option<NaiveDateTime>,
}

/// (delivery, attempts, url, secret, event, type, payload, created).
type DueRow = (i64, i32, String, String, i64, EventType, String, NaiveDateTime);

/// A leased delivery with what sending it needs.
#[derive(Clone, Debug)]
pub struct Due {
    pub delivery_id: i64,
    pub attempts: i32,
    pub url: String,
    pub secret: String,
    pub event_id: i64,
    pub event_type: EventType,
    pub payload: String,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, new: &NewWebhook) -> DbResult<Webhook> {
    Ok(diesel::insert_into(webhooks::table).values(new).returning(webhooks::all_columns).get_result::<Webhook>(conn)?)
}

pub fn list(conn: &mut DbConn, org_id: i64) -> DbResult<Vec<Webhook>> {
    Ok(webhooks::table.filter(webhooks::org_id.eq(org_id)).order(webhooks::id).select(Webhook::as_select()).load(conn)?)
}

pub fn get(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Webhook> {
    Ok(webhooks::table.filter(webhooks::org_id.eq(org_id)).find(id).select(Webhook::as_select()).first(conn)?)
}

/// Switches a hook on or off if it is still at `version`.
pub fn set_active(conn: &mut DbConn, id: i64, version: i64, active: bool, now: NaiveDateTime) -> DbResult<Option<Webhook>> {
    Ok(diesel::update(webhooks::table.filter(webhooks::id.eq(id).and(webhooks::version.eq(version))))
        .set((webhooks::active.eq(active), webhooks::version.eq(webhooks::version + 1), webhooks::updated_at.eq(now)))
        .returning(webhooks::all_columns)
        .get_result::<Webhook>(conn)
        .optional()?)
}

/// The delivery log of a hook, newest first, before `before`.
pub fn deliveries(conn: &mut DbConn, webhook_id: i64, before: Option<i64>, limit: i64) -> DbResult<Vec<(Delivery, EventType)>> {
    let mut q = webhook_deliveries::table
        .inner_join(outbox::table)
        .filter(webhook_deliveries::webhook_id.eq(webhook_id))
        .select((Delivery::as_select(), outbox::event_type))
        .order(webhook_deliveries::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(webhook_deliveries::id.lt(b));
    }
    Ok(q.load(conn)?)
}

/// Outbox events not yet fanned out, oldest first, locked for this
/// transaction (others skip them) on PostgreSQL; SQLite has one writer.
fn pending_events(conn: &mut DbConn, limit: i64) -> DbResult<Vec<(i64, i64, EventType)>> {
    let q = outbox::table.filter(outbox::delivered_at.is_null()).order(outbox::id).limit(limit).select((outbox::id, outbox::org_id, outbox::event_type));
    Ok(match conn {
        DbConn::Pg(c) => q.for_update().skip_locked().load(c)?,
        DbConn::Sqlite(c) => q.load(c)?,
    })
}

/// Gives each pending outbox event a delivery per active hook that takes it
/// and marks the event fanned out (`delivered_at`); runs inside the caller's
/// write transaction. Returns how many events it took.
pub fn fan_out(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> DbResult<usize> {
    let events = pending_events(conn, limit)?;
    if events.is_empty() {
        return Ok(0);
    }
    let mut orgs: Vec<i64> = events.iter().map(|e| e.1).collect();
    orgs.sort_unstable();
    orgs.dedup();
    let hooks: Vec<(i64, i64, String)> = webhooks::table
        .filter(webhooks::active.eq(true).and(webhooks::org_id.eq_any(&orgs)))
        .select((webhooks::id, webhooks::org_id, webhooks::event_types))
        .load(conn)?;
    let rows: Vec<_> = events
        .iter()
        .flat_map(|(event_id, org_id, event_type)| {
            hooks.iter().filter(move |h| h.1 == *org_id && kehu_domain::delivery::wants(&h.2, *event_type)).map(move |(hook_id, _, _)| {
                (
                    webhook_deliveries::webhook_id.eq(*hook_id),
                    webhook_deliveries::outbox_id.eq(*event_id),
                    webhook_deliveries::status.eq(DeliveryStatus::Pending),
                    webhook_deliveries::next_attempt_at.eq(now),
                    webhook_deliveries::created_at.eq(now),
                )
            })
        })
        .collect();
    // Multi-row VALUES runs on each concrete connection; chunks stay under
    // SQLite's limit of bound parameters.
    for chunk in rows.chunks(1000) {
        match conn {
            DbConn::Pg(c) => diesel::insert_into(webhook_deliveries::table).values(chunk).execute(c)?,
            DbConn::Sqlite(c) => diesel::insert_into(webhook_deliveries::table).values(chunk).execute(c)?,
        };
    }
    let ids: Vec<i64> = events.iter().map(|e| e.0).collect();
    diesel::update(outbox::table.filter(outbox::id.eq_any(&ids))).set(outbox::delivered_at.eq(now)).execute(conn)?;
    Ok(events.len())
}

/// Leases up to `limit` deliveries that are due for `lease`, counting the
/// attempt; runs inside the caller's write transaction. A delivery leased
/// by another live sender is skipped; one whose lease ran out (its sender
/// died) is due again.
pub fn lease_due(conn: &mut DbConn, now: NaiveDateTime, lease: Duration, limit: i64) -> DbResult<Vec<Due>> {
    let due = webhook_deliveries::table
        .filter(webhook_deliveries::status.eq(DeliveryStatus::Pending))
        .filter(webhook_deliveries::next_attempt_at.le(now))
        .filter(webhook_deliveries::leased_until.is_null().or(webhook_deliveries::leased_until.lt(now)))
        // A hook switched off sends nothing more; its pending deliveries wait.
        .filter(webhook_deliveries::webhook_id.eq_any(webhooks::table.filter(webhooks::active.eq(true)).select(webhooks::id)))
        .order(webhook_deliveries::next_attempt_at)
        .limit(limit)
        .select(webhook_deliveries::id);
    let ids: Vec<i64> = match conn {
        DbConn::Pg(c) => due.for_update().skip_locked().load(c)?,
        DbConn::Sqlite(c) => due.load(c)?,
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    diesel::update(webhook_deliveries::table.filter(webhook_deliveries::id.eq_any(&ids)))
        .set((webhook_deliveries::leased_until.eq(now + lease), webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1)))
        .execute(conn)?;
    let rows: Vec<DueRow> = webhook_deliveries::table
        .inner_join(webhooks::table)
        .inner_join(outbox::table)
        .filter(webhook_deliveries::id.eq_any(&ids))
        .order(webhook_deliveries::id)
        .select((
            webhook_deliveries::id,
            webhook_deliveries::attempts,
            webhooks::url,
            webhooks::secret,
            outbox::id,
            outbox::event_type,
            outbox::payload,
            outbox::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(delivery_id, attempts, url, secret, event_id, event_type, payload, created_at)| Due {
            delivery_id,
            attempts,
            url,
            secret,
            event_id,
            event_type,
            payload,
            created_at,
        })
        .collect())
}

/// What came of one attempt.
pub enum Outcome {
    Delivered {
        status_code: i32,
    },
    /// Try again at `retry_at`, or never (`None`: given up).
    Failed {
        status_code: Option<i32>,
        error: String,
        retry_at: Option<NaiveDateTime>,
    },
}

pub fn record(conn: &mut DbConn, delivery_id: i64, outcome: &Outcome, now: NaiveDateTime) -> DbResult<()> {
    let target = webhook_deliveries::table.find(delivery_id);
    match outcome {
        Outcome::Delivered { status_code } => diesel::update(target)
            .set((
                webhook_deliveries::status.eq(DeliveryStatus::Delivered),
                webhook_deliveries::delivered_at.eq(now),
                webhook_deliveries::leased_until.eq(None::<NaiveDateTime>),
                webhook_deliveries::last_status_code.eq(status_code),
                webhook_deliveries::last_error.eq(None::<String>),
            ))
            .execute(conn)?,
        Outcome::Failed { status_code, error, retry_at } => diesel::update(target)
            .set((
                webhook_deliveries::status.eq(if retry_at.is_some() { DeliveryStatus::Pending } else { DeliveryStatus::Failed }),
                webhook_deliveries::next_attempt_at.eq(retry_at.unwrap_or(now)),
                webhook_deliveries::leased_until.eq(None::<NaiveDateTime>),
                webhook_deliveries::last_status_code.eq(status_code),
                webhook_deliveries::last_error.eq(error),
            ))
            .execute(conn)?,
    };
    Ok(())
}
