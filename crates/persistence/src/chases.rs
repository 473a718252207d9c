//! The escalations of a case's deadlines the worker sent: found by walking
//! open cases in deadline order, claimed one (case, clock, deadline, level)
//! at a time so that several workers send each once.

use crate::complaints::ComplaintRow;
use crate::db::{Backend, DbConn};
use crate::error::DbResult;
use crate::schema::{case_chases as cc, complaints, organizations};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text, Timestamp};
use kehu_domain::letter::LetterClock;
use kehu_domain::State;

/// Open cases whose `clock` fell due before `cutoff` and whose escalation to
/// `level` at that deadline was not sent, earliest deadline first.
pub fn due(conn: &mut DbConn, org_id: i64, clock: LetterClock, level: i32, cutoff: NaiveDateTime, limit: i64) -> DbResult<Vec<ComplaintRow>> {
    let open = complaints::org_id.eq(org_id).and(complaints::state.ne(State::Closed));
    Ok(match clock {
        LetterClock::Case => {
            let sent = diesel::dsl::exists(
                cc::table.filter(
                    cc::complaint_id
                        .eq(complaints::id)
                        .and(cc::clock.eq(clock.as_str()))
                        .and(cc::level.eq(level))
                        .and(cc::due_at.nullable().eq(complaints::case_due_at)),
                ),
            );
            complaints::table
                .filter(open.and(complaints::case_due_at.lt(cutoff)).and(diesel::dsl::not(sent)))
                .order(complaints::case_due_at)
                .limit(limit)
                .select(ComplaintRow::as_select())
                .load(conn)?
        }
        LetterClock::Containment => {
            let sent = diesel::dsl::exists(
                cc::table.filter(
                    cc::complaint_id
                        .eq(complaints::id)
                        .and(cc::clock.eq(clock.as_str()))
                        .and(cc::level.eq(level))
                        .and(cc::due_at.nullable().eq(complaints::containment_due_at)),
                ),
            );
            complaints::table
                .filter(open.and(complaints::containment_recorded_at.is_null()).and(complaints::containment_due_at.lt(cutoff)).and(diesel::dsl::not(sent)))
                .order(complaints::containment_due_at)
                .limit(limit)
                .select(ComplaintRow::as_select())
                .load(conn)?
        }
        LetterClock::Step => {
            let sent = diesel::dsl::exists(
                cc::table.filter(
                    cc::complaint_id
                        .eq(complaints::id)
                        .and(cc::clock.eq(clock.as_str()))
                        .and(cc::level.eq(level))
                        .and(cc::due_at.nullable().eq(complaints::step_due_at)),
                ),
            );
            // The walk uses complaints_open_due (org_id, step_due_at, id).
            complaints::table
                .filter(open.and(complaints::step_due_at.lt(cutoff)).and(diesel::dsl::not(sent)))
                .order(complaints::step_due_at)
                .limit(limit)
                .select(ComplaintRow::as_select())
                .load(conn)?
        }
    })
}

/// Claims the escalation to `level` of the deadline `due_at`, and every
/// lower level with it (a case found late is told once, at the level it
/// reached). False when another worker sent it already.
pub fn claim(conn: &mut DbConn, complaint_id: i64, clock: LetterClock, due_at: NaiveDateTime, level: i32, now: NaiveDateTime) -> DbResult<bool> {
    let sql = match conn.backend() {
        Backend::Postgres => "INSERT INTO case_chases (complaint_id, clock, due_at, level, claimed_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        Backend::Sqlite => "INSERT OR IGNORE INTO case_chases (complaint_id, clock, due_at, level, claimed_at) VALUES (?, ?, ?, ?, ?)",
    };
    let mut won = false;
    for l in (1..=level).rev() {
        let n = diesel::sql_query(sql)
            .bind::<BigInt, _>(complaint_id)
            .bind::<Text, _>(clock.as_str())
            .bind::<Timestamp, _>(due_at)
            .bind::<Integer, _>(l)
            .bind::<Timestamp, _>(now)
            .execute(conn)?;
        if l == level {
            if n == 0 {
                return Ok(false);
            }
            won = true;
        }
    }
    Ok(won)
}

pub fn org_ids(conn: &mut DbConn) -> DbResult<Vec<i64>> {
    Ok(organizations::table.select(organizations::id).order(organizations::id).load(conn)?)
}

/// Fresh statistics for the planner: a walk over a (clock, level) it last
/// saw no claims of would otherwise scan every claim for every case (a
/// catch-up on the million-case seed went from 9 s to 50 ms a batch).
pub fn analyze(conn: &mut DbConn) -> DbResult<()> {
    diesel::sql_query("ANALYZE case_chases").execute(conn)?;
    Ok(())
}

/// How many escalations of a case were sent (tests, invariants).
pub fn count(conn: &mut DbConn, complaint_id: i64) -> DbResult<i64> {
    Ok(cc::table.filter(cc::complaint_id.eq(complaint_id)).count().get_result(conn)?)
}
