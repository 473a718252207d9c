//! The customer archive (客户档案, domain.md §2): the record's coded fields,
//! duplicate detection, the archive policy, and who may read a record.

use crate::coded_enum;
use crate::role::{Actor, Role};
use chrono::{Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

coded_enum! {
    /// 客户状态: a registration waits for the manager's review; only an
    /// archived (active) customer is in the customer list.
    CustomerStatus {
        PendingReview = "pending_review",
        Rejected = "rejected",
        Active = "active",
        Deregistered = "deregistered",
    }
}

coded_enum! {
    /// 客户类别
    Category {
        Target = "target",
        General = "general",
        Key = "key",
        Potential = "potential",
    }
}

coded_enum! {
    /// Class by business volume (A = long-term partner, overseas or national
    /// key project; B = orders ≥ 10,000,000 CNY; C = below).
    CustomerClass {
        A = "A",
        B = "B",
        C = "C",
    }
}

coded_enum! {
    /// 客户等级 (credit grade)
    CreditGrade {
        Aaa = "AAA",
        Aa = "AA",
        A = "A",
        B = "B",
    }
}

coded_enum! {
    /// 密级, in rising order: 秘密 < 机密 < 绝密.
    Confidentiality {
        Secret = "secret",
        Confidential = "confidential",
        TopSecret = "top_secret",
    }
}

/// Archive rules a company may change (a policy table row, like the others).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ArchivePolicy {
    /// Working days from first contact to the registration form.
    pub registration_working_days: u32,
    /// Months an archived customer stays with its owner without a deal.
    pub protection_months: u32,
    /// Days an approved access request stays valid.
    pub access_days: u32,
    /// Longest payment term that may be granted (monthly settlement).
    pub max_payment_term_days: u32,
    /// Staff a key customer needs at least.
    pub key_customer_min_staff: u32,
}

impl Default for ArchivePolicy {
    fn default() -> Self {
        ArchivePolicy { registration_working_days: 5, protection_months: 2, access_days: 7, max_payment_term_days: 31, key_customer_min_staff: 2 }
    }
}

impl ArchivePolicy {
    /// The day protection lapses: `protection_months` after the later of the
    /// archiving and the last deal.
    pub fn protected_until(&self, archived: NaiveDate, last_deal: Option<NaiveDate>) -> NaiveDate {
        let from = last_deal.map_or(archived, |d| d.max(archived));
        from.checked_add_months(Months::new(self.protection_months)).unwrap_or(from)
    }
}

/// Names and tax ids as compared for duplicates: full-width folded to
/// half-width, case and spaces ignored, punctuation and the company-form
/// suffixes (有限公司 and its variants, Co., Ltd.) dropped.
pub fn name_key(name: &str) -> String {
    const FORMS: &[&str] = &[
        "股份有限公司",
        "有限责任公司",
        "有限責任公司",
        "有限公司",
        "集团公司",
        "集團公司",
        "总公司",
        "總公司",
        "公司",
        "companylimited",
        "colimited",
        "coltd",
        "limited",
        "ltd",
        "inc",
        "corporation",
        "corp",
        "company",
        "co",
    ];
    let mut s: String = fold(name).filter(|c| c.is_alphanumeric()).collect();
    loop {
        match FORMS.iter().find(|f| s.len() > f.len() && s.ends_with(*f)) {
            Some(f) => s.truncate(s.len() - f.len()),
            None => return s,
        }
    }
}

/// A tax id (统一社会信用代码) as compared: half-width, upper case, no separators.
pub fn tax_key(tax_id: &str) -> String {
    fold(tax_id).filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

/// Full-width forms to half-width, lower case.
fn fold(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
}

/// The text a customer is found by (name, code, contacts, phones), folded
/// like [`name_key`] but keeping every character, so that a substring search
/// is one `LIKE` over one column.
pub fn search_text<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts {
        let folded: String = fold(p).filter(|c| !c.is_whitespace()).collect();
        if !folded.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&folded);
        }
    }
    out
}

/// A search query folded the same way.
pub fn search_query(q: &str) -> String {
    fold(q).filter(|c| !c.is_whitespace()).collect()
}

/// The facts about a record that reading it depends on.
#[derive(Clone, Debug)]
pub struct RecordFacts {
    pub owner_id: i64,
    pub department_id: i64,
    pub staff: Vec<i64>,
    pub confidentiality: Confidentiality,
    pub status: CustomerStatus,
    /// Past its protection period with no deal: open to claims.
    pub claimable: bool,
}

/// Why a caller may read a record; everything but `Owner` and `Staff` is a
/// read by someone else and is logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadBasis {
    Owner,
    Staff,
    /// The sales manager or supervisor of the owning department.
    DepartmentManager,
    /// The marketing center keeps the archive.
    Archive,
    Executive,
    /// An approved, unexpired access request (档案借阅).
    Grant,
    /// A lapsed customer any salesperson may claim.
    ClaimPool,
    /// A service account (ERP, call center, BI).
    Integration,
}

impl ReadBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            ReadBasis::Owner => "owner",
            ReadBasis::Staff => "staff",
            ReadBasis::DepartmentManager => "department_manager",
            ReadBasis::Archive => "archive",
            ReadBasis::Executive => "executive",
            ReadBasis::Grant => "grant",
            ReadBasis::ClaimPool => "claim_pool",
            ReadBasis::Integration => "integration",
        }
    }

    pub fn is_logged(self) -> bool {
        !matches!(self, ReadBasis::Owner | ReadBasis::Staff)
    }
}

/// Who may read a customer record (domain.md §2 "Access to archives").
/// 秘密: owner, staff, the owning department's managers, the marketing
/// archive, executives, grant holders. 机密: owner, staff, the owning
/// department's manager, executives, grant holders. 绝密: owner, staff and
/// the general manager only.
pub fn read_basis(actor: &Actor, r: &RecordFacts, has_grant: bool) -> Option<ReadBasis> {
    use Confidentiality::*;
    if r.owner_id == actor.user_id {
        return Some(ReadBasis::Owner);
    }
    if r.staff.contains(&actor.user_id) {
        return Some(ReadBasis::Staff);
    }
    let level = r.confidentiality;
    if actor.has(Role::Gm) || (actor.has(Role::DeputyGm) && level != TopSecret) {
        return Some(ReadBasis::Executive);
    }
    if level == TopSecret {
        return None;
    }
    let own_department = actor.department_id == r.department_id;
    if own_department && (actor.has(Role::SalesManager) || (actor.has(Role::SalesSupervisor) && level == Secret)) {
        return Some(ReadBasis::DepartmentManager);
    }
    if has_grant {
        return Some(ReadBasis::Grant);
    }
    if level == Secret && (actor.has(Role::Marketing) || actor.has(Role::MarketingManager)) {
        return Some(ReadBasis::Archive);
    }
    if actor.has(Role::Integration) {
        return Some(ReadBasis::Integration);
    }
    if level == Secret && r.claimable && r.status == CustomerStatus::Active && actor.any(Role::is_sales) {
        return Some(ReadBasis::ClaimPool);
    }
    None
}

/// [`read_basis`] as a list filter: which levels a caller reads where.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListLevels {
    /// In every department.
    pub everywhere: Vec<Confidentiality>,
    /// In the caller's own department.
    pub department: Vec<Confidentiality>,
    /// Through an approved, unexpired access request.
    pub granted: Vec<Confidentiality>,
    /// Lapsed, active records (the claim pool).
    pub claim_pool: Vec<Confidentiality>,
}

pub fn list_levels(actor: &Actor) -> ListLevels {
    use Confidentiality::*;
    let mut l = ListLevels { granted: vec![Secret, Confidential], ..ListLevels::default() };
    if actor.has(Role::Gm) {
        l.everywhere = vec![Secret, Confidential, TopSecret];
    } else if actor.has(Role::DeputyGm) || actor.has(Role::Integration) {
        l.everywhere = vec![Secret, Confidential];
    } else if actor.has(Role::Marketing) || actor.has(Role::MarketingManager) {
        l.everywhere = vec![Secret];
    }
    if actor.has(Role::SalesManager) {
        l.department = vec![Secret, Confidential];
    } else if actor.has(Role::SalesSupervisor) {
        l.department = vec![Secret];
    }
    if actor.any(Role::is_sales) {
        l.claim_pool = vec![Secret];
    }
    l
}

impl ListLevels {
    /// The filter evaluated for one record, to check it against [`read_basis`].
    pub fn admits(&self, actor: &Actor, r: &RecordFacts, has_grant: bool) -> bool {
        let l = r.confidentiality;
        r.owner_id == actor.user_id
            || r.staff.contains(&actor.user_id)
            || self.everywhere.contains(&l)
            || (r.department_id == actor.department_id && self.department.contains(&l))
            || (has_grant && self.granted.contains(&l))
            || (r.claimable && r.status == CustomerStatus::Active && self.claim_pool.contains(&l))
    }
}

/// The role that approves an access request: the owning department's sales
/// manager for a colleague, the general manager across departments or for a
/// record above 秘密.
pub fn access_approver(requester_department: i64, r: &RecordFacts) -> Role {
    if requester_department == r.department_id && r.confidentiality == Confidentiality::Secret {
        Role::SalesManager
    } else {
        Role::Gm
    }
}

/// Whether a protection period has lapsed on `today`.
pub fn is_claimable(status: CustomerStatus, protected_until: Option<NaiveDate>, today: NaiveDate) -> bool {
    status == CustomerStatus::Active && protected_until.is_some_and(|d| d < today)
}

/// Whether a grant is valid at `now`.
pub fn grant_valid(valid_until: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
    valid_until.is_some_and(|u| now < u)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(user_id: i64, department_id: i64, roles: &[Role]) -> Actor {
        Actor { user_id, department_id, roles: roles.to_vec() }
    }

    fn record(level: Confidentiality) -> RecordFacts {
        RecordFacts { owner_id: 1, department_id: 10, staff: vec![2], confidentiality: level, status: CustomerStatus::Active, claimable: false }
    }

    #[test]
    fn name_variants_fold_to_one_key() {
        let k = name_key("苏州精密机械有限公司");
        assert_eq!(k, "苏州精密机械");
        assert_eq!(name_key(" 苏州 精密机械 有限责任公司 "), k);
        assert_eq!(name_key("苏州精密机械股份有限公司"), k);
        assert_eq!(name_key("苏州精密机械（有限公司）"), k);
        assert_eq!(name_key("ＡＢＣ Precision Co., Ltd."), "abcprecision");
        assert_eq!(name_key("abc precision company limited"), "abcprecision");
        assert_ne!(name_key("苏州精密机械"), name_key("苏州精密仪器"));
    }

    #[test]
    fn a_name_that_is_only_a_company_form_is_kept() {
        assert_eq!(name_key("公司"), "公司");
        assert_eq!(name_key("Co."), "co");
    }

    #[test]
    fn tax_ids_fold() {
        assert_eq!(tax_key("９１３２ 0500-mA1X"), "913205 00MA1X".replace(' ', ""));
    }

    #[test]
    fn search_text_folds_width_case_and_spaces() {
        assert_eq!(search_text(["ＡＢＣ 机械", "C-01", "", "139 1234"]), "abc机械 c-01 1391234");
        assert_eq!(search_query(" 1391 234 "), "1391234");
    }

    #[test]
    fn protection_runs_from_the_later_of_archive_and_deal() {
        let p = ArchivePolicy::default();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(p.protected_until(d("2026-01-31"), None), d("2026-03-31"));
        assert_eq!(p.protected_until(d("2026-01-10"), Some(d("2026-02-01"))), d("2026-04-01"));
        assert_eq!(p.protected_until(d("2026-01-10"), Some(d("2025-12-01"))), d("2026-03-10"));
        assert!(is_claimable(CustomerStatus::Active, Some(d("2026-03-10")), d("2026-03-11")));
        assert!(!is_claimable(CustomerStatus::Active, Some(d("2026-03-10")), d("2026-03-10")));
        assert!(!is_claimable(CustomerStatus::Deregistered, Some(d("2026-03-10")), d("2027-01-01")));
    }

    #[test]
    fn owner_and_staff_read_everything_unlogged() {
        for level in Confidentiality::ALL {
            assert_eq!(read_basis(&actor(1, 99, &[Role::Sales]), &record(*level), false), Some(ReadBasis::Owner));
            assert_eq!(read_basis(&actor(2, 99, &[Role::Sales]), &record(*level), false), Some(ReadBasis::Staff));
        }
        assert!(!ReadBasis::Owner.is_logged() && !ReadBasis::Staff.is_logged() && ReadBasis::Grant.is_logged());
    }

    #[test]
    fn a_colleague_needs_a_grant() {
        let colleague = actor(3, 10, &[Role::Sales]);
        assert_eq!(read_basis(&colleague, &record(Confidentiality::Secret), false), None);
        assert_eq!(read_basis(&colleague, &record(Confidentiality::Secret), true), Some(ReadBasis::Grant));
        assert_eq!(read_basis(&colleague, &record(Confidentiality::TopSecret), true), None, "no grant opens 绝密");
    }

    #[test]
    fn managers_read_their_department_by_level() {
        let manager = actor(4, 10, &[Role::SalesManager]);
        let supervisor = actor(5, 10, &[Role::SalesSupervisor]);
        let other_manager = actor(6, 11, &[Role::SalesManager]);
        assert_eq!(read_basis(&manager, &record(Confidentiality::Confidential), false), Some(ReadBasis::DepartmentManager));
        assert_eq!(read_basis(&supervisor, &record(Confidentiality::Secret), false), Some(ReadBasis::DepartmentManager));
        assert_eq!(read_basis(&supervisor, &record(Confidentiality::Confidential), false), None);
        assert_eq!(read_basis(&other_manager, &record(Confidentiality::Secret), false), None);
        assert_eq!(read_basis(&manager, &record(Confidentiality::TopSecret), false), None);
    }

    #[test]
    fn executives_archive_and_others() {
        let gm = actor(7, 1, &[Role::Gm]);
        let deputy = actor(8, 1, &[Role::DeputyGm]);
        let marketing = actor(9, 2, &[Role::Marketing]);
        let qa = actor(10, 3, &[Role::Qa]);
        let admin = actor(11, 4, &[Role::Admin]);
        assert_eq!(read_basis(&gm, &record(Confidentiality::TopSecret), false), Some(ReadBasis::Executive));
        assert_eq!(read_basis(&deputy, &record(Confidentiality::TopSecret), false), None);
        assert_eq!(read_basis(&deputy, &record(Confidentiality::Confidential), false), Some(ReadBasis::Executive));
        assert_eq!(read_basis(&marketing, &record(Confidentiality::Secret), false), Some(ReadBasis::Archive));
        assert_eq!(read_basis(&marketing, &record(Confidentiality::Confidential), false), None);
        assert_eq!(read_basis(&qa, &record(Confidentiality::Secret), false), None);
        assert_eq!(read_basis(&admin, &record(Confidentiality::Secret), false), None);
    }

    #[test]
    fn lapsed_secret_customers_are_open_to_sales() {
        let mut r = record(Confidentiality::Secret);
        r.claimable = true;
        assert_eq!(read_basis(&actor(12, 11, &[Role::Sales]), &r, false), Some(ReadBasis::ClaimPool));
        assert_eq!(read_basis(&actor(13, 3, &[Role::Qa]), &r, false), None);
        r.confidentiality = Confidentiality::Confidential;
        assert_eq!(read_basis(&actor(12, 11, &[Role::Sales]), &r, false), None);
    }

    #[test]
    fn the_list_filter_admits_exactly_the_readable_records() {
        let roles: &[&[Role]] = &[
            &[Role::Sales],
            &[Role::SalesSupervisor],
            &[Role::SalesManager],
            &[Role::Marketing],
            &[Role::MarketingManager],
            &[Role::Qa],
            &[Role::Coordinator],
            &[Role::DeputyGm],
            &[Role::Gm],
            &[Role::Admin],
            &[Role::Integration],
            &[Role::Sales, Role::Marketing],
        ];
        for roles in roles {
            for (user, dept) in [(1, 10), (2, 10), (3, 10), (3, 11)] {
                let a = actor(user, dept, roles);
                for level in Confidentiality::ALL {
                    for claimable in [false, true] {
                        for status in CustomerStatus::ALL {
                            for grant in [false, true] {
                                let r = RecordFacts { claimable, status: *status, ..record(*level) };
                                assert_eq!(
                                    list_levels(&a).admits(&a, &r, grant),
                                    read_basis(&a, &r, grant).is_some(),
                                    "{roles:?} user {user} dept {dept} {level:?} claimable {claimable} {status:?} grant {grant}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn access_is_approved_by_department_manager_or_gm() {
        assert_eq!(access_approver(10, &record(Confidentiality::Secret)), Role::SalesManager);
        assert_eq!(access_approver(11, &record(Confidentiality::Secret)), Role::Gm);
        assert_eq!(access_approver(10, &record(Confidentiality::Confidential)), Role::Gm);
    }
}
