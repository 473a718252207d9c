//! The case history, notifications, the outbox and the audit log: the records
//! every write leaves, inserted in the writer's transaction.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{audit_log, complaint_events, notifications, outbox};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use kehu_domain::events::{Aggregate, EventType};
use kehu_domain::notice::{Notice, NoticeKind};
use kehu_domain::workflow::EventAction;
use kehu_domain::{Role, State};

// None is written as NULL, not DEFAULT: one statement text for every event,
// so it stays prepared.
#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = complaint_events, treat_none_as_default_value = false)]
pub struct EventRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub complaint_id: i64,
    pub seq: i64,
    pub action: EventAction,
    pub from_state: Option<State>,
    pub to_state: State,
    pub actor_id: Option<i64>,
    pub actor_role: Option<Role>,
    pub at: NaiveDateTime,
    pub body: String,
    pub step_due_at: Option<NaiveDateTime>,
}

pub fn insert_event(conn: &mut DbConn, e: &EventRow) -> DbResult<()> {
    diesel::insert_into(complaint_events::table).values(e).execute(conn)?;
    Ok(())
}

pub fn events_of(conn: &mut DbConn, complaint_id: i64, after_seq: i64, limit: i64) -> DbResult<Vec<EventRow>> {
    Ok(complaint_events::table
        .filter(complaint_events::complaint_id.eq(complaint_id).and(complaint_events::seq.gt(after_seq)))
        .order(complaint_events::seq)
        .limit(limit)
        .select(EventRow::as_select())
        .load(conn)?)
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = notifications)]
pub struct NotificationRow {
    pub id: i64,
    pub org_id: i64,
    pub user_id: i64,
    pub kind: NoticeKind,
    pub complaint_id: Option<i64>,
    /// The text of a notice stored before notices were data; empty since.
    pub title: String,
    pub body: String,
    pub created_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
    /// The notice's parameters, a JSON object of strings.
    pub params: String,
}

/// Stores `n` for each of `users`.
pub fn notify(conn: &mut DbConn, org_id: i64, users: &[i64], n: &Notice, at: NaiveDateTime) -> DbResult<()> {
    if users.is_empty() {
        return Ok(());
    }
    let params = serde_json::to_string(&n.params).map_err(|e| crate::error::DbError::Other(e.to_string()))?;
    let rows: Vec<_> = users
        .iter()
        .map(|u| {
            (
                notifications::org_id.eq(org_id),
                notifications::user_id.eq(*u),
                notifications::kind.eq(n.kind),
                notifications::complaint_id.eq(n.complaint_id),
                notifications::title.eq(""),
                notifications::body.eq(""),
                notifications::params.eq(&params),
                notifications::created_at.eq(at),
            )
        })
        .collect();
    // The e-mails below find these notices above the id before the first
    // of them, by the (user_id, id) index, instead of among all of a busy
    // reader's notices. PostgreSQL names the ids in the insert's answer (no
    // extra round trip on every write); SQLite, in process, reads the
    // highest id before it.
    let before = match conn {
        DbConn::Pg(c) => {
            let ids: Vec<i64> = diesel::insert_into(notifications::table).values(&rows).returning(notifications::id).get_results(c)?;
            ids.into_iter().min().map_or(0, |first| first - 1)
        }
        DbConn::Sqlite(c) => {
            let before: Option<i64> = notifications::table.select(diesel::dsl::max(notifications::id)).first(c)?;
            diesel::insert_into(notifications::table).values(&rows).execute(c)?;
            before.unwrap_or(0)
        }
    };
    // The e-mails their readers asked for, in the same transaction.
    crate::notice_channels::enqueue(conn, org_id, n.kind, users, at, before)?;
    crate::notice_robots::enqueue(conn, org_id, n.kind, n.complaint_id, &params, at)?;
    Ok(())
}

/// The user's notifications before `before_id`, newest first; of `kinds`
/// only, unless empty.
pub fn notifications_page(
    conn: &mut DbConn,
    user_id: i64,
    unread_only: bool,
    kinds: &[NoticeKind],
    before_id: Option<i64>,
    limit: i64,
) -> DbResult<Vec<NotificationRow>> {
    let mut q = notifications::table
        .filter(notifications::user_id.eq(user_id))
        .order(notifications::id.desc())
        .limit(limit)
        .select(NotificationRow::as_select())
        .into_boxed();
    if unread_only {
        q = q.filter(notifications::read_at.is_null());
    }
    if !kinds.is_empty() {
        q = q.filter(notifications::kind.eq_any(kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>()));
    }
    if let Some(b) = before_id {
        q = q.filter(notifications::id.lt(b));
    }
    Ok(q.load(conn)?)
}

pub fn unread_count(conn: &mut DbConn, user_id: i64) -> DbResult<i64> {
    Ok(notifications::table.filter(notifications::user_id.eq(user_id).and(notifications::read_at.is_null())).count().get_result(conn)?)
}

/// Marks one (or, with `None`, every) notification of the user read.
pub fn mark_read(conn: &mut DbConn, user_id: i64, id: Option<i64>, now: NaiveDateTime) -> DbResult<usize> {
    let mut q = diesel::update(notifications::table).filter(notifications::user_id.eq(user_id).and(notifications::read_at.is_null())).into_boxed();
    if let Some(id) = id {
        q = q.filter(notifications::id.eq(id));
    }
    Ok(q.set(notifications::read_at.eq(now)).execute(conn)?)
}

pub fn notification_exists(conn: &mut DbConn, user_id: i64, id: i64) -> DbResult<bool> {
    let n: i64 = notifications::table.filter(notifications::user_id.eq(user_id).and(notifications::id.eq(id))).count().get_result(conn)?;
    Ok(n > 0)
}

pub struct OutboxEvent {
    pub org_id: i64,
    pub event_type: EventType,
    pub aggregate: Aggregate,
    pub aggregate_id: i64,
    pub payload: String,
    pub at: NaiveDateTime,
}

pub fn enqueue(conn: &mut DbConn, e: &OutboxEvent) -> DbResult<()> {
    diesel::insert_into(outbox::table)
        .values((
            outbox::org_id.eq(e.org_id),
            outbox::event_type.eq(e.event_type),
            outbox::aggregate.eq(e.aggregate),
            outbox::aggregate_id.eq(e.aggregate_id),
            outbox::payload.eq(&e.payload),
            outbox::created_at.eq(e.at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn outbox_count(conn: &mut DbConn, aggregate_id: i64, event_type: &str) -> DbResult<i64> {
    Ok(outbox::table.filter(outbox::aggregate_id.eq(aggregate_id).and(outbox::event_type.eq(event_type))).count().get_result(conn)?)
}

pub struct Audit<'a> {
    pub org_id: Option<i64>,
    pub user_id: Option<i64>,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    pub request_id: Option<&'a str>,
    pub details: String,
    pub at: NaiveDateTime,
}

pub fn audit(conn: &mut DbConn, a: &Audit) -> DbResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::org_id.eq(a.org_id),
            audit_log::user_id.eq(a.user_id),
            audit_log::action.eq(a.action),
            audit_log::entity.eq(a.entity),
            audit_log::entity_id.eq(a.entity_id),
            audit_log::request_id.eq(a.request_id),
            audit_log::details.eq(&a.details),
            audit_log::at.eq(a.at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn audit_count(conn: &mut DbConn, entity: &str, entity_id: i64) -> DbResult<i64> {
    Ok(audit_log::table.filter(audit_log::entity.eq(entity).and(audit_log::entity_id.eq(entity_id))).count().get_result(conn)?)
}
