//! What one responsible party of a closed case costs whom (seed 000 客户投诉
//! 经济处罚准则): a person bears his burden and his sanction's fine; a team
//! or a department has its burden split over its people by base points and
//! its sanction published as the unit's; from `supervisor_from` up the
//! department's heads are fined one tier lower. Then each person's month:
//! at most the cap of his bonus, the rest carried on — except a major
//! demerit, which takes the whole bonus.

use super::{split, CentiPoints, LedgerMonth, PenaltyPolicy, Sanction, SanctionKind};
use crate::coded_enum;
use crate::money::Money;

/// Who bears a share: a person, a team (班组) or a whole department.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Party {
    Person(i64),
    Team(i64),
    Department(i64),
}

/// A person as the run sees him: his pay basis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    pub user_id: i64,
    pub points: CentiPoints,
    pub bonus: Money,
}

coded_enum! {
    /// Why a person is charged. The names are public API.
    ChargeKind {
        /// The fine of the party's own sanction (a person party).
        Sanction = "sanction",
        /// His share of the burden, by base points (经济罚扣).
        Deduction = "deduction",
        /// The supervisor's joint sanction (主管连带处分).
        Supervisor = "supervisor",
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Charge {
    pub user_id: i64,
    pub kind: ChargeKind,
    pub sanction: Option<Sanction>,
    pub amount: Money,
}

/// The party's own sanction, and what it costs each person: `members` are
/// the person (a person party) or the unit's people with a basis; `heads`
/// the heads of the party's department.
pub fn charges(policy: &PenaltyPolicy, party: Party, burden: Money, members: &[Member], heads: &[Member]) -> (Option<Sanction>, Vec<Charge>) {
    let sanction = policy.sanction(burden);
    let mut out = Vec::new();
    if let (Party::Person(_), Some(s), Some(m)) = (party, sanction, members.first()) {
        out.push(Charge { user_id: m.user_id, kind: ChargeKind::Sanction, sanction: Some(s), amount: policy.fine(s, m.points, m.bonus) });
    }
    // A person bears his whole burden, whatever his base points.
    let points: Vec<CentiPoints> = match party {
        Party::Person(_) => members.iter().take(1).map(|_| 1).collect(),
        _ => members.iter().map(|m| m.points).collect(),
    };
    for (m, amount) in members.iter().zip(split(burden, &points)) {
        if amount > Money::ZERO {
            out.push(Charge { user_id: m.user_id, kind: ChargeKind::Deduction, sanction: None, amount });
        }
    }
    if let Some(s) = policy.supervisor_sanction(burden) {
        let party_person = match party {
            Party::Person(p) => Some(p),
            _ => None,
        };
        for h in heads.iter().filter(|h| Some(h.user_id) != party_person) {
            out.push(Charge { user_id: h.user_id, kind: ChargeKind::Supervisor, sanction: Some(s), amount: policy.fine(s, h.points, h.bonus) });
        }
    }
    (sanction, out)
}

/// A person's month: what he carried in and was charged, deducted up to
/// the cap (the whole bonus in a month with a major demerit).
pub fn month(policy: &PenaltyPolicy, carried_in: Money, charges: &[Charge], bonus: Money) -> LedgerMonth {
    let charged = Money::sum(charges.iter().map(|c| c.amount)).unwrap_or(Money::ZERO);
    let major = charges.iter().any(|c| c.sanction.is_some_and(|s| s.kind == SanctionKind::MajorDemerit));
    super::settle_month(carried_in, charged, bonus, if major { 100 } else { policy.deduction_cap_percent })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }

    fn member(user_id: i64, points: CentiPoints, bonus: &str) -> Member {
        Member { user_id, points, bonus: m(bonus) }
    }

    #[test]
    fn a_person_bears_his_burden_and_his_fine() {
        let p = PenaltyPolicy::default();
        let (s, c) = charges(&p, Party::Person(7), m("8000.00"), &[member(7, 100, "3000.00")], &[member(9, 200, "5000.00")]);
        assert_eq!(s.map(|s| s.kind), Some(SanctionKind::SelfCriticism));
        assert_eq!(c.len(), 2, "no supervisor below 100,000.01: {c:?}");
        assert_eq!((c[0].kind, c[0].amount), (ChargeKind::Sanction, m("200.00")));
        assert_eq!((c[1].kind, c[1].amount), (ChargeKind::Deduction, m("8000.00")));
    }

    #[test]
    fn a_team_splits_its_burden_by_base_points_and_its_head_is_fined_from_100_000_01() {
        let p = PenaltyPolicy::default();
        let team = [member(1, 100, "3000.00"), member(2, 150, "3000.00"), member(3, 250, "3000.00")];
        let heads = [member(9, 200, "6000.00")];
        let (s, c) = charges(&p, Party::Team(4), m("150000.00"), &team, &heads);
        assert_eq!(s, Some(Sanction { kind: SanctionKind::MinorDemerit, count: 1 }));
        let deductions: Vec<Money> = c.iter().filter(|c| c.kind == ChargeKind::Deduction).map(|c| c.amount).collect();
        assert_eq!(deductions, [m("30000.00"), m("45000.00"), m("75000.00")]);
        let sup = c.iter().find(|c| c.kind == ChargeKind::Supervisor).unwrap();
        assert_eq!((sup.user_id, sup.sanction.map(|s| (s.kind, s.count)), sup.amount), (9, Some((SanctionKind::Warning, 2)), m("800.00")));
        assert!(c.iter().all(|c| c.kind != ChargeKind::Sanction), "the unit's sanction is published, not charged");
    }

    #[test]
    fn a_head_who_is_the_party_is_not_his_own_supervisor() {
        let p = PenaltyPolicy::default();
        let head = member(9, 200, "6000.00");
        let (_, c) = charges(&p, Party::Person(9), m("120000.00"), &[head], &[head]);
        assert!(c.iter().all(|c| c.kind != ChargeKind::Supervisor));
    }

    #[test]
    fn the_cap_holds_except_for_a_major_demerit() {
        let p = PenaltyPolicy::default();
        let bonus = m("3000.00");
        let c = [Charge { user_id: 1, kind: ChargeKind::Deduction, sanction: None, amount: m("5000.00") }];
        let x = month(&p, m("100.00"), &c, bonus);
        assert_eq!((x.deducted, x.carried_on), (m("1500.00"), m("3600.00")));
        let major = Sanction { kind: SanctionKind::MajorDemerit, count: 1 };
        let c = [Charge { user_id: 1, kind: ChargeKind::Sanction, sanction: Some(major), amount: bonus }, c[0]];
        let x = month(&p, Money::ZERO, &c, bonus);
        assert_eq!((x.deducted, x.carried_on), (bonus, m("5000.00")));
    }
}
