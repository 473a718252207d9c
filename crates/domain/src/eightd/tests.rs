use super::*;
use crate::case::ContainmentMeasure;
use chrono::NaiveDate;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

fn actor(user_id: i64, roles: &[Role]) -> Actor {
    Actor { user_id, department_id: 1, roles: roles.to_vec() }
}

fn facts(state: EightDState) -> EightDFacts {
    EightDFacts { state, members: vec![40], case_open: true }
}

fn check(evidence: &str) -> Option<VerificationCheck> {
    Some(VerificationCheck { passed: true, evidence: evidence.into() })
}

/// A report with every section complete.
fn complete() -> EightDReport {
    EightDReport {
        team: vec![
            TeamMember { user_id: 10, role: TeamRole::SalesRep },
            TeamMember { user_id: 20, role: TeamRole::Quality },
            TeamMember { user_id: 30, role: TeamRole::Engineering },
        ],
        problem: "电源板焊点虚焊, 不良率 3%".into(),
        containment: vec![ContainmentStep { measure: ContainmentMeasure::Reinspection, description: "库存 1,200 台全检".into(), done_on: Some(day(2)) }],
        root_cause: RootCause { methods: vec![CauseMethod::Fishbone, CauseMethod::SwapTest], cause: "回流焊温区 3 温度偏低".into() },
        actions: vec![PermanentAction { action: "调整炉温曲线并加 AOI 检查".into(), owner_id: 30, due_on: day(5), done_on: Some(day(4)) }],
        verification: Verification {
            works: check("连续 3 批 0 不良"),
            no_new_problem: check("外观与功能全检合格"),
            prevents_recurrence: check("炉温纳入点检表"),
        },
        prevention: Prevention { documents: vec![PreventionDocument::Fmea, PreventionDocument::ControlPlan], note: None },
        closure: Some(Closing { summary: "措施有效, 结案".into(), closed_on: day(6) }),
    }
}

#[test]
fn the_policy_requires_a_report_for_severe_quality_complaints_and_when_the_customer_asks() {
    let p = EightDPolicy::default();
    assert!(p.required(Severity::Severe, ComplaintKind::Quality, false));
    assert!(!p.required(Severity::Severe, ComplaintKind::NonQuality, false));
    assert!(!p.required(Severity::General, ComplaintKind::Quality, false));
    assert!(p.required(Severity::Incidental, ComplaintKind::NonQuality, true));
    let relaxed = EightDPolicy { severe_quality: false, customer_request: true, ..EightDPolicy::default() };
    assert!(!relaxed.required(Severity::Severe, ComplaintKind::Quality, false));
    assert!(relaxed.required(Severity::General, ComplaintKind::Quality, true));
}

#[test]
fn the_report_is_named_after_the_complaint_and_the_product() {
    assert_eq!(name("KS2612-0007", Some(" P-100 ")), "KS2612-0007-P-100");
    assert_eq!(name("KS2612-0007", None), "KS2612-0007");
}

#[test]
fn each_section_says_what_it_lacks_and_a_complete_report_lacks_nothing() {
    assert_eq!(complete().progress(), [true; 8]);
    let empty = EightDReport::default();
    assert_eq!(empty.progress(), [false; 8]);
    let mut r = complete();
    r.team.retain(|m| m.role != TeamRole::Quality);
    r.actions[0].done_on = None;
    r.verification.works = Some(VerificationCheck { passed: false, evidence: "第 2 批仍有 1 台".into() });
    r.prevention = Prevention { documents: vec![], note: Some("  ".into()) };
    assert_eq!(r.progress(), [false, true, true, true, false, false, false, true]);
    let gaps = r.gaps();
    assert_eq!(gaps[4][0].field, "actions[0].done_on");
    assert_eq!((gaps[5][0].field.as_str(), gaps[5][0].rule), ("verification.works.passed", Rule::NotVerified));
    // A note on why no document changed completes D7.
    r.prevention.note = Some("仅为一次性来料问题, 文件无需修改".into());
    assert!(r.progress()[6]);
}

#[test]
fn a_draft_keeps_its_members_unique_and_nothing_done_in_the_future() {
    let mut r = complete();
    r.team.push(TeamMember { user_id: 10, role: TeamRole::Member });
    r.actions[0].done_on = Some(day(9));
    let fields: Vec<String> = r.check_draft(day(6)).into_iter().map(|i| i.field).collect();
    assert_eq!(fields, ["team[3].user_id", "actions[0].done_on"]);
    assert!(complete().check_draft(day(6)).is_empty());
}

#[test]
fn the_team_writes_and_submits_only_a_complete_report_and_the_qa_manager_decides() {
    let qa = actor(20, &[Role::Qa]);
    let member = actor(40, &[Role::Production]);
    let stranger = actor(41, &[Role::Production]);
    let manager = actor(50, &[Role::QaManager]);
    let draft = facts(EightDState::Draft);
    assert_eq!(may_edit(&member, &draft), Ok(()));
    assert_eq!(may_edit(&stranger, &draft), Err(EightDRefusal::Forbidden));
    assert!(matches!(decide(&qa, &draft, EightDAction::Submit, &EightDReport::default(), None), Err(EightDRefusal::Invalid(_))));
    assert_eq!(decide(&qa, &draft, EightDAction::Submit, &complete(), None), Ok(EightDState::InReview));
    let review = facts(EightDState::InReview);
    assert_eq!(may_edit(&qa, &review), Err(EightDRefusal::WrongState));
    assert_eq!(decide(&qa, &review, EightDAction::Approve, &complete(), None), Err(EightDRefusal::Forbidden));
    assert_eq!(decide(&manager, &review, EightDAction::Approve, &complete(), None), Ok(EightDState::Approved));
    assert!(matches!(decide(&manager, &review, EightDAction::SendBack, &complete(), Some(" ")), Err(EightDRefusal::Invalid(_))));
    assert_eq!(decide(&manager, &review, EightDAction::SendBack, &complete(), Some("D4 证据不足")), Ok(EightDState::Draft));
    assert_eq!(available(&manager, &review), [EightDAction::Approve, EightDAction::SendBack]);
    assert_eq!(available(&member, &draft), [EightDAction::Submit]);
    assert!(available(&manager, &facts(EightDState::Approved)).is_empty());
    let closed = EightDFacts { case_open: false, ..draft };
    assert_eq!(may_edit(&qa, &closed), Err(EightDRefusal::WrongState));
}

#[test]
fn a_case_that_needs_a_report_closes_only_once_it_is_approved() {
    assert!(close_allowed(false, None).is_ok());
    assert_eq!(close_allowed(true, None).unwrap_err().rule, Rule::NotApproved);
    assert!(close_allowed(true, Some(EightDState::InReview)).is_err());
    assert!(close_allowed(true, Some(EightDState::Approved)).is_ok());
}

#[test]
fn only_qa_or_the_coordinator_opens_a_report_of_a_registered_open_case() {
    assert_eq!(may_open(&actor(1, &[Role::Qa]), true, true), Ok(()));
    assert_eq!(may_open(&actor(1, &[Role::Coordinator]), true, true), Ok(()));
    assert_eq!(may_open(&actor(1, &[Role::Sales]), true, true), Err(EightDRefusal::Forbidden));
    assert_eq!(may_open(&actor(1, &[Role::Qa]), false, true), Err(EightDRefusal::WrongState));
}

#[test]
fn an_earlier_case_within_the_window_is_a_recurrence() {
    use chrono::TimeZone;
    let p = EightDPolicy::default();
    let filed = chrono::Utc.with_ymd_and_hms(2026, 12, 6, 8, 0, 0).unwrap();
    assert!(p.is_recurrence(filed, filed - chrono::Duration::days(180)), "the window's first day counts");
    assert!(!p.is_recurrence(filed, filed - chrono::Duration::days(180) - chrono::Duration::seconds(1)));
    assert!(p.is_recurrence(filed, filed - chrono::Duration::hours(1)));
    assert!(!p.is_recurrence(filed, filed), "not itself");
    assert!(!p.is_recurrence(filed, filed + chrono::Duration::days(1)), "not a later case");
    let short = EightDPolicy { recurrence_window_days: 30, ..p };
    assert!(!short.is_recurrence(filed, filed - chrono::Duration::days(31)));
}
