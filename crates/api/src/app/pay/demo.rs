//! Demo teams and pay bases.

use crate::error::{ApiError, ApiResult};
use chrono::NaiveDateTime;
use kehu_persistence::pay::{self, NewTeam, SetBasis};
use kehu_persistence::{people, DbConn};

/// (department code, team).
const TEAMS: [(&str, &str); 6] = [
    ("production", "冲压一班"),
    ("production", "冲压二班"),
    ("production", "压铸一班"),
    ("production", "机加一班"),
    ("production", "装配一班"),
    ("warehouse", "成品仓一组"),
];

/// (account, team, base points in hundredths, monthly bonus in yuan); the
/// warehouse keeper is left without one, for HR to fill in.
const BASES: [(&str, Option<&str>, i64, i64); 10] = [
    ("production", Some("冲压一班"), 150, 3_000),
    ("pmc", None, 250, 6_000),
    ("sales", None, 100, 2_500),
    ("sales3", None, 100, 2_500),
    ("supervisor", None, 150, 3_500),
    ("sales_manager", None, 200, 5_000),
    ("qa", None, 120, 3_000),
    ("qa_manager", None, 200, 5_000),
    ("engineering", None, 130, 3_200),
    ("service", None, 100, 2_200),
];

/// The teams the demo cases name; the tests' cases name them too.
pub fn teams(c: &mut DbConn, org_id: i64, now: NaiveDateTime) -> ApiResult<()> {
    for (dept, name) in TEAMS {
        let d = people::department_by_code(c, org_id, dept)?.ok_or(ApiError::NotFound)?;
        if pay::team_by_name(c, d.id, name)?.is_none() {
            pay::insert_team(c, &NewTeam { org_id, department_id: d.id, name, created_at: now, updated_at: now })?;
        }
    }
    Ok(())
}

/// Bases for most demo people, set by HR; a second run changes nothing.
pub fn bases(c: &mut DbConn, org_id: i64, now: NaiveDateTime) -> ApiResult<()> {
    let Some(hr) = people::user_by_username(c, "hr")? else { return Ok(()) };
    for (account, team, points, bonus) in BASES {
        let Some(u) = people::user_by_username(c, account)? else { continue };
        let team_id = match team {
            Some(t) => pay::team_by_name(c, u.department_id, t)?.map(|t| t.id),
            None => None,
        };
        let s = SetBasis { org_id, user_id: u.id, team_id, base_points: points, monthly_bonus_fen: bonus * 100, by: hr.id, at: now };
        // Version 0 inserts; a basis already there (a second run, or HR's edit) stays.
        pay::set_basis(c, 0, &s)?;
    }
    Ok(())
}
