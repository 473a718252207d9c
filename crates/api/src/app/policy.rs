//! The company's current policies, with built-in defaults behind them.

use crate::error::{ApiError, ApiResult};
use chrono_tz::Tz;
use kehu_domain::approval::ApprovalPolicy;
use kehu_domain::deadline::{Calendar, DeadlinePolicy};
use kehu_domain::resolution::LossPolicy;
use kehu_persistence::{people, settings, DbConn};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub const APPROVAL: &str = "approval_tiers";
pub const DEADLINES: &str = "deadlines";
pub const LOSS: &str = "loss";
pub const CARE: &str = "customer_care";
pub const RETURNS: &str = "returns";
pub const EIGHT_D: &str = "eight_d";
pub const PENALTY: &str = "penalty";
pub const CHASE: &str = "follow_up";

/// A policy body and the version in force (0 = the built-in default).
pub fn current<T: DeserializeOwned + Default>(conn: &mut DbConn, org_id: i64, name: &str) -> ApiResult<(T, i64)> {
    match settings::current_policy(conn, org_id, name)? {
        Some(row) => Ok((parse(name, &row.body)?, row.version)),
        None => Ok((T::default(), 0)),
    }
}

fn parse<T: DeserializeOwned>(name: &str, body: &str) -> ApiResult<T> {
    serde_json::from_str(body).map_err(|e| ApiError::Internal(format!("stored policy {name} unreadable: {e}")))
}

pub fn approval(conn: &mut DbConn, org_id: i64) -> ApiResult<(ApprovalPolicy, i64)> {
    current(conn, org_id, APPROVAL)
}

pub fn loss(conn: &mut DbConn, org_id: i64) -> ApiResult<LossPolicy> {
    Ok(current(conn, org_id, LOSS)?.0)
}

/// Stores the built-in defaults as version 1 where a policy was never set, so
/// that cases record a real version from the start.
pub fn ensure_defaults(conn: &mut DbConn, org_id: i64, now: chrono::NaiveDateTime) -> ApiResult<()> {
    fn put<T: Serialize + Default>(conn: &mut DbConn, org_id: i64, name: &str, now: chrono::NaiveDateTime) -> ApiResult<()> {
        if settings::current_policy(conn, org_id, name)?.is_none() {
            let body = serde_json::to_string(&T::default()).map_err(|e| ApiError::Internal(e.to_string()))?;
            settings::insert_policy(conn, org_id, name, 1, &body, None, now)?;
        }
        Ok(())
    }
    put::<ApprovalPolicy>(conn, org_id, APPROVAL, now)?;
    put::<DeadlinePolicy>(conn, org_id, DEADLINES, now)?;
    put::<LossPolicy>(conn, org_id, LOSS, now)?;
    put::<kehu_domain::customer::ArchivePolicy>(conn, org_id, crate::app::customers::ARCHIVE, now)?;
    put::<kehu_domain::care::CarePolicy>(conn, org_id, CARE, now)?;
    put::<kehu_domain::returns::ReturnPolicy>(conn, org_id, RETURNS, now)?;
    put::<kehu_domain::penalty::PenaltyPolicy>(conn, org_id, PENALTY, now)?;
    put::<kehu_domain::chase::ChasePolicy>(conn, org_id, CHASE, now)?;
    Ok(())
}

/// The company's calendar: its time zone and the days an admin overrode.
pub fn calendar(conn: &mut DbConn, org_id: i64) -> ApiResult<Calendar> {
    let org = people::org(conn, org_id)?;
    let days = settings::calendar(conn, org_id, None, None)?;
    Ok(company_calendar(&org.timezone, days.into_iter().map(|d| (d.day, d.working))))
}

fn company_calendar(timezone: &str, overrides: impl IntoIterator<Item = (chrono::NaiveDate, bool)>) -> Calendar {
    let tz: Tz = timezone.parse().unwrap_or(chrono_tz::Asia::Shanghai);
    let mut cal = Calendar::new(tz);
    cal.overrides.extend(overrides);
    cal
}

/// The calendar and the deadline policy together, read in one statement
/// (every workflow action needs both).
pub fn calendar_and_deadlines(conn: &mut DbConn, org_id: i64) -> ApiResult<(Calendar, DeadlinePolicy)> {
    let rules = settings::case_rules(conn, org_id)?;
    let deadlines = match rules.deadline_policy {
        Some(body) => parse(DEADLINES, &body)?,
        None => DeadlinePolicy::default(),
    };
    Ok((company_calendar(&rules.timezone, rules.calendar), deadlines))
}
