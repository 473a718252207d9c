//! Supplier corrective-action requests (供应商纠正措施要求, domain.md §4.3:
//! "when another company or a material supplier is responsible"): QA names
//! an external supplier on a share of the responsibility; concluding the
//! investigation raises a request to that supplier, due within the 8D
//! policy's days; the coordinator sends it and records the supplier's answer
//! (cause and corrective actions), which QA accepts or sends back. The
//! tracking goes on after the case closes: suppliers answer at their pace.

use crate::coded_enum;
use crate::improvement::{TrackingRefusal as Refusal, MAX_TEXT};
use crate::issue::{FieldIssue, Rule};
use crate::role::{Actor, Role};
use chrono::{Days, NaiveDate};

coded_enum! {
    /// Where a request stands. The names are public API.
    SupplierRequestState {
        Requested = "requested",
        Answered = "answered",
        Accepted = "accepted",
        Cancelled = "cancelled",
    }
}

coded_enum! {
    /// What may be done with a request. The names are public API.
    SupplierRequestAction {
        RecordAnswer = "record_answer",
        Accept = "accept",
        Reject = "reject",
        Cancel = "cancel",
    }
}

coded_enum! {
    /// A request's entries in the case's history. The names are public API.
    SupplierEvent {
        RaiseSupplierRequest = "raise_supplier_request",
        AnswerSupplierRequest = "answer_supplier_request",
        AcceptSupplierRequest = "accept_supplier_request",
        RejectSupplierRequest = "reject_supplier_request",
        CancelSupplierRequest = "cancel_supplier_request",
    }
}

impl SupplierRequestAction {
    pub fn event(self) -> SupplierEvent {
        match self {
            SupplierRequestAction::RecordAnswer => SupplierEvent::AnswerSupplierRequest,
            SupplierRequestAction::Accept => SupplierEvent::AcceptSupplierRequest,
            SupplierRequestAction::Reject => SupplierEvent::RejectSupplierRequest,
            SupplierRequestAction::Cancel => SupplierEvent::CancelSupplierRequest,
        }
    }
}

/// Longest supplier name, in characters.
pub const MAX_SUPPLIER: usize = 100;

/// The supplier's answer as the coordinator records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupplierAnswer {
    pub root_cause: String,
    pub actions: String,
    /// Today when not given.
    pub answered_on: Option<NaiveDate>,
}

/// What an action carries: the answer (`record_answer`), a comment
/// (required to `reject` and to `cancel`), and for `reject` a new due date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SupplierInput {
    pub answer: Option<SupplierAnswer>,
    pub comment: Option<String>,
    pub due_on: Option<NaiveDate>,
}

/// A supplier's name as a share names it: trimmed, not blank, not too long.
pub fn supplier_issue(field: &str, name: &str) -> Option<FieldIssue> {
    let n = name.trim();
    if n.is_empty() {
        Some(FieldIssue::new(field, Rule::Required, "name the supplier or leave it out"))
    } else if n.chars().count() > MAX_SUPPLIER {
        Some(FieldIssue::new(field, Rule::TooLong, format!("at most {MAX_SUPPLIER} characters")))
    } else {
        None
    }
}

/// The distinct suppliers the shares name, in their order.
pub fn suppliers_named<'a>(names: impl IntoIterator<Item = Option<&'a str>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names.into_iter().flatten().map(str::trim).filter(|n| !n.is_empty()) {
        if !out.iter().any(|o| o == n) {
            out.push(n.to_owned());
        }
    }
    out
}

/// The day an answer is due: `days` after `today` in company time.
pub fn due_on(today: NaiveDate, days: u32) -> NaiveDate {
    today.checked_add_days(Days::new(u64::from(days))).unwrap_or(NaiveDate::MAX)
}

fn is_qa(actor: &Actor) -> bool {
    actor.has(Role::Qa) || actor.has(Role::QaManager)
}

fn required(issues: &mut Vec<FieldIssue>, field: &str, value: Option<&str>, what: &str) {
    match value.map(str::trim) {
        None | Some("") => issues.push(FieldIssue::new(field, Rule::Required, what)),
        Some(v) if v.chars().count() > MAX_TEXT => issues.push(FieldIssue::new(field, Rule::TooLong, format!("at most {MAX_TEXT} characters"))),
        Some(_) => {}
    }
}

fn input_issues(action: SupplierRequestAction, input: &SupplierInput, today: NaiveDate) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    match action {
        SupplierRequestAction::RecordAnswer => match &input.answer {
            Some(a) => {
                required(&mut issues, "root_cause", Some(&a.root_cause), "the cause the supplier found");
                required(&mut issues, "actions", Some(&a.actions), "the supplier's corrective actions");
                if a.answered_on.is_some_and(|d| d > today) {
                    issues.push(FieldIssue::new("answered_on", Rule::OutOfRange, "not in the future"));
                }
            }
            None => issues.push(FieldIssue::new("root_cause", Rule::Required, "the supplier's answer")),
        },
        SupplierRequestAction::Accept => {}
        SupplierRequestAction::Reject => {
            required(&mut issues, "comment", input.comment.as_deref(), "what the answer lacks");
            if input.due_on.is_some_and(|d| d <= today) {
                issues.push(FieldIssue::new("due_on", Rule::OutOfRange, "after today"));
            }
        }
        SupplierRequestAction::Cancel => required(&mut issues, "comment", input.comment.as_deref(), "why the request is cancelled"),
    }
    issues
}

/// Who does what: the coordinator records the supplier's answer (QA may
/// too) and cancels a request; QA or the QA manager accepts the answer or
/// sends it back. The state the action leaves.
pub fn act(
    actor: &Actor,
    state: SupplierRequestState,
    action: SupplierRequestAction,
    input: &SupplierInput,
    today: NaiveDate,
) -> Result<SupplierRequestState, Refusal> {
    use SupplierRequestState as S;
    let coordinator = actor.has(Role::Coordinator);
    let (allowed, from, to) = match action {
        SupplierRequestAction::RecordAnswer => (coordinator || is_qa(actor), state == S::Requested, S::Answered),
        SupplierRequestAction::Accept => (is_qa(actor), state == S::Answered, S::Accepted),
        SupplierRequestAction::Reject => (is_qa(actor), state == S::Answered, S::Requested),
        SupplierRequestAction::Cancel => (coordinator, matches!(state, S::Requested | S::Answered), S::Cancelled),
    };
    if !allowed {
        return Err(Refusal::Forbidden);
    }
    if !from {
        return Err(Refusal::WrongState);
    }
    let issues = input_issues(action, input, today);
    if issues.is_empty() {
        Ok(to)
    } else {
        Err(Refusal::Invalid(issues))
    }
}

/// The actions `actor` may take on a request in `state`.
pub fn available(actor: &Actor, state: SupplierRequestState) -> Vec<SupplierRequestAction> {
    SupplierRequestAction::ALL
        .iter()
        .copied()
        .filter(|a| matches!(act(actor, state, *a, &SupplierInput::default(), NaiveDate::MIN), Ok(_) | Err(Refusal::Invalid(_))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role) -> Actor {
        Actor { user_id: 3, roles: vec![role], department_id: 2 }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn the_suppliers_named_are_distinct_and_trimmed_and_due_after_the_policys_days() {
        let named = suppliers_named([Some(" 华力铸造 "), None, Some("华力铸造"), Some(""), Some("宏达电镀")]);
        assert_eq!(named, ["华力铸造", "宏达电镀"]);
        assert_eq!(due_on(day(7), 7), day(14));
        assert!(supplier_issue("s", " ").is_some());
        assert!(supplier_issue("s", &"厂".repeat(MAX_SUPPLIER + 1)).is_some());
        assert!(supplier_issue("s", "华力铸造").is_none());
    }

    #[test]
    fn the_coordinator_records_the_answer_and_qa_accepts_or_sends_it_back() {
        use SupplierRequestAction as A;
        use SupplierRequestState as S;
        let answer = SupplierInput {
            answer: Some(SupplierAnswer { root_cause: "浇注温度偏低".into(), actions: "增加炉温监控".into(), answered_on: Some(day(7)) }),
            ..SupplierInput::default()
        };
        let coordinator = actor(Role::Coordinator);
        assert_eq!(act(&coordinator, S::Requested, A::RecordAnswer, &answer, day(7)), Ok(S::Answered));
        assert_eq!(act(&actor(Role::Sales), S::Requested, A::RecordAnswer, &answer, day(7)), Err(Refusal::Forbidden));
        assert_eq!(act(&coordinator, S::Answered, A::RecordAnswer, &answer, day(7)), Err(Refusal::WrongState));
        assert!(matches!(act(&coordinator, S::Requested, A::RecordAnswer, &answer, day(6)), Err(Refusal::Invalid(_))), "answered tomorrow");
        assert!(matches!(act(&coordinator, S::Requested, A::RecordAnswer, &SupplierInput::default(), day(7)), Err(Refusal::Invalid(_))));

        let qa = actor(Role::QaManager);
        assert_eq!(act(&qa, S::Answered, A::Accept, &SupplierInput::default(), day(7)), Ok(S::Accepted));
        assert_eq!(act(&coordinator, S::Answered, A::Accept, &SupplierInput::default(), day(7)), Err(Refusal::Forbidden));
        let back = SupplierInput { comment: Some("未附验证数据".into()), due_on: Some(day(20)), ..SupplierInput::default() };
        assert_eq!(act(&actor(Role::Qa), S::Answered, A::Reject, &back, day(7)), Ok(S::Requested));
        let Err(Refusal::Invalid(i)) = act(&qa, S::Answered, A::Reject, &SupplierInput { due_on: Some(day(7)), ..SupplierInput::default() }, day(7)) else {
            panic!()
        };
        assert_eq!(i.iter().map(|x| x.field.as_str()).collect::<Vec<_>>(), ["comment", "due_on"]);

        assert_eq!(act(&coordinator, S::Answered, A::Cancel, &back, day(7)), Ok(S::Cancelled));
        assert_eq!(act(&coordinator, S::Accepted, A::Cancel, &back, day(7)), Err(Refusal::WrongState));
        assert_eq!(available(&coordinator, S::Requested), [A::RecordAnswer, A::Cancel]);
        assert_eq!(available(&qa, S::Answered), [A::Accept, A::Reject]);
        assert!(available(&actor(Role::Gm), S::Requested).is_empty());
    }
}
