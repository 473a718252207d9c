//! Every route, registered once with its OpenAPI description.

pub mod allowances;
pub mod api_keys;
pub mod complaint_statistics;
pub mod complaints;
pub mod contacts;
pub mod customer_access;
pub mod customer_credit;
pub mod customer_policies;
pub mod customer_reports;
pub mod customers;
pub mod deferrals;
pub mod eight_d;
pub mod follow_up_policy;
pub mod handover;
pub mod health;
pub mod improvement;
pub mod letters;
pub mod notice_preferences;
pub mod notice_robots;
pub mod notifications;
pub mod pay;
pub mod penalties;
pub mod penalty_runs;
pub mod people;
pub mod petitions;
pub mod policies;
pub mod return_handling;
pub mod return_note;
pub mod return_policy;
pub mod return_service;
pub mod returns;
pub mod supplier_requests;
pub mod survey_results;
pub mod surveys;
pub mod verifications;
pub mod visits;
pub mod webhooks;
pub mod weekly_statistics;

use crate::auth::routes as auth;
use utoipa_actix_web::service_config::ServiceConfig;

/// The `/api/v1` routes.
pub fn api(cfg: &mut ServiceConfig) {
    cfg.service(auth::login)
        .service(auth::refresh)
        .service(auth::logout)
        .service(auth::me)
        .service(auth::change_password)
        .service(complaints::my_tasks)
        .service(notifications::list)
        .service(notifications::unread_count)
        .service(notifications::mark_all_read)
        .service(notifications::mark_read)
        .service(notice_preferences::get_preferences)
        .service(notice_preferences::put_preferences)
        .service(notice_preferences::deliveries)
        .service(notice_preferences::digests)
        .service(notice_robots::list)
        .service(notice_robots::create)
        .service(notice_robots::update)
        .service(notice_robots::posts)
        .service(people::list_departments)
        .service(people::create_department)
        .service(people::update_department)
        .service(people::list_users)
        .service(people::create_user)
        .service(people::get_user)
        .service(people::update_user)
        .service(webhooks::create)
        .service(webhooks::list)
        .service(webhooks::update)
        .service(webhooks::deliveries)
        .service(api_keys::create)
        .service(api_keys::list)
        .service(api_keys::revoke)
        .service(handover::preview)
        .service(handover::hand_over)
        // Fixed paths before `/customers/{id}`.
        .service(customer_access::list)
        .service(customer_access::create)
        .service(customer_access::decide)
        .service(customers::flow::duplicates)
        .service(customers::io::export)
        .service(customers::io::import)
        .service(customer_reports::import_orders)
        .service(customer_reports::grades)
        .service(customer_reports::regions)
        .service(customer_reports::purchases)
        .service(customer_reports::standing)
        .service(customer_credit::to_decide)
        .service(customer_credit::decide)
        .service(visits::list_visits)
        .service(visits::record)
        .service(visits::report)
        .service(visits::review)
        .service(visits::coverage)
        .service(verifications::list)
        .service(verifications::raise)
        .service(verifications::complete)
        .service(survey_results::summary)
        .service(survey_results::list_followups)
        .service(survey_results::close)
        .service(surveys::public_get)
        .service(surveys::public_answer)
        .service(customers::list_customers)
        .service(customers::create_customer)
        .service(customers::get_customer)
        .service(customers::update_customer)
        .service(customers::flow::review)
        .service(customers::flow::resubmit)
        .service(customers::flow::claim)
        .service(customers::flow::transfer)
        .service(customers::flow::history)
        .service(customers::flow::reads)
        .service(customer_credit::add_check)
        .service(customer_credit::list_checks)
        .service(customer_credit::create_request)
        .service(customer_credit::list_requests)
        .service(customer_credit::supply_hold)
        .service(visits::plan)
        .service(visits::of_customer)
        .service(customer_reports::add_order)
        .service(surveys::enter)
        .service(surveys::link)
        .service(surveys::of_customer)
        .service(complaint_statistics::monthly)
        .service(complaint_statistics::export_monthly)
        .service(weekly_statistics::get_weekly)
        .service(weekly_statistics::export_weekly)
        .service(complaint_statistics::exclusions)
        .service(complaint_statistics::export_exclusions)
        .service(complaints::list_complaints)
        .service(complaints::count_complaints)
        .service(complaints::export_complaints)
        .service(complaints::create_complaint)
        .service(complaints::get_complaint)
        .service(complaints::update_draft)
        .service(complaints::list_events)
        .service(complaints::take_action)
        .service(eight_d::get_one)
        .service(eight_d::open)
        .service(eight_d::save)
        .service(eight_d::act)
        .service(eight_d::list)
        .service(eight_d::recurrence)
        .service(eight_d::get_policy)
        .service(eight_d::put_policy)
        .service(penalties::get_policy)
        .service(penalties::put_policy)
        .service(penalty_runs::list)
        .service(penalty_runs::create)
        .service(penalty_runs::get_one)
        .service(penalty_runs::act_on_run)
        .service(penalty_runs::act_on_item)
        .service(penalty_runs::publication)
        .service(penalty_runs::deductions)
        .service(penalty_runs::ledger)
        .service(pay::list_teams)
        .service(pay::create_team)
        .service(pay::update_team)
        .service(pay::export)
        .service(pay::import_sheet)
        .service(pay::list)
        .service(pay::set)
        .service(improvement::get_marks)
        .service(improvement::put_marks)
        .service(improvement::get_check)
        .service(improvement::record_check)
        .service(improvement::list_checks)
        .service(follow_up_policy::get_policy)
        .service(follow_up_policy::put_policy)
        .service(letters::get_one)
        .service(letters::of_case)
        .service(letters::answer)
        .service(contacts::of_case)
        .service(contacts::survey_link)
        .service(contacts::record)
        .service(deferrals::of_case)
        .service(deferrals::request)
        .service(deferrals::decide)
        .service(deferrals::list)
        .service(petitions::of_case)
        .service(petitions::raise)
        .service(petitions::act)
        .service(petitions::list)
        .service(supplier_requests::of_case)
        .service(supplier_requests::act)
        .service(supplier_requests::list)
        .service(returns::list)
        .service(returns::export)
        .service(returns::create)
        .service(returns::get_one)
        .service(returns::edit)
        .service(returns::act)
        .service(return_service::inspect)
        .service(return_service::originals)
        .service(return_note::issue)
        .service(return_note::act)
        .service(return_note::proof)
        .service(return_handling::act)
        .service(allowances::create)
        .service(allowances::list)
        .service(allowances::get_one)
        .service(allowances::act)
        .service(return_policy::get_policy)
        .service(return_policy::put_policy)
        .service(policies::get_approval)
        .service(policies::put_approval)
        .service(policies::get_deadlines)
        .service(policies::put_deadlines)
        .service(policies::list_days)
        .service(policies::put_day)
        .service(policies::delete_day)
        .service(customer_policies::get_archive)
        .service(customer_policies::put_archive)
        .service(customer_policies::get_care)
        .service(customer_policies::put_care);
}
