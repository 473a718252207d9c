//! The scheduled reports (domain.md §4.10): every Friday the statistics of
//! the week before, by the 10th those of the month before. Each is prepared
//! once, whichever instance's worker gets there first, and told to the
//! coordinators and the managers who read the statistics.

use crate::app::policy;
use crate::error::ApiResult;
use chrono::NaiveDateTime;
use kehu_domain::notice::Notice;
use kehu_domain::{weekly, Role};
use kehu_persistence::{events, people, statistics, write_tx, DbConn};

/// Who is told: the statistics' readers among people (not administrators or
/// integration accounts).
const TOLD: [Role; 4] = [Role::Coordinator, Role::QaManager, Role::DeputyGm, Role::Gm];

/// Prepares the reports due at `now`; returns how many this call prepared.
pub fn prepare_due(conn: &mut DbConn, now: NaiveDateTime) -> ApiResult<usize> {
    let Some(org) = people::default_org(conn)? else {
        return Ok(0);
    };
    let local = now.and_utc().with_timezone(&policy::calendar(conn, org.id)?.tz).naive_local();
    let due = [
        weekly::weekly_due(local).map(|week| ("weekly", week.format("%Y-%m-%d").to_string(), Notice::weekly_report(week))),
        weekly::monthly_due(local).map(|month| ("monthly", month.format("%Y-%m").to_string(), Notice::monthly_report(month))),
    ];
    let mut prepared = 0;
    for (kind, period, notice) in due.into_iter().flatten() {
        prepared += write_tx(conn, |c| -> ApiResult<usize> {
            if !statistics::claim_report(c, org.id, kind, &period, now)? {
                return Ok(0);
            }
            let mut users = Vec::new();
            for role in TOLD {
                users.extend(people::users_with_role(c, org.id, role, None)?);
            }
            users.sort_unstable();
            users.dedup();
            events::notify(c, org.id, &users, &notice, now)?;
            Ok(1)
        })?;
    }
    Ok(prepared)
}

/// The demo: the reports the worker would have prepared over the past week,
/// each told when it fell due (at this time of that day).
pub fn demo(conn: &mut DbConn, now: NaiveDateTime) -> ApiResult<usize> {
    let mut prepared = 0;
    for days_back in (0..7).rev() {
        prepared += prepare_due(conn, now - chrono::Duration::days(days_back))?;
    }
    Ok(prepared)
}
