//! The finished-goods return note (成品退货单, domain.md §4.8): sales issues
//! it for an approved application once the goods were inspected (unless a
//! sample unit) and every original is in, with the reason, the handling and
//! the basis; the department's supervisor or manager checks it (核实); the
//! warehouse signs the quantity actually received, a stock ledger line per
//! item; accounting books it at that quantity, or, when more came back than
//! approved and tolerated, the approver of the application decides.

use super::booking::{self, BasisPoints, Booking};
use super::inspection::{self, Original};
use super::{ReturnState, StepClock};
use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::role::{Actor, Role};
use serde::{Deserialize, Serialize};

coded_enum! {
    /// Where a return note stands. The names are public API.
    NoteState {
        /// Issued by sales, waiting for the supervisor's or manager's check.
        Issued = "issued",
        /// Checked; the warehouse receives the goods.
        ToReceive = "to_receive",
        /// Received; accounting books it.
        ToBook = "to_book",
        /// More came back than approved and tolerated: the approver decides.
        AwaitsDecision = "awaits_decision",
        Booked = "booked",
    }
}

coded_enum! {
    /// What can be done to a return note. The names are public API.
    NoteAction {
        Verify = "verify",
        /// The warehouse signs the actual quantities.
        Receive = "receive",
        /// Accounting checks actual against approved.
        Book = "book",
        /// The approver books the excess too.
        AcceptExcess = "accept_excess",
        /// The approver books only what was approved and tolerated; the rest goes back.
        RefuseExcess = "refuse_excess",
        /// Keep the step up to the longer limit, with a written reason.
        Extend = "extend",
    }
}

coded_enum! {
    /// The proof of return sales obtains from the buyer (退货证明).
    ProofKind {
        /// (a) The original invoice, stamped by the buyer with its invoice seal.
        InvoiceStamped = "invoice_stamped",
        /// (b) A copy of the invoice noting the returned quantity and amount, stamped.
        StampedCopy = "stamped_copy",
        /// (c) A return certificate (销货退回证明单), signed and stamped.
        ReturnCertificate = "return_certificate",
    }
}

/// What sales writes on the note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnNote {
    /// 退货原因
    pub reason: String,
    /// 处理方式
    pub handling: String,
    /// 退回依据: the approved application and complaint, by default.
    pub basis: String,
    /// The over-delivery tolerance (超量允收比率) stated on the customer's
    /// order; the company's applies when it states none.
    pub tolerance_bp: Option<BasisPoints>,
}

impl ReturnNote {
    pub fn check(&self) -> Vec<FieldIssue> {
        let mut issues = Vec::new();
        for (field, value) in [("reason", &self.reason), ("handling", &self.handling), ("basis", &self.basis)] {
            if value.trim().is_empty() {
                issues.push(FieldIssue::new(field, Rule::Required, "required on the return note"));
            }
        }
        if self.tolerance_bp.is_some_and(|t| t > 10_000) {
            issues.push(FieldIssue::new("tolerance_bp", Rule::OutOfRange, "from 0 to 10000 (100 %)"));
        }
        issues
    }
}

/// What the note's rules need to know about its application.
#[derive(Clone, Debug)]
pub struct NoteFacts {
    pub state: ReturnState,
    pub note: Option<NoteState>,
    pub raised_by: i64,
    pub sales_department_id: i64,
    /// Who gave the application its final approval.
    pub approved_by: Option<i64>,
    pub sample_unit: bool,
    pub inspected: bool,
    pub originals: Vec<Original>,
    /// The proof of return is recorded.
    pub proven: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteRefusal {
    /// Not in a state where this applies (409).
    WrongState,
    /// Not this caller's to do (403).
    Forbidden,
    /// The input or the application is incomplete (422).
    Invalid(Vec<FieldIssue>),
}

/// The applicant issues the note once: approved, inspected unless a sample
/// unit, every original collected.
pub fn may_issue(actor: &Actor, f: &NoteFacts) -> Result<(), NoteRefusal> {
    if f.state != ReturnState::Approved || f.note.is_some() {
        return Err(NoteRefusal::WrongState);
    }
    if actor.user_id != f.raised_by {
        return Err(NoteRefusal::Forbidden);
    }
    let mut issues = Vec::new();
    if inspection::inspection_needed(f.sample_unit) && !f.inspected {
        issues.push(FieldIssue::new("inspection", Rule::Required, "customer service inspects the goods first"));
    }
    let missing = inspection::originals_missing(&f.originals);
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|o| o.as_str()).collect();
        issues.push(FieldIssue::new("originals", Rule::Required, format!("not collected yet: {}", names.join(", "))));
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(NoteRefusal::Invalid(issues))
    }
}

/// Whose step a note's state is, as a role (the supervisor's check also
/// needs the department; the decision needs the approver).
fn may(actor: &Actor, f: &NoteFacts, state: NoteState) -> bool {
    match state {
        NoteState::Issued => {
            actor.department_id == f.sales_department_id && actor.user_id != f.raised_by && (actor.has(Role::SalesSupervisor) || actor.has(Role::SalesManager))
        }
        NoteState::ToReceive => actor.has(Role::Warehouse),
        NoteState::ToBook => actor.has(Role::Finance),
        // The approver of the application; the general manager stands in.
        NoteState::AwaitsDecision => Some(actor.user_id) == f.approved_by || actor.has(Role::Gm),
        NoteState::Booked => false,
    }
}

/// The state an action leaves, before the booking (`book` may also end in
/// `AwaitsDecision`, see `book`).
pub fn decide(actor: &Actor, f: &NoteFacts, action: NoteAction) -> Result<NoteState, NoteRefusal> {
    if action == NoteAction::Extend {
        return extension(actor, f);
    }
    let (from, to) = match action {
        NoteAction::Extend => return Err(NoteRefusal::WrongState),
        NoteAction::Verify => (NoteState::Issued, NoteState::ToReceive),
        NoteAction::Receive => (NoteState::ToReceive, NoteState::ToBook),
        NoteAction::Book => (NoteState::ToBook, NoteState::Booked),
        NoteAction::AcceptExcess | NoteAction::RefuseExcess => (NoteState::AwaitsDecision, NoteState::Booked),
    };
    if f.state != ReturnState::Approved || f.note != Some(from) {
        return Err(NoteRefusal::WrongState);
    }
    if !may(actor, f, from) {
        return Err(NoteRefusal::Forbidden);
    }
    if action == NoteAction::Book && !f.proven {
        return Err(NoteRefusal::Invalid(vec![FieldIssue::new("proof", Rule::Required, "sales records the proof of return first")]));
    }
    Ok(to)
}

/// Who is waited for keeps the step longer: at the booking, the applicant
/// while the proof of return is missing, then accounting.
fn extension(actor: &Actor, f: &NoteFacts) -> Result<NoteState, NoteRefusal> {
    let state = match f.note {
        Some(s) if f.state == ReturnState::Approved && s != NoteState::Booked => s,
        _ => return Err(NoteRefusal::WrongState),
    };
    let waited_for = match state {
        NoteState::ToBook if !f.proven => actor.user_id == f.raised_by,
        s => may(actor, f, s),
    };
    if waited_for {
        Ok(state)
    } else {
        Err(NoteRefusal::Forbidden)
    }
}

/// The applicant records (or corrects) the proof of return once the goods
/// are received and until accounting has checked the note.
pub fn may_prove(actor: &Actor, f: &NoteFacts) -> Result<(), NoteRefusal> {
    if f.state != ReturnState::Approved || f.note != Some(NoteState::ToBook) {
        return Err(NoteRefusal::WrongState);
    }
    if actor.user_id != f.raised_by {
        return Err(NoteRefusal::Forbidden);
    }
    Ok(())
}

/// The actions `actor` may take on the note now, `extend` only while the
/// step's clock allows it.
pub fn available(actor: &Actor, f: &NoteFacts, clock: StepClock) -> Vec<NoteAction> {
    use NoteAction as A;
    // Booking without the proof is offered: the answer says what is missing.
    let actions = [A::Verify, A::Receive, A::Book, A::AcceptExcess, A::RefuseExcess, A::Extend]
        .into_iter()
        .filter(|a| matches!(decide(actor, f, *a), Ok(_) | Err(NoteRefusal::Invalid(_))))
        .collect();
    clock.offered(actions, A::Extend)
}

/// The warehouse's count: one whole, non-negative quantity per item.
pub fn check_receipt(items: usize, actual: &[i64]) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    if actual.len() != items {
        issues.push(FieldIssue::new("quantities", Rule::Count, format!("one quantity for each of the {items} items")));
    }
    for (i, q) in actual.iter().enumerate() {
        if *q < 0 {
            issues.push(FieldIssue::new(format!("quantities[{i}]"), Rule::OutOfRange, "not negative"));
        }
    }
    issues
}

/// Accounting's check of every item: booked at the actual quantities, or
/// waiting for the approver when one item exceeds what is tolerated.
pub fn book(approved: &[i64], actual: &[i64], tolerance_bp: Option<BasisPoints>, company_bp: BasisPoints) -> Booking {
    let over = approved.iter().zip(actual).any(|(a, q)| booking::booking(*a, *q, tolerance_bp, company_bp) == Booking::AwaitsDecision);
    if over {
        Booking::AwaitsDecision
    } else {
        Booking::AtActual
    }
}

/// The quantities booked when the approver refuses the excess: what came
/// back, up to the approved quantity and its tolerance.
pub fn limited(approved: &[i64], actual: &[i64], tolerance_bp: Option<BasisPoints>, company_bp: BasisPoints) -> Vec<i64> {
    let tolerance = tolerance_bp.unwrap_or(company_bp);
    approved.iter().zip(actual).map(|(a, q)| (*q).min(a.saturating_add(booking::tolerated_excess(*a, tolerance)))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(note: Option<NoteState>) -> NoteFacts {
        NoteFacts {
            state: ReturnState::Approved,
            note,
            raised_by: 1,
            sales_department_id: 10,
            approved_by: Some(5),
            sample_unit: false,
            inspected: true,
            originals: Original::ALL.to_vec(),
            proven: true,
        }
    }

    fn actor(id: i64, dept: i64, roles: &[Role]) -> Actor {
        Actor { user_id: id, department_id: dept, roles: roles.to_vec() }
    }

    #[test]
    fn the_applicant_issues_it_once_the_goods_were_inspected_and_every_original_is_in() {
        let sales = actor(1, 10, &[Role::Sales]);
        assert_eq!(may_issue(&sales, &facts(None)), Ok(()));
        assert_eq!(may_issue(&actor(2, 10, &[Role::Sales]), &facts(None)), Err(NoteRefusal::Forbidden));
        assert_eq!(may_issue(&sales, &facts(Some(NoteState::Issued))), Err(NoteRefusal::WrongState));
        let mut f = facts(None);
        f.inspected = false;
        f.originals = vec![Original::Contract];
        let Err(NoteRefusal::Invalid(issues)) = may_issue(&sales, &f) else { panic!("incomplete") };
        assert_eq!(issues.iter().map(|i| i.field.as_str()).collect::<Vec<_>>(), ["inspection", "originals"]);
        assert!(issues[1].message.contains("receipt") && !issues[1].message.contains("contract"));
        // A sample unit needs no inspection.
        f.sample_unit = true;
        f.originals = Original::ALL.to_vec();
        assert_eq!(may_issue(&sales, &f), Ok(()));
        f.state = ReturnState::GmApproval;
        assert_eq!(may_issue(&sales, &f), Err(NoteRefusal::WrongState));
    }

    #[test]
    fn each_step_is_its_departments() {
        let supervisor = actor(3, 10, &[Role::SalesSupervisor]);
        let other_supervisor = actor(4, 11, &[Role::SalesSupervisor]);
        let warehouse = actor(6, 20, &[Role::Warehouse]);
        let finance = actor(7, 21, &[Role::Finance]);
        let approver = actor(5, 30, &[Role::DeputyGm]);
        let gm = actor(8, 30, &[Role::Gm]);
        assert_eq!(decide(&supervisor, &facts(Some(NoteState::Issued)), NoteAction::Verify), Ok(NoteState::ToReceive));
        assert_eq!(decide(&other_supervisor, &facts(Some(NoteState::Issued)), NoteAction::Verify), Err(NoteRefusal::Forbidden));
        assert_eq!(decide(&warehouse, &facts(Some(NoteState::Issued)), NoteAction::Verify), Err(NoteRefusal::Forbidden));
        assert_eq!(decide(&warehouse, &facts(Some(NoteState::ToReceive)), NoteAction::Receive), Ok(NoteState::ToBook));
        assert_eq!(decide(&warehouse, &facts(Some(NoteState::ToReceive)), NoteAction::Book), Err(NoteRefusal::WrongState));
        assert_eq!(decide(&finance, &facts(Some(NoteState::ToBook)), NoteAction::Book), Ok(NoteState::Booked));
        assert_eq!(decide(&finance, &facts(Some(NoteState::AwaitsDecision)), NoteAction::AcceptExcess), Err(NoteRefusal::Forbidden));
        assert_eq!(decide(&approver, &facts(Some(NoteState::AwaitsDecision)), NoteAction::RefuseExcess), Ok(NoteState::Booked));
        assert_eq!(decide(&gm, &facts(Some(NoteState::AwaitsDecision)), NoteAction::AcceptExcess), Ok(NoteState::Booked));
        assert!(available(&gm, &facts(Some(NoteState::Booked)), StepClock::default()).is_empty());
        assert_eq!(available(&warehouse, &facts(Some(NoteState::ToReceive)), StepClock::default()), [NoteAction::Receive]);
        let running = StepClock { running: true, extended: false };
        assert_eq!(available(&warehouse, &facts(Some(NoteState::ToReceive)), running), [NoteAction::Receive, NoteAction::Extend]);
        assert_eq!(decide(&finance, &facts(Some(NoteState::ToReceive)), NoteAction::Extend), Err(NoteRefusal::Forbidden));
        assert_eq!(decide(&gm, &facts(Some(NoteState::Booked)), NoteAction::Extend), Err(NoteRefusal::WrongState));
    }

    #[test]
    fn accounting_books_once_sales_has_the_proof_of_return() {
        let finance = actor(7, 21, &[Role::Finance]);
        let mut f = facts(Some(NoteState::ToBook));
        f.proven = false;
        let Err(NoteRefusal::Invalid(issues)) = decide(&finance, &f, NoteAction::Book) else { panic!("no proof") };
        assert_eq!(issues[0].field, "proof");
        assert_eq!(may_prove(&actor(1, 10, &[Role::Sales]), &f), Ok(()));
        assert_eq!(may_prove(&actor(3, 10, &[Role::SalesSupervisor]), &f), Err(NoteRefusal::Forbidden));
        assert_eq!(may_prove(&actor(1, 10, &[Role::Sales]), &facts(Some(NoteState::ToReceive))), Err(NoteRefusal::WrongState));
        assert_eq!(may_prove(&actor(1, 10, &[Role::Sales]), &facts(Some(NoteState::Booked))), Err(NoteRefusal::WrongState));
        // Who is waited for keeps the step longer: the applicant until the proof is in.
        assert_eq!(decide(&actor(1, 10, &[Role::Sales]), &f, NoteAction::Extend), Ok(NoteState::ToBook));
        assert_eq!(decide(&finance, &f, NoteAction::Extend), Err(NoteRefusal::Forbidden));
        f.proven = true;
        assert_eq!(decide(&finance, &f, NoteAction::Extend), Ok(NoteState::ToBook));
    }

    #[test]
    fn the_issuer_does_not_check_his_own_note() {
        let supervisor_issuer = actor(1, 10, &[Role::SalesSupervisor]);
        assert_eq!(decide(&supervisor_issuer, &facts(Some(NoteState::Issued)), NoteAction::Verify), Err(NoteRefusal::Forbidden));
    }

    #[test]
    fn a_receipt_names_each_item_once_with_a_whole_non_negative_count() {
        assert!(check_receipt(2, &[5, 0]).is_empty());
        assert_eq!(check_receipt(2, &[5])[0].field, "quantities");
        assert_eq!(check_receipt(2, &[5, -1])[0].field, "quantities[1]");
    }

    #[test]
    fn one_item_over_its_tolerance_holds_the_whole_note_for_the_approver() {
        // 2 % of 100 is 2, of 50 is 1.
        assert_eq!(book(&[100, 50], &[102, 51], Some(200), 0), Booking::AtActual);
        assert_eq!(book(&[100, 50], &[102, 52], Some(200), 0), Booking::AwaitsDecision);
        // Without the order's tolerance, the company's applies.
        assert_eq!(book(&[100], &[101], None, 100), Booking::AtActual);
        assert_eq!(book(&[100], &[101], None, 0), Booking::AwaitsDecision);
        assert_eq!(limited(&[100, 50], &[110, 40], Some(200), 0), [102, 40]);
    }

    #[test]
    fn the_note_states_its_reason_handling_and_basis() {
        let n = ReturnNote { reason: " ".into(), handling: "退回重修".into(), basis: "TH2612-0001".into(), tolerance_bp: Some(10_001) };
        assert_eq!(n.check().iter().map(|i| i.field.as_str()).collect::<Vec<_>>(), ["reason", "tolerance_bp"]);
    }
}
