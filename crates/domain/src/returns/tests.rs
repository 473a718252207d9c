use super::*;
use crate::issue::Rule;
use chrono::{NaiveDate, TimeZone};

const SALES_DEPT: i64 = 2;

fn actor(user_id: i64, department_id: i64, roles: &[Role]) -> Actor {
    Actor { user_id, department_id, roles: roles.to_vec() }
}

fn facts(state: ReturnState) -> ReturnFacts {
    ReturnFacts { state, raised_by: 7, sales_department_id: SALES_DEPT, extended: false, eligibility_issues: Vec::new() }
}

fn salesperson() -> Actor {
    actor(7, SALES_DEPT, &[Role::Sales])
}

fn supervisor() -> Actor {
    actor(8, SALES_DEPT, &[Role::SalesSupervisor])
}

fn marketing_manager() -> Actor {
    actor(9, 5, &[Role::MarketingManager])
}

fn gm() -> Actor {
    actor(10, 6, &[Role::Gm])
}

#[test]
fn the_chain_runs_supervisor_marketing_manager_general_manager() {
    let mut f = facts(ReturnState::Draft);
    for (who, action, to) in [
        (salesperson(), ReturnAction::Submit, ReturnState::SupervisorReview),
        (supervisor(), ReturnAction::Approve, ReturnState::MarketingReview),
        (marketing_manager(), ReturnAction::Approve, ReturnState::GmApproval),
        (gm(), ReturnAction::Approve, ReturnState::Approved),
    ] {
        let d = decide(&who, &f, action, None).unwrap();
        assert_eq!(d.to, to);
        assert!(d.restarts_clock);
        f.state = d.to;
    }
    assert!(!f.state.is_open());
}

#[test]
fn the_last_approval_tells_production_planning_and_finance() {
    let d = decide(&gm(), &facts(ReturnState::GmApproval), ReturnAction::Approve, None).unwrap();
    assert_eq!(d.notify, [Role::Production, Role::Finance]);
    let d = decide(&supervisor(), &facts(ReturnState::SupervisorReview), ReturnAction::Approve, None).unwrap();
    assert!(d.notify.is_empty());
}

#[test]
fn only_the_steps_own_people_act_on_it() {
    let other_supervisor = actor(11, 3, &[Role::SalesSupervisor]);
    let manager = actor(12, SALES_DEPT, &[Role::SalesManager]);
    let s = facts(ReturnState::SupervisorReview);
    assert_eq!(decide(&other_supervisor, &s, ReturnAction::Approve, None), Err(Refusal::Forbidden));
    assert_eq!(decide(&salesperson(), &s, ReturnAction::Approve, None), Err(Refusal::Forbidden));
    assert_eq!(decide(&manager, &s, ReturnAction::Approve, None).map(|d| d.to), Ok(ReturnState::MarketingReview));
    assert_eq!(decide(&gm(), &facts(ReturnState::MarketingReview), ReturnAction::Approve, None), Err(Refusal::Forbidden));
    assert_eq!(decide(&marketing_manager(), &facts(ReturnState::GmApproval), ReturnAction::Approve, None), Err(Refusal::Forbidden));
    assert_eq!(decide(&supervisor(), &facts(ReturnState::Draft), ReturnAction::Submit, None), Err(Refusal::Forbidden));
}

#[test]
fn each_step_may_refuse_with_a_reason() {
    for (who, state) in [(supervisor(), ReturnState::SupervisorReview), (marketing_manager(), ReturnState::MarketingReview), (gm(), ReturnState::GmApproval)] {
        let f = facts(state);
        assert!(matches!(decide(&who, &f, ReturnAction::Refuse, None), Err(Refusal::Invalid(i)) if i[0].field == "reason"));
        assert!(matches!(decide(&who, &f, ReturnAction::Refuse, Some("  ")), Err(Refusal::Invalid(_))));
        assert_eq!(decide(&who, &f, ReturnAction::Refuse, Some("客户已同意继续使用")).map(|d| d.to), Ok(ReturnState::Refused));
    }
}

#[test]
fn an_ineligible_application_is_not_submitted() {
    let mut f = facts(ReturnState::Draft);
    f.eligibility_issues = eligibility::Eligibility::default().check();
    match decide(&salesperson(), &f, ReturnAction::Submit, None) {
        Err(Refusal::Invalid(issues)) => assert_eq!(issues[0].rule, Rule::Required),
        other => panic!("{other:?}"),
    }
}

#[test]
fn actions_out_of_place_are_wrong_state() {
    for s in [ReturnState::Approved, ReturnState::Refused, ReturnState::Withdrawn] {
        for a in ReturnAction::ALL {
            assert_eq!(decide(&gm(), &facts(s), *a, Some("r")), Err(Refusal::WrongState), "{s:?} {a:?}");
        }
    }
    assert_eq!(decide(&salesperson(), &facts(ReturnState::SupervisorReview), ReturnAction::Submit, None), Err(Refusal::WrongState));
    assert_eq!(decide(&gm(), &facts(ReturnState::Draft), ReturnAction::Approve, None), Err(Refusal::WrongState));
}

#[test]
fn the_applicant_withdraws_while_it_is_open_and_nobody_else() {
    let f = facts(ReturnState::MarketingReview);
    assert_eq!(decide(&salesperson(), &f, ReturnAction::Withdraw, None).map(|d| d.to), Ok(ReturnState::Withdrawn));
    assert_eq!(decide(&marketing_manager(), &f, ReturnAction::Withdraw, None), Err(Refusal::Forbidden));
}

#[test]
fn a_step_is_extended_once_with_a_reason_and_keeps_its_place() {
    let mut f = facts(ReturnState::MarketingReview);
    let d = decide(&marketing_manager(), &f, ReturnAction::Extend, Some("等待客户补寄保修卡")).unwrap();
    assert_eq!((d.to, d.extends, d.restarts_clock), (ReturnState::MarketingReview, true, false));
    assert!(matches!(decide(&marketing_manager(), &f, ReturnAction::Extend, None), Err(Refusal::Invalid(_))));
    f.extended = true;
    assert_eq!(decide(&marketing_manager(), &f, ReturnAction::Extend, Some("again")), Err(Refusal::WrongState));
}

#[test]
fn one_working_day_in_a_department_three_with_a_reason_on_the_company_calendar() {
    let mut cal = Calendar::new(chrono_tz::Asia::Shanghai);
    let sh = |m, d, h| chrono_tz::Asia::Shanghai.with_ymd_and_hms(2026, m, d, h, 0, 0).unwrap().with_timezone(&Utc);
    let p = ReturnPolicy::default();
    // Thursday 10:00 → Friday 10:00; Friday 10:00 → Monday 10:00 across the weekend.
    assert_eq!(p.step_due(&cal, sh(11, 19, 10), false), sh(11, 20, 10));
    assert_eq!(p.step_due(&cal, sh(11, 20, 10), false), sh(11, 23, 10));
    // With a reason: three working days, Friday → Wednesday.
    assert_eq!(p.step_due(&cal, sh(11, 20, 10), true), sh(11, 25, 10));
    // A holiday on the Monday moves it to Tuesday.
    cal.overrides.insert(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), false);
    assert_eq!(p.step_due(&cal, sh(11, 20, 10), false), sh(11, 24, 10));
    // An administrator's longer limit applies.
    let lenient = ReturnPolicy { step_working_days: 2, ..ReturnPolicy::default() };
    assert_eq!(lenient.step_due(&cal, sh(11, 19, 10), false), sh(11, 24, 10));
}

#[test]
fn a_supervisor_does_not_approve_his_own_application_his_manager_does() {
    let mut f = facts(ReturnState::SupervisorReview);
    f.raised_by = supervisor().user_id;
    assert_eq!(decide(&supervisor(), &f, ReturnAction::Approve, None), Err(Refusal::Forbidden));
    let manager = actor(11, SALES_DEPT, &[Role::SalesManager]);
    assert_eq!(decide(&manager, &f, ReturnAction::Approve, None).unwrap().to, ReturnState::MarketingReview);
}

#[test]
fn who_reads_an_application() {
    let draft = facts(ReturnState::Draft);
    let approved = facts(ReturnState::Approved);
    let warehouse = actor(20, 9, &[Role::Warehouse]);
    let other_sales = actor(21, 3, &[Role::Sales]);
    let other_supervisor = actor(22, 3, &[Role::SalesSupervisor]);
    for (who, sees_draft, sees_approved) in [
        (salesperson(), true, true),
        (supervisor(), true, true),
        (marketing_manager(), true, true),
        (gm(), true, true),
        (warehouse, false, true),
        (other_sales, false, false),
        (other_supervisor, false, false),
    ] {
        let scope = application::read_scope(&who);
        assert_eq!((scope.admits(&draft), scope.admits(&approved)), (sees_draft, sees_approved), "{who:?}");
    }
}

#[test]
fn a_document_step_is_extended_once_while_its_clock_runs() {
    let running = StepClock { running: true, extended: false };
    assert_eq!(running.extend("comment", Some("等客户签回")), Ok(()));
    let Err(Refusal::Invalid(issues)) = running.extend("comment", Some("  ")) else { panic!("a blank reason") };
    assert_eq!(issues[0].field, "comment");
    assert_eq!(StepClock { extended: true, ..running }.extend("comment", Some("again")), Err(Refusal::WrongState));
    assert_eq!(StepClock::default().extend("comment", Some("no clock")), Err(Refusal::WrongState));
}
