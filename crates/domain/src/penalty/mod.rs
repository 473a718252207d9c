//! Penalties for complaints (客诉罚则, domain.md §4.7; seed 000 客户投诉罚扣判定
//! 基准, 行政罚扣折算, 罚扣方式): the burden of a responsible party, the
//! administrative sanction its tier gives (and the supervisor's, one level
//! lower from 100,000.01), the sanction in money, a person's share of a
//! department's loss by base points, and the monthly deduction capped at
//! half the month's bonus with the rest carried into the following months.
//! Every amount and ratio is a default of [`PenaltyPolicy`], which an
//! administrator changes as a new version.

pub mod flow;
pub mod run;

use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::money::Money;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// An administrative sanction (行政处分). The names are public API.
    SanctionKind {
        /// 悔过书: a written self-criticism, with a fixed deduction.
        SelfCriticism = "self_criticism",
        /// 申诫.
        Warning = "warning",
        /// 小过.
        MinorDemerit = "minor_demerit",
        /// 大过.
        MajorDemerit = "major_demerit",
    }
}

/// A sanction and how many times it is given (申诫二次: warning × 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sanction {
    pub kind: SanctionKind,
    pub count: u32,
}

/// Burdens up to `up_to` (inclusive) get `sanction`; the last tier has no bound.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tier {
    pub up_to: Option<Money>,
    pub sanction: Sanction,
}

/// Base points (基点数) in hundredths: 150 is 1.50 points.
pub type CentiPoints = i64;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PenaltyPolicy {
    /// Ascending; the last one unbounded.
    pub tiers: Vec<Tier>,
    /// From this burden up the supervisor is penalised too, one tier lower.
    pub supervisor_from: Money,
    /// What a written self-criticism costs (扣其点数 200 元).
    pub self_criticism_fine: Money,
    /// What each warning costs at least (罚扣 400 元以上).
    pub warning_fine: Money,
    /// What each minor demerit costs per base point (以每基数罚扣 800 元以上).
    pub minor_demerit_fine_per_point: Money,
    /// The most deducted in a month, as a share of the month's bonus (50 %).
    pub deduction_cap_percent: u32,
    /// Months a loss waits when the returned goods may be resold (0: none).
    pub resale_window_months: u32,
    /// Whether departments are fined for complaints not closed in time
    /// (seed 002, 客户抱怨闭环处理罚款通知单).
    pub late_fine_enabled: bool,
    /// The fine per case and month it stays open past its whole-case deadline.
    pub late_fine_per_case: Money,
}

fn yuan(y: i64) -> Money {
    Money::from_fen(y * 100).unwrap_or(Money::ZERO)
}

fn tier(up_to: Option<i64>, kind: SanctionKind, count: u32) -> Tier {
    Tier { up_to: up_to.map(yuan), sanction: Sanction { kind, count } }
}

impl Default for PenaltyPolicy {
    fn default() -> Self {
        use SanctionKind::*;
        PenaltyPolicy {
            tiers: vec![
                tier(Some(10_000), SelfCriticism, 1),
                tier(Some(50_000), Warning, 1),
                tier(Some(100_000), Warning, 2),
                tier(Some(200_000), MinorDemerit, 1),
                tier(Some(400_000), MinorDemerit, 2),
                tier(Some(1_000_000), MajorDemerit, 1),
                tier(None, MajorDemerit, 2),
            ],
            supervisor_from: Money::from_fen(10_000_001).unwrap_or(Money::ZERO),
            self_criticism_fine: yuan(200),
            warning_fine: yuan(400),
            minor_demerit_fine_per_point: yuan(800),
            deduction_cap_percent: 50,
            resale_window_months: 1,
            late_fine_enabled: true,
            late_fine_per_case: yuan(500),
        }
    }
}

impl PenaltyPolicy {
    /// Tiers ascending and the last one open; a cap between 1 and 100 %.
    pub fn check(&self) -> Result<(), Vec<FieldIssue>> {
        let mut issues = Vec::new();
        let bounds: Vec<Option<Money>> = self.tiers.iter().map(|t| t.up_to).collect();
        let ascending = bounds.windows(2).all(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if a < b) || matches!((w[0], w[1]), (Some(_), None)));
        if self.tiers.is_empty() || bounds.last() != Some(&None) || !ascending || bounds[..bounds.len() - 1].iter().any(Option::is_none) {
            issues.push(FieldIssue::new("tiers", Rule::OutOfRange, "ascending bounds, the last tier without one"));
        }
        if self.tiers.iter().any(|t| t.sanction.count == 0) {
            issues.push(FieldIssue::new("tiers", Rule::OutOfRange, "every sanction at least once"));
        }
        if !(1..=100).contains(&self.deduction_cap_percent) {
            issues.push(FieldIssue::new("deduction_cap_percent", Rule::OutOfRange, "between 1 and 100"));
        }
        if self.resale_window_months > 12 {
            issues.push(FieldIssue::new("resale_window_months", Rule::OutOfRange, "at most 12"));
        }
        if issues.is_empty() {
            Ok(())
        } else {
            Err(issues)
        }
    }

    fn tier_index(&self, burden: Money) -> usize {
        self.tiers.iter().position(|t| t.up_to.is_none_or(|b| burden <= b)).unwrap_or(self.tiers.len().saturating_sub(1))
    }

    /// The sanction a party bearing `burden` gets.
    pub fn sanction(&self, burden: Money) -> Option<Sanction> {
        self.tiers.get(self.tier_index(burden)).map(|t| t.sanction)
    }

    /// The supervisor's, from `supervisor_from` up: one tier lower (主管连带处分, 以降一级为原则).
    pub fn supervisor_sanction(&self, burden: Money) -> Option<Sanction> {
        if burden < self.supervisor_from {
            return None;
        }
        let i = self.tier_index(burden);
        self.tiers.get(i.checked_sub(1)?).map(|t| t.sanction)
    }

    /// The sanction in money for a person with `points` base points whose
    /// month's bonus is `monthly_bonus`: a major demerit takes the whole bonus.
    pub fn fine(&self, s: Sanction, points: CentiPoints, monthly_bonus: Money) -> Money {
        let count = i64::from(s.count);
        let fen = match s.kind {
            SanctionKind::SelfCriticism => self.self_criticism_fine.fen(),
            SanctionKind::Warning => self.warning_fine.fen().saturating_mul(count),
            SanctionKind::MinorDemerit => mul_div(self.minor_demerit_fine_per_point.fen().saturating_mul(count), points, 100),
            SanctionKind::MajorDemerit => monthly_bonus.fen(),
        };
        Money::from_fen(fen).unwrap_or(Money::ZERO)
    }
}

/// `a × b ÷ d`, rounded half up, without overflow for amounts we accept.
fn mul_div(a: i64, b: i64, d: i64) -> i64 {
    if d <= 0 || a < 0 || b < 0 {
        return 0;
    }
    let p = i128::from(a) * i128::from(b);
    i64::try_from((p + i128::from(d) / 2) / i128::from(d)).unwrap_or(i64::MAX)
}

/// A party's burden: the loss times its ratio, rounded half up to the fen.
pub fn burden(loss: Money, ratio_percent: i32) -> Money {
    Money::from_fen(mul_div(loss.fen(), i64::from(ratio_percent.max(0)), 100)).unwrap_or(Money::ZERO)
}

/// A person's deduction from a loss charged to a department: the loss ÷ the
/// department's total base points × the person's (以损失金额除以该责任部门的
/// 总基点数, 再乘以个人的总基点数). The shares add up to the loss within a fen
/// a person; `split` makes them add up exactly.
pub fn deduction(loss: Money, department_points: CentiPoints, person_points: CentiPoints) -> Money {
    Money::from_fen(mul_div(loss.fen(), person_points, department_points)).unwrap_or(Money::ZERO)
}

/// Splits `loss` over people by their points so the parts add up to it to
/// the fen: largest remainders get the leftover fen (ties to the earlier).
pub fn split(loss: Money, points: &[CentiPoints]) -> Vec<Money> {
    let total: i64 = points.iter().filter(|p| **p > 0).sum();
    if total <= 0 {
        return vec![Money::ZERO; points.len()];
    }
    let exact: Vec<(i64, i128)> = points
        .iter()
        .map(|p| {
            let num = i128::from(loss.fen()) * i128::from((*p).max(0));
            ((num / i128::from(total)) as i64, num % i128::from(total))
        })
        .collect();
    let mut fen: Vec<i64> = exact.iter().map(|(f, _)| *f).collect();
    let mut left = loss.fen() - fen.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|a, b| exact[*b].1.cmp(&exact[*a].1).then(a.cmp(b)));
    for i in order {
        if left == 0 {
            break;
        }
        if points[i] > 0 {
            fen[i] += 1;
            left -= 1;
        }
    }
    fen.into_iter().map(|f| Money::from_fen(f).unwrap_or(Money::ZERO)).collect()
}

/// One month of a person's ledger (罚扣台账): what was carried in, charged,
/// deducted from the bonus and carried on. Charged + carried in = deducted +
/// carried on, to the fen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LedgerMonth {
    pub carried_in: Money,
    pub charged: Money,
    pub deducted: Money,
    pub carried_on: Money,
}

/// Deducts what is due this month up to the cap (该月份超过 50% 以上者逐月分期罚扣).
pub fn settle_month(carried_in: Money, charged: Money, monthly_bonus: Money, cap_percent: u32) -> LedgerMonth {
    let due = carried_in.fen().saturating_add(charged.fen());
    let cap = mul_div(monthly_bonus.fen(), i64::from(cap_percent.min(100)), 100);
    let deducted = due.min(cap);
    let m = |f: i64| Money::from_fen(f).unwrap_or(Money::ZERO);
    LedgerMonth { carried_in, charged, deducted: m(deducted), carried_on: m(due - deducted) }
}

/// A calendar month, `year * 12 + month - 1` apart from its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    pub fn plus(self, months: u32) -> YearMonth {
        let i = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        YearMonth { year: (i / 12) as i32, month: (i % 12) as u32 + 1 }
    }
}

/// The month whose run charges a case closed in `closed`: the next one, or
/// after the resale window when the returned goods may still be resold
/// (the loss waits for what the resale recovers).
pub fn charged_in(closed: YearMonth, resale_pending: bool, policy: &PenaltyPolicy) -> YearMonth {
    closed.plus(1 + if resale_pending { policy.resale_window_months } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }

    fn s(kind: SanctionKind, count: u32) -> Option<Sanction> {
        Some(Sanction { kind, count })
    }

    #[test]
    fn every_tier_boundary() {
        use SanctionKind::*;
        let p = PenaltyPolicy::default();
        assert_eq!(p.check(), Ok(()));
        let cases = [
            ("0.01", s(SelfCriticism, 1)),
            ("10000.00", s(SelfCriticism, 1)),
            ("10000.01", s(Warning, 1)),
            ("50000.00", s(Warning, 1)),
            ("50000.01", s(Warning, 2)),
            ("100000.00", s(Warning, 2)),
            ("100000.01", s(MinorDemerit, 1)),
            ("200000.00", s(MinorDemerit, 1)),
            ("200000.01", s(MinorDemerit, 2)),
            ("400000.00", s(MinorDemerit, 2)),
            ("400000.01", s(MajorDemerit, 1)),
            ("1000000.00", s(MajorDemerit, 1)),
            ("1000000.01", s(MajorDemerit, 2)),
        ];
        for (burden, want) in cases {
            assert_eq!(p.sanction(m(burden)), want, "{burden}");
        }
    }

    #[test]
    fn the_supervisor_one_level_lower_from_100_000_01() {
        use SanctionKind::*;
        let p = PenaltyPolicy::default();
        assert_eq!(p.supervisor_sanction(m("100000.00")), None);
        assert_eq!(p.supervisor_sanction(m("100000.01")), s(Warning, 2));
        assert_eq!(p.supervisor_sanction(m("200000.01")), s(MinorDemerit, 1));
        assert_eq!(p.supervisor_sanction(m("400000.01")), s(MinorDemerit, 2));
        assert_eq!(p.supervisor_sanction(m("1000000.01")), s(MajorDemerit, 1));
    }

    #[test]
    fn sanctions_in_money() {
        use SanctionKind::*;
        let p = PenaltyPolicy::default();
        let bonus = m("3000.00");
        let fine = |kind, count, points| p.fine(Sanction { kind, count }, points, bonus);
        assert_eq!(fine(SelfCriticism, 1, 100), m("200.00"));
        assert_eq!(fine(Warning, 2, 100), m("800.00"));
        assert_eq!(fine(MinorDemerit, 1, 150), m("1200.00"), "800 per point, 1.5 points");
        assert_eq!(fine(MinorDemerit, 2, 100), m("1600.00"));
        assert_eq!(fine(MajorDemerit, 1, 100), bonus, "the month's whole bonus");
    }

    #[test]
    fn burden_and_the_deduction_by_base_points() {
        assert_eq!(burden(m("12345.67"), 30), m("3703.70"));
        assert_eq!(burden(m("0.01"), 50), m("0.01"), "half up");
        // 9,000 over a department of 12 points: 1.5 points bear 1,125.
        assert_eq!(deduction(m("9000.00"), 1200, 150), m("1125.00"));
        let parts = split(m("100.00"), &[100, 100, 100]);
        assert_eq!(parts, [m("33.34"), m("33.33"), m("33.33")]);
        assert_eq!(Money::sum(parts).unwrap(), m("100.00"));
        assert_eq!(split(m("100.00"), &[0, 0]), [Money::ZERO, Money::ZERO]);
    }

    #[test]
    fn half_the_bonus_at_most_and_the_rest_carried_over_three_months() {
        let bonus = m("2000.00");
        let jan = settle_month(Money::ZERO, m("2500.00"), bonus, 50);
        assert_eq!((jan.deducted, jan.carried_on), (m("1000.00"), m("1500.00")));
        let feb = settle_month(jan.carried_on, Money::ZERO, bonus, 50);
        assert_eq!((feb.deducted, feb.carried_on), (m("1000.00"), m("500.00")));
        let mar = settle_month(feb.carried_on, m("200.00"), bonus, 50);
        assert_eq!((mar.deducted, mar.carried_on), (m("700.00"), Money::ZERO));
        for x in [jan, feb, mar] {
            assert_eq!(x.carried_in.fen() + x.charged.fen(), x.deducted.fen() + x.carried_on.fen());
        }
    }

    #[test]
    fn the_resale_window_defers_the_charge() {
        let p = PenaltyPolicy::default();
        let dec = YearMonth { year: 2026, month: 12 };
        assert_eq!(charged_in(dec, false, &p), YearMonth { year: 2027, month: 1 });
        assert_eq!(charged_in(dec, true, &p), YearMonth { year: 2027, month: 2 });
        let none = PenaltyPolicy { resale_window_months: 0, ..p };
        assert_eq!(charged_in(dec, true, &none), YearMonth { year: 2027, month: 1 });
    }

    #[test]
    fn a_policy_with_unordered_tiers_is_refused() {
        let mut p = PenaltyPolicy::default();
        p.tiers.swap(0, 1);
        assert!(p.check().is_err());
        let p = PenaltyPolicy { deduction_cap_percent: 0, ..PenaltyPolicy::default() };
        assert!(p.check().is_err());
    }
}
