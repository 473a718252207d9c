use super::*;
use crate::approval::ApprovalPolicy;
use crate::deadline::{Calendar, DeadlinePolicy};
use crate::intake::{Channel, CustomerRequest};
use crate::issue::Rule;
use crate::resolution::ResolutionKind;
use chrono::{NaiveDate, TimeZone};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap()
}

fn case(state: State) -> Case {
    Case {
        state,
        market: Market::Domestic,
        numbered: false,
        registered_at: None,
        case_due_at: None,
        is_major: false,
        engineering_requested: false,
        containment_recorded: false,
        settlement_total: None,
        eight_d_required: false,
        eight_d_state: None,
        repeat_of: None,
        intake: Intake {
            product_number: Some("BRK-2207".into()),
            ship_date: NaiveDate::from_ymd_opt(2026, 11, 1),
            quantity_shipped: Some(1000),
            defective_quantity: Some(25),
            found_at: Some("来料检验".into()),
            description: Some("边缘毛刺".into()),
            requests: vec![CustomerRequest::Compensation],
            channel: Some(Channel::Phone),
            ..Intake::default()
        },
    }
}

fn with<T>(f: impl FnOnce(&Rules) -> T) -> T {
    let cal = Calendar::new(chrono_tz::Asia::Shanghai);
    let deadlines = DeadlinePolicy::default();
    let approval = ApprovalPolicy::default();
    f(&Rules {
        calendar: &cal,
        deadlines: &deadlines,
        approval: Some((&approval, 3)),
        loss: Some(LossPolicy::default()),
        eight_d: Some(EightDPolicy::default()),
    })
}

fn decide_on(c: &Case, cmd: Command) -> Result<Decision, Refused> {
    with(|r| decide(c, cmd, 7, r, now()))
}

fn reason() -> Reason {
    Reason { reason: "因为".into() }
}

fn issues(r: Result<Decision, Refused>) -> Vec<(String, Rule)> {
    match r {
        Err(Refused::Invalid(v)) => v.into_iter().map(|i| (i.field, i.rule)).collect(),
        other => panic!("expected field issues, got {other:?}"),
    }
}

#[test]
fn submit_needs_a_complete_form_and_tells_the_coordinator() {
    let d = decide_on(&case(State::Draft), Command::Submit(Note::default())).unwrap();
    assert_eq!(d.to(), State::AwaitingRegistration);
    assert_eq!(d.notices, [Notice::Waiting(EventType::ComplaintSubmitted)]);
    assert!(d.movement.unwrap().step_due_at.is_some());
    let mut draft = case(State::Draft);
    draft.intake.ship_date = None;
    assert_eq!(issues(decide_on(&draft, Command::Submit(Note::default()))), [("ship_date".to_owned(), Rule::Required)]);
}

#[test]
fn register_numbers_once_and_sets_the_clocks() {
    let r = Register {
        severity: Severity::Severe,
        kind: ComplaintKind::Quality,
        non_quality_cause: None,
        is_major: true,
        eight_d_requested: false,
        repeat_of: None,
        note: None,
    };
    let d = decide_on(&case(State::AwaitingRegistration), Command::Register(r.clone())).unwrap();
    assert_eq!(d.number_in, Some(Period { year: 2026, month: 11 }));
    let Change::Registered(reg) = &d.change else { panic!("{:?}", d.change) };
    assert_eq!(reg.registered_at, Some(now()));
    assert_eq!(reg.containment_due_at, Some(now() + chrono::Duration::hours(24)), "severe quality: containment within 24 hours");
    assert!(reg.eight_d_required, "severe quality: an 8D report");
    assert!(d.notices.contains(&Notice::MajorAlert));
    // Submitted again after a return to sales: same number, same clock, no second alert.
    let again = Case { numbered: true, registered_at: Some(now() - chrono::Duration::days(2)), is_major: true, ..case(State::AwaitingRegistration) };
    let d = decide_on(&again, Command::Register(r.clone())).unwrap();
    assert_eq!(d.number_in, None);
    let Change::Registered(reg) = &d.change else { panic!() };
    assert_eq!(reg.registered_at, None);
    assert!(!d.notices.contains(&Notice::MajorAlert));
    // A case raised by a failed effectiveness check keeps its link unless the register names another.
    let linked = Case { repeat_of: Some(41), ..case(State::AwaitingRegistration) };
    let d = decide_on(&linked, Command::Register(r.clone())).unwrap();
    assert!(matches!(&d.change, Change::Registered(x) if x.repeat_of == Some(41)));
    let d = decide_on(&linked, Command::Register(Register { repeat_of: Some(7), ..r })).unwrap();
    assert!(matches!(&d.change, Change::Registered(x) if x.repeat_of == Some(7)));
}

#[test]
fn a_non_quality_complaint_names_its_cause() {
    let r = Register {
        severity: Severity::General,
        kind: ComplaintKind::NonQuality,
        non_quality_cause: None,
        is_major: false,
        eight_d_requested: false,
        repeat_of: None,
        note: None,
    };
    assert_eq!(issues(decide_on(&case(State::AwaitingRegistration), Command::Register(r))), [("non_quality_cause".to_owned(), Rule::Required)]);
}

#[test]
fn conclusion_ratios_add_up_and_the_unit_is_responsible() {
    let share = |department_id, ratio_percent| Share { department_id, team: None, person_id: None, ratio_percent, supplier: None };
    let c = |responsible, unit| {
        Command::ConcludeInvestigation(Conclude {
            defect_verified: true,
            cause: "模具磨损".into(),
            findings: None,
            responsible,
            countermeasure_department_id: unit,
            engineering_needed: false,
        })
    };
    let qa = case(State::QaInvestigation);
    let d = decide_on(&qa, c(vec![share(3, 30), share(4, 70)], None)).unwrap();
    let Change::Concluded(k) = &d.change else { panic!() };
    assert_eq!(k.countermeasure_department_id, Some(4), "the largest share drafts the countermeasures");
    assert_eq!(d.to(), State::ProductionCountermeasure);
    let fields = issues(decide_on(&qa, c(vec![share(3, 30), share(4, 0)], Some(9))));
    assert_eq!(
        fields,
        [
            ("responsible[1].ratio_percent".to_owned(), Rule::OutOfRange),
            ("responsible".to_owned(), Rule::RatiosNot100),
            ("countermeasure_department_id".to_owned(), Rule::NotResponsible)
        ]
    );
    assert_eq!(issues(decide_on(&qa, c(vec![], None))), [("responsible".to_owned(), Rule::Required)]);
}

#[test]
fn a_proposal_values_its_lines_and_voids_nothing_else() {
    let line = |kind, quantity, unit_price: Option<&str>, amount: Option<&str>| ProposedLine {
        kind,
        quantity,
        unit_price: unit_price.map(|m| m.parse().unwrap()),
        amount: amount.map(|m| m.parse().unwrap()),
        transport_cost: None,
        remarks: None,
    };
    let sp = case(State::SalesProposal);
    let p = Propose {
        lines: vec![line(ResolutionKind::Return, Some(10), Some("100.00"), None), line(ResolutionKind::Compensation, None, None, Some("50.00"))],
        note: None,
    };
    let d = decide_on(&sp, Command::ProposeResolution(p)).unwrap();
    let Change::Proposed(pr) = &d.change else { panic!() };
    assert_eq!((pr.settlement_total.to_string(), pr.loss_total.to_string()), ("1050.00".into(), "250.00".into()), "a return counts 20 % as loss");
    let bad = Propose { lines: vec![line(ResolutionKind::Return, Some(3), None, None)], note: None };
    assert_eq!(issues(decide_on(&sp, Command::ProposeResolution(bad))), [("lines[0].unit_price".to_owned(), Rule::InvalidLine)]);
    assert_eq!(issues(decide_on(&sp, Command::ProposeResolution(Propose { lines: vec![], note: None }))), [("lines".to_owned(), Rule::Count)]);
}

#[test]
fn approval_is_routed_by_the_total_and_recorded_with_the_policy_version() {
    let c = Case { settlement_total: Some("120000.00".parse().unwrap()), ..case(State::Consolidation) };
    let d = decide_on(&c, Command::SubmitForApproval(Opinion { opinion: "同意".into() })).unwrap();
    let Change::Routed(r) = &d.change else { panic!() };
    assert_eq!((r.tier, r.approver_role, r.policy_version), (2, Role::DeputyGm, 3));
    assert_eq!(d.record, Record::Routed(r.clone()));
}

#[test]
fn the_customer_not_accepting_supersedes_the_case_with_a_new_draft() {
    let o = |accepted| Command::RecordOutcome(Outcome { accepted, answered_on: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), remarks: None });
    let neg = case(State::CustomerNegotiation);
    let d = decide_on(&neg, o(false)).unwrap();
    assert!(d.follow_up);
    assert_eq!(d.movement.unwrap().closure, Some(Closure::Superseded));
    let d = decide_on(&neg, o(true)).unwrap();
    assert!(!d.follow_up);
    assert_eq!(d.to(), State::AwaitingCountersign);
}

#[test]
fn closing_late_asks_the_late_steps_why() {
    let late = Case { case_due_at: Some(now() - chrono::Duration::days(1)), ..case(State::AwaitingClose) };
    let d = decide_on(&late, Command::Close(Remarks::default())).unwrap();
    assert_eq!(d.movement.as_ref().unwrap().first_closure, Some(false));
    assert!(d.notices.contains(&Notice::LateCloseInquiry));
    let in_time = Case { case_due_at: Some(now() + chrono::Duration::days(1)), ..case(State::AwaitingClose) };
    let d = decide_on(&in_time, Command::Close(Remarks::default())).unwrap();
    assert_eq!(d.movement.as_ref().unwrap().first_closure, Some(true));
    assert!(!d.notices.contains(&Notice::LateCloseInquiry));
}

#[test]
fn sending_back_from_negotiation_voids_the_approval() {
    assert_eq!(decide_on(&case(State::CustomerNegotiation), Command::SendBack(reason())).unwrap().change, Change::ApprovalVoided);
    assert_eq!(decide_on(&case(State::PendingApproval), Command::SendBack(reason())).unwrap().change, Change::None);
}

#[test]
fn containment_is_recorded_in_place_and_reminders_stay() {
    let c = Command::RecordContainment(Containment { measures: vec![ContainmentMeasure::Quarantine], description: "隔离".into(), taken_at: None });
    let d = decide_on(&case(State::QaInvestigation), c).unwrap();
    assert_eq!(d.movement, None);
    assert_eq!(d.notices, [Notice::Updated]);
    assert!(matches!(&d.change, Change::ContainmentAdded { first: true, entry } if entry.by == 7 && entry.taken_at == now()));
    let d = decide_on(&case(State::QaInvestigation), Command::Remind(Note::default())).unwrap();
    assert_eq!(d.notices, [Notice::Reminder]);
}

#[test]
fn wrong_states_refuse_and_missing_policies_are_the_service_s_fault() {
    assert_eq!(decide_on(&case(State::Draft), Command::Approve(Approve::default())), Err(Refused::WrongState));
    let cal = Calendar::new(chrono_tz::Asia::Shanghai);
    let deadlines = DeadlinePolicy::default();
    let bare = Rules { calendar: &cal, deadlines: &deadlines, approval: None, loss: None, eight_d: None };
    let r = decide(&case(State::Consolidation), Command::SubmitForApproval(Opinion { opinion: "x".into() }), 1, &bare, now());
    assert!(matches!(r, Err(Refused::Internal(_))));
}

#[test]
fn a_case_that_needs_an_8d_report_closes_only_once_the_qa_manager_approved_it() {
    let general = Register {
        severity: Severity::General,
        kind: ComplaintKind::Quality,
        non_quality_cause: None,
        is_major: false,
        eight_d_requested: false,
        repeat_of: None,
        note: None,
    };
    let d = decide_on(&case(State::AwaitingRegistration), Command::Register(general.clone())).unwrap();
    assert!(matches!(&d.change, Change::Registered(r) if !r.eight_d_required));
    let asked = Register { eight_d_requested: true, ..general.clone() };
    let d = decide_on(&case(State::AwaitingRegistration), Command::Register(asked)).unwrap();
    assert!(matches!(&d.change, Change::Registered(r) if r.eight_d_required), "the customer asked for one");
    // Once needed, a new classification does not drop it.
    let needed = Case { eight_d_required: true, numbered: true, ..case(State::AwaitingRegistration) };
    let d = decide_on(&needed, Command::Register(general)).unwrap();
    assert!(matches!(&d.change, Change::Registered(r) if r.eight_d_required));
    let waiting = Case { eight_d_required: true, eight_d_state: Some(EightDState::InReview), ..case(State::AwaitingClose) };
    assert_eq!(issues(decide_on(&waiting, Command::Close(Remarks::default()))), [("eight_d".to_owned(), Rule::NotApproved)]);
    let approved = Case { eight_d_state: Some(EightDState::Approved), ..waiting };
    assert_eq!(decide_on(&approved, Command::Close(Remarks::default())).unwrap().to(), State::Closed);
}

#[test]
fn a_petition_sends_the_case_back_and_voids_the_approval_before_the_customer() {
    let deadlines = DeadlinePolicy::default();
    let cal = Calendar::new(chrono_tz::Asia::Shanghai);
    let rules = Rules { calendar: &cal, deadlines: &deadlines, approval: None, loss: None, eight_d: None };
    let c = case(State::AwaitingClose);
    let d = send_back_to(&c, State::QaInvestigation, &rules, now());
    assert_eq!(d.to(), State::QaInvestigation);
    assert_eq!(d.change, Change::ApprovalVoided);
    assert!(d.movement.as_ref().unwrap().step_due_at.is_some());
    assert!(d.notices.contains(&Notice::Waiting(EventType::ComplaintStateChanged)));
    assert_eq!(send_back_to(&c, State::CustomerNegotiation, &rules, now()).change, Change::None);
}
