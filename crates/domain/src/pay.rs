//! A person's pay basis (基点数 and 月绩效奖金, kept by HR) and the one rule
//! for who reads personal data — pay basis, penalties and the deduction
//! ledger (domain.md §4.7): the person his own; a department head his
//! department's; HR, finance, the coordinator and the executives everyone's.
//! Nobody else, the administrator included.

use crate::issue::{FieldIssue, Rule};
use crate::money::Money;
use crate::penalty::CentiPoints;
use crate::role::{Actor, Role};

/// Base points are at most 1,000.00.
pub const MAX_POINTS: CentiPoints = 100_000;
/// A monthly bonus is at most 1,000,000.00.
pub const MAX_BONUS_FEN: i64 = 100_000_000;

/// Whose personal data a caller reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonalScope {
    Everyone,
    Department(i64),
    Own,
}

/// The heads of a department (部门主管): its managers (as for petitions) and
/// the sales supervisor.
pub fn is_department_head(actor: &Actor) -> bool {
    crate::petition::is_department_head(actor) || actor.has(Role::SalesSupervisor)
}

pub fn personal_scope(actor: &Actor) -> PersonalScope {
    if actor.roles.iter().any(|r| matches!(r, Role::Hr | Role::Finance | Role::Coordinator | Role::DeputyGm | Role::Gm)) {
        PersonalScope::Everyone
    } else if is_department_head(actor) {
        PersonalScope::Department(actor.department_id)
    } else {
        PersonalScope::Own
    }
}

impl PersonalScope {
    pub fn covers(self, actor: &Actor, subject_id: i64, subject_department_id: i64) -> bool {
        subject_id == actor.user_id
            || match self {
                PersonalScope::Everyone => true,
                PersonalScope::Department(d) => d == subject_department_id,
                PersonalScope::Own => false,
            }
    }
}

/// Reads by anyone but the person are logged.
pub fn read_is_logged(actor: &Actor, subject_id: i64) -> bool {
    actor.user_id != subject_id
}

/// Who keeps pay bases and teams: HR.
pub fn may_keep_pay_basis(actor: &Actor) -> bool {
    actor.has(Role::Hr)
}

/// Parses base points as people write them: `1`, `1.5`, `1.25`.
pub fn parse_points(s: &str) -> Result<CentiPoints, String> {
    let s = s.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || int.len() > 6 || !digits(int) || !digits(frac) || frac.len() > 2 || (s.contains('.') && frac.is_empty()) {
        return Err("a number with at most two decimals, such as 1.5".into());
    }
    let whole: i64 = int.parse().map_err(|_| "not a number".to_owned())?;
    let cents: i64 = if frac.is_empty() { 0 } else { frac.parse::<i64>().map_err(|_| "not a number".to_owned())? * if frac.len() == 1 { 10 } else { 1 } };
    Ok(whole * 100 + cents)
}

/// Base points as they are shown: `1.50`.
pub fn show_points(p: CentiPoints) -> String {
    format!("{}.{:02}", p / 100, p % 100)
}

/// Points above zero and at most [`MAX_POINTS`]; a bonus at most [`MAX_BONUS_FEN`].
pub fn check_basis(points: CentiPoints, bonus: Money) -> Result<(), Vec<FieldIssue>> {
    let mut issues = Vec::new();
    if !(1..=MAX_POINTS).contains(&points) {
        issues.push(FieldIssue::new("base_points", Rule::OutOfRange, "above 0 and at most 1000.00"));
    }
    if bonus.fen() > MAX_BONUS_FEN {
        issues.push(FieldIssue::new("monthly_bonus", Rule::OutOfRange, "at most 1000000.00"));
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: i64, department_id: i64, roles: &[Role]) -> Actor {
        Actor { user_id: id, department_id, roles: roles.to_vec() }
    }

    #[test]
    fn who_reads_whose_personal_data() {
        let cases: [(&[Role], i64, i64, bool); 9] = [
            (&[Role::Production], 1, 5, true),  // his own
            (&[Role::Production], 2, 5, false), // a colleague's
            (&[Role::ProductionManager], 2, 5, true),
            (&[Role::ProductionManager], 2, 6, false),
            (&[Role::Hr], 2, 6, true),
            (&[Role::Finance], 2, 6, true),
            (&[Role::Coordinator], 2, 6, true),
            (&[Role::Gm], 2, 6, true),
            (&[Role::Admin], 2, 6, false),
        ];
        for (roles, subject, dept, want) in cases {
            let a = actor(1, 5, roles);
            assert_eq!(personal_scope(&a).covers(&a, subject, dept), want, "{roles:?} reading {subject} of department {dept}");
        }
        let me = actor(1, 5, &[Role::Hr]);
        assert!(!read_is_logged(&me, 1) && read_is_logged(&me, 2));
    }

    #[test]
    fn points_as_people_write_them() {
        assert_eq!(parse_points("1"), Ok(100));
        assert_eq!(parse_points(" 1.5 "), Ok(150));
        assert_eq!(parse_points("12.25"), Ok(1225));
        for bad in ["", "-1", "1.", "1.234", "abc", "1e3", "1,5"] {
            assert!(parse_points(bad).is_err(), "{bad}");
        }
        assert_eq!(show_points(150), "1.50");
        assert!(check_basis(0, Money::ZERO).is_err());
        assert!(check_basis(100, "3000.00".parse().unwrap()).is_ok());
        assert!(check_basis(MAX_POINTS + 1, Money::ZERO).is_err());
    }
}
