//! The monthly complaint statistics (客户投诉案件统计表, domain.md §4.10):
//! last month's closed cases by customer, product, cause, responsible
//! department and resolution type, with loss amounts and responsibility shares.

use crate::intake::{ComplaintKind, Severity};
use crate::resolution::ResolutionKind;
use crate::role::{Actor, Role};
use crate::Closure;
use std::collections::HashMap;
use std::hash::Hash;

/// Who reads the statistics: the coordinator who compiles them, the
/// executives they go to, QA's manager, administrators and integration
/// accounts (BI).
pub fn may_read(actor: &Actor) -> bool {
    actor.roles.iter().any(|r| matches!(r, Role::Coordinator | Role::DeputyGm | Role::Gm | Role::QaManager | Role::Admin | Role::Integration))
}

/// A closed case as the statistics see it.
#[derive(Clone, Debug, Default)]
pub struct ClosedCase {
    pub id: i64,
    pub customer_id: i64,
    pub product_number: Option<String>,
    pub kind: Option<ComplaintKind>,
    pub severity: Option<Severity>,
    pub closure: Option<Closure>,
    pub first_closure: bool,
    /// QA's cause for a quality case, the coded cause for a non-quality one.
    pub cause: Option<String>,
    pub defective_quantity: i64,
    pub settlement_fen: i64,
    pub loss_fen: i64,
    /// It repeats an earlier case (重复投诉).
    pub repeat: bool,
    /// Marked irrational (非理性抱怨), and which count it joins.
    pub irrational: Option<crate::improvement::IrrationalLevel>,
}

/// One resolution line of a closed case.
#[derive(Clone, Debug)]
pub struct LineFact {
    pub complaint_id: i64,
    pub kind: ResolutionKind,
    pub settlement_fen: i64,
    pub loss_fen: i64,
}

/// One responsible department's share of a closed case.
#[derive(Clone, Debug)]
pub struct ShareFact {
    pub complaint_id: i64,
    pub department_id: i64,
    pub ratio_percent: i32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group<K> {
    pub key: K,
    pub cases: u64,
    pub defective_quantity: i64,
    pub settlement_fen: i64,
    pub loss_fen: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepartmentShare {
    pub department_id: i64,
    pub cases: u64,
    /// Σ ratio over its cases, in percent of one case (250 = 2.5 cases).
    pub ratio_percent_sum: i64,
    /// Σ loss × ratio, rounded to the fen per case.
    pub loss_share_fen: i64,
}

#[derive(Clone, Debug, Default)]
pub struct Monthly {
    pub closed: u64,
    pub first_closures: u64,
    /// Closed cases that repeat an earlier one.
    pub repeats: u64,
    /// Closed cases the coordinator confirmed irrational (一次非理性抱怨).
    pub irrational_first: u64,
    /// Closed cases made irrational by a deferred closure (二次非理性抱怨).
    pub irrational_second: u64,
    pub settlement_fen: i64,
    pub loss_fen: i64,
    pub by_closure: Vec<Group<String>>,
    pub by_kind: Vec<Group<String>>,
    pub by_severity: Vec<Group<String>>,
    pub by_cause: Vec<Group<String>>,
    pub by_customer: Vec<Group<i64>>,
    pub by_product: Vec<Group<String>>,
    /// Lines by resolution type; `cases` counts cases with such a line.
    pub by_resolution: Vec<Group<String>>,
    pub by_department: Vec<DepartmentShare>,
}

impl Monthly {
    /// First-closure rate (一次关闭率) in basis points of the closed cases.
    pub fn first_closure_rate_bp(&self) -> Option<i64> {
        share_bp(self.first_closures, self.closed)
    }
}

/// The key of a breakdown row for cases without the value.
pub(crate) const NONE: &str = "(none)";

/// `part` of `whole` in basis points, rounded half up; none of nothing.
pub fn share_bp(part: u64, whole: u64) -> Option<i64> {
    (whole > 0).then(|| ((part as i128 * 10_000 + whole as i128 / 2) / whole as i128) as i64)
}

/// A month whose figures add up past what an `i64` holds: refused, never wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge;

fn add(a: i64, b: i64) -> Result<i64, TooLarge> {
    a.checked_add(b).ok_or(TooLarge)
}

fn group<K: Hash + Eq + Clone + Ord>(cases: &[ClosedCase], key: impl Fn(&ClosedCase) -> K) -> Result<Vec<Group<K>>, TooLarge> {
    let mut map: HashMap<K, Group<K>> = HashMap::new();
    for c in cases {
        let k = key(c);
        let g = map.entry(k.clone()).or_insert(Group { key: k, cases: 0, defective_quantity: 0, settlement_fen: 0, loss_fen: 0 });
        g.cases += 1;
        g.defective_quantity = add(g.defective_quantity, c.defective_quantity)?;
        g.settlement_fen = add(g.settlement_fen, c.settlement_fen)?;
        g.loss_fen = add(g.loss_fen, c.loss_fen)?;
    }
    Ok(sorted(map.into_values().collect()))
}

/// Most cases first, then the larger loss, then the key: a stable order.
fn sorted<K: Ord>(mut v: Vec<Group<K>>) -> Vec<Group<K>> {
    v.sort_by(|a, b| b.cases.cmp(&a.cases).then(b.loss_fen.cmp(&a.loss_fen)).then(a.key.cmp(&b.key)));
    v
}

pub(crate) fn code<T: crate::codes::Code>(v: Option<T>) -> String {
    v.map_or(NONE, T::as_str).to_owned()
}

fn text(v: &Option<String>) -> String {
    v.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or(NONE).to_owned()
}

/// `loss × ratio / 100`, rounded half away from zero to the fen.
fn share(loss_fen: i64, ratio_percent: i32) -> i64 {
    let x = loss_fen as i128 * ratio_percent as i128;
    ((x + if x >= 0 { 50 } else { -50 }) / 100) as i64
}

pub fn monthly(cases: &[ClosedCase], lines: &[LineFact], shares: &[ShareFact]) -> Result<Monthly, TooLarge> {
    let loss_of: HashMap<i64, i64> = cases.iter().map(|c| (c.id, c.loss_fen)).collect();
    let mut resolution: HashMap<String, (Group<String>, std::collections::HashSet<i64>)> = HashMap::new();
    for l in lines.iter().filter(|l| loss_of.contains_key(&l.complaint_id)) {
        let (g, ids) = resolution.entry(l.kind.as_str().to_owned()).or_insert_with(|| {
            (Group { key: l.kind.as_str().to_owned(), cases: 0, defective_quantity: 0, settlement_fen: 0, loss_fen: 0 }, Default::default())
        });
        ids.insert(l.complaint_id);
        g.settlement_fen = add(g.settlement_fen, l.settlement_fen)?;
        g.loss_fen = add(g.loss_fen, l.loss_fen)?;
    }
    let by_resolution = sorted(
        resolution
            .into_values()
            .map(|(mut g, ids)| {
                g.cases = ids.len() as u64;
                g
            })
            .collect(),
    );
    let mut departments: HashMap<i64, DepartmentShare> = HashMap::new();
    for s in shares {
        let Some(loss) = loss_of.get(&s.complaint_id) else { continue };
        let d =
            departments.entry(s.department_id).or_insert(DepartmentShare { department_id: s.department_id, cases: 0, ratio_percent_sum: 0, loss_share_fen: 0 });
        d.cases += 1;
        d.ratio_percent_sum += i64::from(s.ratio_percent);
        d.loss_share_fen = add(d.loss_share_fen, share(*loss, s.ratio_percent))?;
    }
    let mut by_department: Vec<DepartmentShare> = departments.into_values().collect();
    by_department.sort_by(|a, b| b.loss_share_fen.cmp(&a.loss_share_fen).then(b.cases.cmp(&a.cases)).then(a.department_id.cmp(&b.department_id)));
    Ok(Monthly {
        closed: cases.len() as u64,
        first_closures: cases.iter().filter(|c| c.first_closure).count() as u64,
        repeats: cases.iter().filter(|c| c.repeat).count() as u64,
        irrational_first: cases.iter().filter(|c| c.irrational == Some(crate::improvement::IrrationalLevel::First)).count() as u64,
        irrational_second: cases.iter().filter(|c| c.irrational == Some(crate::improvement::IrrationalLevel::Second)).count() as u64,
        settlement_fen: cases.iter().try_fold(0, |t, c| add(t, c.settlement_fen))?,
        loss_fen: cases.iter().try_fold(0, |t, c| add(t, c.loss_fen))?,
        by_closure: group(cases, |c| code(c.closure))?,
        by_kind: group(cases, |c| code(c.kind))?,
        by_severity: group(cases, |c| code(c.severity))?,
        by_cause: group(cases, |c| text(&c.cause))?,
        by_customer: group(cases, |c| c.customer_id)?,
        by_product: group(cases, |c| text(&c.product_number))?,
        by_resolution,
        by_department,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(id: i64, customer: i64, product: &str, kind: &str, loss: i64, first: bool) -> ClosedCase {
        ClosedCase {
            id,
            customer_id: customer,
            product_number: Some(product.into()),
            kind: kind.parse().ok(),
            severity: Some(Severity::General),
            closure: Some(Closure::Resolved),
            first_closure: first,
            cause: (kind == "quality").then(|| "模具磨损".into()),
            defective_quantity: 10,
            settlement_fen: loss,
            loss_fen: loss,
            repeat: id % 2 == 0,
            irrational: (id == 3).then_some(crate::improvement::IrrationalLevel::First),
        }
    }

    #[test]
    fn a_month_that_adds_up_past_an_i64_is_refused_not_wrapped() {
        let big = i64::MAX / 2 + 1;
        let cases = [case(1, 7, "BRK", "quality", big, true), case(2, 8, "SHF", "quality", big, true)];
        assert_eq!(monthly(&cases, &[], &[]).err(), Some(TooLarge));
        assert!(monthly(&cases[..1], &[], &[]).is_ok());
    }

    #[test]
    fn groups_count_sum_and_order() {
        let cases = [case(1, 7, "BRK", "quality", 100_00, true), case(2, 7, "SHF", "quality", 50_00, false), case(3, 8, "BRK", "non_quality", 0, true)];
        let m = monthly(&cases, &[], &[]).unwrap();
        assert_eq!((m.closed, m.first_closures, m.repeats, m.loss_fen), (3, 2, 1, 150_00));
        assert_eq!((m.irrational_first, m.irrational_second), (1, 0));
        assert_eq!(m.first_closure_rate_bp(), Some(6667));
        assert_eq!(m.by_customer[0], Group { key: 7, cases: 2, defective_quantity: 20, settlement_fen: 150_00, loss_fen: 150_00 });
        assert_eq!(m.by_product.iter().map(|g| (g.key.as_str(), g.cases)).collect::<Vec<_>>(), [("BRK", 2), ("SHF", 1)]);
        assert_eq!(m.by_cause.iter().map(|g| (g.key.as_str(), g.cases)).collect::<Vec<_>>(), [("模具磨损", 2), ("(none)", 1)]);
        assert_eq!(monthly(&[], &[], &[]).unwrap().first_closure_rate_bp(), None);
    }

    #[test]
    fn departments_carry_their_share_of_each_loss() {
        let cases = [case(1, 7, "BRK", "quality", 1_000_01, true), case(2, 7, "SHF", "quality", 300_00, true)];
        let shares = [
            ShareFact { complaint_id: 1, department_id: 30, ratio_percent: 70 },
            ShareFact { complaint_id: 1, department_id: 40, ratio_percent: 30 },
            ShareFact { complaint_id: 2, department_id: 30, ratio_percent: 100 },
            // A case outside the month counts for nothing.
            ShareFact { complaint_id: 9, department_id: 40, ratio_percent: 100 },
        ];
        let m = monthly(&cases, &[], &shares).unwrap();
        assert_eq!(m.by_department[0], DepartmentShare { department_id: 30, cases: 2, ratio_percent_sum: 170, loss_share_fen: 700_01 + 300_00 });
        assert_eq!(m.by_department[1], DepartmentShare { department_id: 40, cases: 1, ratio_percent_sum: 30, loss_share_fen: 300_00 });
    }

    #[test]
    fn resolution_types_count_cases_once() {
        let cases = [case(1, 7, "BRK", "quality", 500_00, true)];
        let lines = [
            LineFact { complaint_id: 1, kind: ResolutionKind::Return, settlement_fen: 200_00, loss_fen: 300_00 },
            LineFact { complaint_id: 1, kind: ResolutionKind::Return, settlement_fen: 100_00, loss_fen: 100_00 },
            LineFact { complaint_id: 1, kind: ResolutionKind::Discount, settlement_fen: 100_00, loss_fen: 100_00 },
        ];
        let m = monthly(&cases, &lines, &[]).unwrap();
        assert_eq!(m.by_resolution[0], Group { key: "return".into(), cases: 1, defective_quantity: 0, settlement_fen: 300_00, loss_fen: 400_00 });
        assert_eq!(m.by_resolution[1].cases, 1);
    }

    #[test]
    fn readers() {
        let a = |r: Role| Actor { user_id: 1, department_id: 1, roles: vec![r] };
        assert!(may_read(&a(Role::Coordinator)) && may_read(&a(Role::Gm)) && may_read(&a(Role::Integration)));
        assert!(!may_read(&a(Role::Sales)) && !may_read(&a(Role::Production)));
    }
}
