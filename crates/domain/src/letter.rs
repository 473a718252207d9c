//! The letters that chase a case (domain.md §4.4, seed 000 §十四): a
//! reminder (催办单) to the department holding an overdue step, and an
//! inquiry (洽办单) to each department whose step overran its deadline on a
//! case closed late, which that department answers with its reason. Both are
//! numbered documents; the answer joins the case's history.

use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::role::Actor;
use chrono::{Duration, NaiveDateTime};

coded_enum! {
    /// Which letter. The names are public API.
    LetterKind {
        /// 催办单: a step is overdue, or was urged.
        Reminder = "reminder",
        /// 洽办单: a step of a case closed late overran its deadline; why?
        Inquiry = "inquiry",
    }
}

coded_enum! {
    /// The deadline a letter chases.
    LetterClock {
        /// The step's own deadline (§4.4 per step).
        Step = "step",
        /// The whole case's: 13 days domestic, 17 foreign, 7 when severe.
        Case = "case",
        /// A severe case's containment within 24 hours.
        Containment = "containment",
    }
}

coded_enum! {
    /// What a case's history records of its letters. The names are public API.
    LetterEvent {
        AnswerLateInquiry = "answer_late_inquiry",
    }
}

impl LetterKind {
    /// The letter's number prefix: `CB2612-0001`, `QB2612-0001`.
    pub fn prefix(self) -> &'static str {
        match self {
            LetterKind::Reminder => "CB",
            LetterKind::Inquiry => "QB",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LetterRefusal {
    /// Not a letter that takes an answer, or already answered (409).
    WrongState,
    /// Not this caller's to answer (403).
    Forbidden,
    /// The answer is empty or too long (422).
    Invalid(Vec<FieldIssue>),
}

/// Longest answer, in characters.
pub const MAX_ANSWER: usize = 4000;

/// What deciding who may answer needs to know of a letter.
pub struct Addressee<'a> {
    pub kind: LetterKind,
    pub answered: bool,
    /// The people who held the late step (they answer for their department).
    pub holders: &'a [i64],
    /// The department the letter is addressed to.
    pub department_id: Option<i64>,
}

/// An inquiry is answered once, by someone who held the late step or by a
/// head of the department it is addressed to (its manager, or the sales
/// supervisor of a sales department).
pub fn may_answer(actor: &Actor, to: &Addressee) -> Result<(), LetterRefusal> {
    if to.kind != LetterKind::Inquiry {
        return Err(LetterRefusal::WrongState);
    }
    let head = crate::petition::is_department_head(actor) || actor.has(crate::Role::SalesSupervisor);
    let head = head && to.department_id == Some(actor.department_id);
    if !(to.holders.contains(&actor.user_id) || head) {
        return Err(LetterRefusal::Forbidden);
    }
    if to.answered {
        return Err(LetterRefusal::WrongState);
    }
    Ok(())
}

/// The reason the late department gives.
pub fn check_answer(answer: &str) -> Result<(), LetterRefusal> {
    let issue = if answer.trim().is_empty() {
        Some(FieldIssue::new("answer", Rule::Required, "why the step overran its deadline"))
    } else if answer.chars().count() > MAX_ANSWER {
        Some(FieldIssue::new("answer", Rule::TooLong, format!("at most {MAX_ANSWER} characters")))
    } else {
        None
    };
    issue.map_or(Ok(()), |i| Err(LetterRefusal::Invalid(vec![i])))
}

/// How late `at` is against `due`, never negative.
pub fn late_by(due: NaiveDateTime, at: NaiveDateTime) -> Duration {
    (at - due).max(Duration::zero())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    fn actor(roles: &[Role], user_id: i64, department_id: i64) -> Actor {
        Actor { user_id, department_id, roles: roles.to_vec() }
    }

    fn inquiry<'a>(holders: &'a [i64], answered: bool) -> Addressee<'a> {
        Addressee { kind: LetterKind::Inquiry, answered, holders, department_id: Some(7) }
    }

    #[test]
    fn the_late_steps_holders_or_their_head_answer_an_inquiry_once() {
        assert_eq!(may_answer(&actor(&[Role::Qa], 3, 7), &inquiry(&[3, 4], false)), Ok(()));
        assert_eq!(may_answer(&actor(&[Role::QaManager], 9, 7), &inquiry(&[3, 4], false)), Ok(()));
        assert_eq!(may_answer(&actor(&[Role::QaManager], 9, 8), &inquiry(&[3, 4], false)), Err(LetterRefusal::Forbidden));
        assert_eq!(may_answer(&actor(&[Role::Qa], 5, 7), &inquiry(&[3, 4], false)), Err(LetterRefusal::Forbidden));
        assert_eq!(may_answer(&actor(&[Role::Coordinator], 1, 2), &inquiry(&[3], false)), Err(LetterRefusal::Forbidden));
        assert_eq!(may_answer(&actor(&[Role::Qa], 3, 7), &inquiry(&[3, 4], true)), Err(LetterRefusal::WrongState));
        let reminder = Addressee { kind: LetterKind::Reminder, ..inquiry(&[3], false) };
        assert_eq!(may_answer(&actor(&[Role::Qa], 3, 7), &reminder), Err(LetterRefusal::WrongState));
        assert_eq!(may_answer(&actor(&[Role::Qa], 5, 8), &reminder), Err(LetterRefusal::WrongState), "a reminder never takes an answer");
    }

    #[test]
    fn an_answer_says_something_and_not_too_much() {
        assert!(check_answer("模具磨损, 备件等了三天").is_ok());
        assert!(matches!(check_answer("  "), Err(LetterRefusal::Invalid(_))));
        assert!(matches!(check_answer(&"长".repeat(MAX_ANSWER + 1)), Err(LetterRefusal::Invalid(_))));
        assert!(check_answer(&"长".repeat(MAX_ANSWER)).is_ok());
    }

    #[test]
    fn lateness_is_never_negative_and_numbers_have_their_prefix() {
        let due = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
        assert_eq!(late_by(due, due + Duration::hours(50)), Duration::hours(50));
        assert_eq!(late_by(due, due - Duration::hours(1)), Duration::zero());
        assert_eq!(LetterKind::Reminder.prefix(), "CB");
        assert_eq!(LetterKind::Inquiry.prefix(), "QB");
    }
}
