//! The pay basis to and from Excel or CSV (人员基点及绩效奖金表): HR exports
//! the sheet, fills it in and imports it back — all rows or none, with an
//! error per bad row.

use super::{checked, log_read, scoped, SetCmd};
use crate::app::customer_io::import::ImportResult;
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, FieldError};
use kehu_domain::pay as rules;
use kehu_persistence::pay::{self, BasisFilter, SetBasis};
use kehu_persistence::people;
use std::collections::{HashMap, HashSet};

pub const MAX_ROWS: usize = 5_000;

/// (field code, header).
pub const COLUMNS: [(&str, &str); 6] =
    [("username", "账号"), ("display_name", "姓名"), ("department", "部门"), ("team", "班组"), ("base_points", "基点数"), ("monthly_bonus", "月绩效奖金")];

pub const SHEET: &str = "人员基点及绩效奖金";

pub fn headers() -> Vec<&'static str> {
    COLUMNS.iter().map(|c| c.1).collect()
}

pub fn parse(bytes: &[u8]) -> ApiResult<crate::grid::Rows> {
    crate::grid::table(bytes, MAX_ROWS, &COLUMNS, "username")
}

/// Everyone the caller may read, one row each, blank where no basis is set.
pub fn export(tx: &mut Tx, ctx: &Ctx) -> ApiResult<Vec<Vec<String>>> {
    let f = scoped(ctx, BasisFilter::default());
    let mut out = Vec::new();
    let mut after = 0;
    loop {
        let page = pay::bases(tx, ctx.org(), &f, after, 500)?;
        let Some(last) = page.last() else { break };
        after = last.user_id;
        log_read(tx, ctx, "/pay-basis/export", page.iter().map(|r| r.user_id))?;
        out.extend(page.into_iter().map(|r| {
            vec![
                r.username,
                r.display_name,
                r.department_name,
                r.team_name.unwrap_or_default(),
                r.base_points.map(rules::show_points).unwrap_or_default(),
                crate::http::money::show_opt(r.monthly_bonus_fen).unwrap_or_default(),
            ]
        }));
    }
    Ok(out)
}

/// HR imports the sheet: each row names a person by 账号 and sets his team
/// (by name, blank for none), base points and bonus. 姓名 and 部门 are for
/// the reader and are not imported.
pub fn import(tx: &mut Tx, ctx: &Ctx, (rows, dry_run): (crate::grid::Rows, bool)) -> ApiResult<ImportResult> {
    if !rules::may_keep_pay_basis(&ctx.actor()) {
        return Err(ApiError::Forbidden("HR keeps the pay basis"));
    }
    let mut errors = Vec::new();
    let mut plans = Vec::new();
    let mut seen = HashSet::new();
    let mut teams: HashMap<(i64, String), Option<i64>> = HashMap::new();
    for (n, m) in &rows {
        let prefix = format!("rows[{n}].");
        let username = m.get("username").map(String::as_str).unwrap_or_default();
        let user = people::user_by_username(tx, username)?.filter(|u| u.org_id == ctx.org() && u.active);
        let Some(user) = user else {
            errors.push(FieldError::new(format!("{prefix}username"), FieldCode::NotFound, format!("no active person with the account `{username}`")));
            continue;
        };
        if !seen.insert(user.id) {
            errors.push(FieldError::new(format!("{prefix}username"), FieldCode::Duplicate, "the account is on an earlier row"));
            continue;
        }
        let team_id = match m.get("team") {
            None => None,
            Some(name) => {
                let key = (user.department_id, name.clone());
                if !teams.contains_key(&key) {
                    let t = pay::team_by_name(tx, user.department_id, name)?.filter(|t| t.active).map(|t| t.id);
                    teams.insert(key.clone(), t);
                }
                match teams[&key] {
                    Some(id) => Some(id),
                    None => {
                        errors.push(FieldError::new(
                            format!("{prefix}team"),
                            FieldCode::NotFound,
                            format!("no active team `{name}` in the person's department"),
                        ));
                        continue;
                    }
                }
            }
        };
        let cmd = SetCmd {
            user_id: user.id,
            version: 0,
            team_id,
            base_points: m.get("base_points").cloned().unwrap_or_default(),
            monthly_bonus: m.get("monthly_bonus").cloned().unwrap_or_default(),
        };
        match checked(tx, ctx.org(), &user, &cmd, &prefix) {
            Ok(basis) => plans.push((user.id, basis)),
            Err(ApiError::Validation(_, e)) => errors.extend(e),
            Err(e) => return Err(e),
        }
    }
    ApiError::check(errors)?;
    let ids: Vec<i64> = plans.iter().map(|(id, _)| *id).collect();
    let stored: HashMap<i64, pay::Stored> = pay::stored(tx, &ids)?.into_iter().map(|s| (s.0, s)).collect();
    let mut result = ImportResult { rows: rows.len(), created: 0, updated: 0, unchanged: 0, dry_run };
    for (user_id, (points, bonus, team_id)) in plans {
        let (now, version) = stored.get(&user_id).map_or((None, 0), |&(_, t, p, b, v)| (Some((t, p, b)), v));
        if now == Some((team_id, points, bonus.fen())) {
            result.unchanged += 1;
            continue;
        }
        if version == 0 {
            result.created += 1;
        } else {
            result.updated += 1;
        }
        if dry_run {
            continue;
        }
        let s = SetBasis { org_id: ctx.org(), user_id, team_id, base_points: points, monthly_bonus_fen: bonus.fen(), by: ctx.user(), at: ctx.now };
        pay::set_basis(tx, version, &s)?.ok_or_else(|| ApiError::state("a pay basis changed while importing; import the file again"))?;
    }
    ctx.audit(tx, "pay_basis.import", "org", ctx.org(), serde_json::json!({"rows": result.rows, "created": result.created, "updated": result.updated}))?;
    Ok(result)
}
