//! `kehu seed-demo`: a demo factory with one user per role and complaints in
//! several states. Running it again adds nothing.

use crate::app::{bootstrap, workflow};
use crate::auth::{password, Caller};
use crate::error::{ApiError, ApiResult};
use chrono::Utc;
use kehu_domain::{Action, Role};
use kehu_persistence::complaints::{self, IntakeRow, NewComplaint};
use kehu_persistence::customers::{self, CustomerForm, NewContact, NewCustomer};
use kehu_persistence::events::{self, EventRow};
use kehu_persistence::people::{self, NewDepartment, NewUser};
use kehu_persistence::{write_tx, DbConn};

pub const DEMO_PASSWORD: &str = "kehu-demo-pass";

const DEPARTMENTS: [(&str, &str, &str); 10] = [
    ("sales-1", "业务一部", "sales"),
    ("sales-2", "业务二部", "sales"),
    ("gm-office", "总经理室生产管理组", "gm_office"),
    ("quality", "质量管理部", "quality"),
    ("production", "制造部", "production"),
    ("engineering", "研发部", "engineering"),
    ("executive", "总经理室", "executive"),
    ("it", "信息部", "it"),
    ("finance", "财务部", "finance"),
    ("marketing", "市场营销部", "marketing"),
];

const USERS: [(&str, &str, &str, Role); 14] = [
    ("sales", "张业务", "sales-1", Role::Sales),
    ("sales_manager", "李经理", "sales-1", Role::SalesManager),
    ("sales3", "钱业务", "sales-1", Role::Sales),
    ("sales2", "王业务", "sales-2", Role::Sales),
    ("sales_manager2", "赵经理", "sales-2", Role::SalesManager),
    ("coordinator", "陈协调", "gm-office", Role::Coordinator),
    ("qa", "刘品保", "quality", Role::Qa),
    ("production", "孙制造", "production", Role::Production),
    ("engineering", "周研发", "engineering", Role::Engineering),
    ("deputy_gm", "吴副总", "executive", Role::DeputyGm),
    ("gm", "郑总", "executive", Role::Gm),
    ("admin", "系统管理员", "it", Role::Admin),
    ("marketing", "冯档案", "marketing", Role::Marketing),
    ("finance", "何会计", "finance", Role::Finance),
];

pub struct Report {
    pub created_users: usize,
    pub created_complaints: usize,
}

fn caller_for(conn: &mut DbConn, username: &str) -> ApiResult<Caller> {
    let u = people::user_by_username(conn, username)?.ok_or(ApiError::NotFound)?;
    let roles = people::roles_of(conn, u.id)?.iter().filter_map(|r| r.parse().ok()).collect();
    Ok(Caller { user_id: u.id, org_id: u.org_id, department_id: u.department_id, roles, display_name: u.display_name })
}

pub fn seed(conn: &mut DbConn) -> ApiResult<Report> {
    let org = bootstrap::ensure_company(conn)?;
    let hash = password::hash(DEMO_PASSWORD).map_err(|e| ApiError::Internal(e.to_string()))?;
    write_tx(conn, |c| {
        let now = Utc::now().naive_utc();
        for (code, name, kind) in DEPARTMENTS {
            if people::department_by_code(c, org.id, code)?.is_none() {
                people::insert_department(c, &NewDepartment { org_id: org.id, code, name, kind, created_at: now, updated_at: now })?;
            }
        }
        let mut created_users = 0;
        for (username, display, dept, role) in USERS {
            if people::user_by_username(c, username)?.is_some() {
                continue;
            }
            let d = people::department_by_code(c, org.id, dept)?.ok_or(ApiError::NotFound)?;
            let u = people::insert_user(
                c,
                &NewUser {
                    org_id: org.id,
                    username,
                    display_name: display,
                    email: None,
                    phone: None,
                    password_hash: &hash,
                    department_id: d.id,
                    created_at: now,
                    updated_at: now,
                },
            )?;
            people::set_roles(c, u.id, &[role.as_str()])?;
            created_users += 1;
        }
        let sales = caller_for(c, "sales")?;
        let sales2 = caller_for(c, "sales2")?;
        let manager = caller_for(c, "sales_manager")?;
        let demo_customers = [
            ("C-0001", "苏州精密机械有限公司", "domestic", &sales, "key", "A", "华东", "王建国", "0512-6000 0001"),
            ("C-0002", "宁波汽配制造有限公司", "domestic", &sales, "general", "B", "华东", "李娜", "0574-8800 0002"),
            ("C-0003", "Hanse Automotive GmbH", "foreign", &sales, "general", "A", "欧洲", "Jonas Weber", "+49 40 1234 5678"),
            ("C-0004", "东莞电子科技有限公司", "domestic", &sales2, "target", "C", "华南", "陈伟", "0769-2200 0004"),
        ];
        let mut customer_ids = Vec::new();
        let today = crate::app::customers::today(c, org.id)?;
        let policy = crate::app::customers::archive_policy(c, org.id)?;
        for (code, name, market, owner, category, class, region, contact, phone) in demo_customers {
            let id = match customers::by_code(c, org.id, code)? {
                Some(cu) => cu.id,
                None => {
                    let cu = customers::insert(
                        c,
                        &NewCustomer {
                            org_id: org.id,
                            code: code.into(),
                            owner_id: owner.user_id,
                            department_id: owner.department_id,
                            status: "active".into(),
                            registration_due: None,
                            submitted_by: Some(owner.user_id),
                            submitted_at: Some(now),
                            archived_at: Some(now),
                            protected_until: Some(policy.protected_until(today, None)),
                            created_at: now,
                            updated_at: now,
                        },
                        &CustomerForm {
                            name: name.into(),
                            kind: "legal".into(),
                            market: market.into(),
                            category: category.into(),
                            customer_class: Some(class.into()),
                            region: Some(region.into()),
                            confidentiality: "secret".into(),
                            first_contact_on: Some(today),
                            name_key: kehu_domain::customer::name_key(name),
                            ..Default::default()
                        },
                    )?;
                    let contact = NewContact {
                        customer_id: cu.id,
                        position: 0,
                        name: contact.into(),
                        title: Some("采购部经理".into()),
                        phone: Some(phone.into()),
                        mobile: None,
                        email: None,
                    };
                    customers::replace_contacts(c, cu.id, &[contact])?;
                    if category == "key" {
                        // A key customer has two people on it (domain.md §2).
                        customers::set_staff(c, cu.id, &[manager.user_id], manager.user_id, now)?;
                    }
                    crate::app::customers::refresh_derived(c, &cu)?;
                    cu.id
                }
            };
            customer_ids.push(id);
        }
        // Complaints only on the first run: their presence marks the seed done.
        if complaints::any_in_org(c, org.id)? {
            return Ok(Report { created_users, created_complaints: 0 });
        }
        let scenarios: [(usize, &str, &str, &[Action]); 5] = [
            (0, "BRK-2207", "边缘毛刺，装配卡滞", &[]),
            (1, "SHF-1180", "轴径超差 0.02mm", &[Action::Submit]),
            (0, "BRK-2210", "镀层起泡，盐雾试验不合格", &[Action::Submit, Action::Register]),
            (2, "GEAR-88", "Noise at 3000 rpm, 12 of 400 units", &[Action::Submit, Action::Register, Action::ConcludeInvestigation]),
            (
                1,
                "SHF-1200",
                "包装破损，外观划伤",
                &[Action::Submit, Action::Register, Action::ConcludeInvestigation, Action::SubmitCountermeasure, Action::ForwardToSales],
            ),
        ];
        let mut created = 0;
        for (ci, product, description, actions) in scenarios {
            let row = complaints::insert(
                c,
                &NewComplaint {
                    org_id: org.id,
                    state: "draft".into(),
                    customer_id: customer_ids[ci],
                    sales_department_id: sales.department_id,
                    created_by: sales.user_id,
                    market: if ci == 2 { "foreign".into() } else { "domestic".into() },
                    step_entered_at: now,
                    supersedes_id: None,
                    created_at: now,
                    updated_at: now,
                },
                &IntakeRow {
                    order_number: Some(format!("SO-{product}")),
                    product_number: Some(product.into()),
                    product_spec: Some("标准".into()),
                    ship_date: Some(now.date() - chrono::Duration::days(10)),
                    quantity_shipped: Some(400),
                    defective_quantity: Some(12),
                    found_at: Some("来料检验".into()),
                    description: Some(description.into()),
                    requests: "return".into(),
                    request_quantity_undetermined: false,
                    claim_amount_fen: Some(1_200_000),
                    channel: Some("phone".into()),
                    has_sample: true,
                    sample_return_required: false,
                },
            )?;
            events::insert_event(
                c,
                &EventRow {
                    id: 0,
                    complaint_id: row.id,
                    seq: 1,
                    action: "create".into(),
                    from_state: None,
                    to_state: "draft".into(),
                    actor_id: Some(sales.user_id),
                    actor_role: Some("sales".into()),
                    at: now,
                    body: "{}".into(),
                    step_due_at: None,
                },
            )?;
            let mut version = row.version;
            for a in actions.iter() {
                let (who, body) = demo_step(c, *a)?;
                version = workflow::apply(c, &who, row.id, version, *a, body.to_string().as_bytes(), &None)?.row.version;
            }
            created += 1;
        }
        Ok(Report { created_users, created_complaints: created })
    })
}

fn demo_step(c: &mut DbConn, a: Action) -> ApiResult<(Caller, serde_json::Value)> {
    Ok(match a {
        Action::Submit => (caller_for(c, "sales")?, serde_json::json!({})),
        Action::Register => (caller_for(c, "coordinator")?, serde_json::json!({"severity": "general", "kind": "quality", "is_major": false})),
        Action::ConcludeInvestigation => {
            let production = caller_for(c, "production")?;
            (
                caller_for(c, "qa")?,
                serde_json::json!({"defect_verified": true, "cause": "模具磨损", "responsible": [{"department_id": production.department_id, "team": "冲压一班", "ratio_percent": 100}]}),
            )
        }
        Action::SubmitCountermeasure => (
            caller_for(c, "production")?,
            serde_json::json!({"cause_analysis": "模具刃口磨损未及时更换", "containment": "库存全检，隔离不良品", "permanent_actions": "刃口每 5 万冲次检查一次"}),
        ),
        Action::ForwardToSales => (caller_for(c, "coordinator")?, serde_json::json!({"remarks": "请业务拟定处理意见"})),
        _ => return Err(ApiError::Internal("no demo step".into())),
    })
}

/// The demo (`kehu seed-demo`): [`seed`] and a little life in the archive —
/// a registration waiting for the manager, orders, a visit plan and an
/// answered survey. Added once. Tests start from [`seed`] alone.
pub fn seed_demo(conn: &mut DbConn) -> ApiResult<Report> {
    let report = seed(conn)?;
    let org = people::default_org(conn)?.ok_or(ApiError::NotFound)?;
    write_tx(conn, |c| {
        let now = Utc::now().naive_utc();
        let today = crate::app::customers::today(c, org.id)?;
        let mut ids = Vec::new();
        for code in ["C-0001", "C-0002"] {
            ids.push(customers::by_code(c, org.id, code)?.ok_or(ApiError::NotFound)?.id);
        }
        archive_activity(c, org.id, &ids, today, now)
    })?;
    Ok(report)
}

fn archive_activity(c: &mut DbConn, org_id: i64, customer_ids: &[i64], today: chrono::NaiveDate, now: chrono::NaiveDateTime) -> ApiResult<()> {
    use kehu_persistence::care::{self, Order, Survey, Visit};
    if customers::by_code(c, org_id, "C-0005")?.is_some() {
        return Ok(());
    }
    let sales = caller_for(c, "sales")?;
    let sales3 = caller_for(c, "sales3")?;
    let policy = crate::app::customers::archive_policy(c, org_id)?;
    let cal = crate::app::policy::calendar(c, org_id)?;
    let first_contact = today - chrono::Duration::days(3);
    let pending = customers::insert(
        c,
        &NewCustomer {
            org_id,
            code: "C-0005".into(),
            owner_id: sales3.user_id,
            department_id: sales3.department_id,
            status: "pending_review".into(),
            registration_due: Some(cal.add_working_days_to(first_contact, policy.registration_working_days)),
            submitted_by: Some(sales3.user_id),
            submitted_at: Some(now),
            archived_at: None,
            protected_until: None,
            created_at: now,
            updated_at: now,
        },
        &CustomerForm {
            name: "常州华力液压有限公司".into(),
            kind: "legal".into(),
            market: "domestic".into(),
            category: "potential".into(),
            customer_class: Some("C".into()),
            region: Some("华东".into()),
            industry: Some("液压件".into()),
            confidentiality: "secret".into(),
            first_contact_on: Some(first_contact),
            name_key: kehu_domain::customer::name_key("常州华力液压有限公司"),
            ..Default::default()
        },
    )?;
    let contact = NewContact {
        customer_id: pending.id,
        position: 0,
        name: "周工".into(),
        title: Some("技术部".into()),
        phone: Some("0519-8800 1234".into()),
        mobile: None,
        email: None,
    };
    customers::replace_contacts(c, pending.id, &[contact])?;
    crate::app::customers::refresh_derived(c, &pending)?;
    crate::app::customers::record(c, pending.id, "status", None, Some("pending_review"), Some(sales3.user_id), "registration", now)?;
    for (i, (customer, days_ago, amount, cost)) in
        [(0usize, 40i64, 18_000_000i64, 12_600_000i64), (1, 75, 42_000_000, 31_000_000), (0, 120, 9_500_000, 6_900_000)].into_iter().enumerate()
    {
        let order = Order {
            id: 0,
            org_id,
            customer_id: customer_ids[customer],
            order_number: format!("SO-DEMO-{}", i + 1),
            ordered_on: today - chrono::Duration::days(days_ago),
            amount_fen: amount,
            discount_fen: 0,
            cost_fen: Some(cost),
            entered_by: Some(sales.user_id),
            created_at: now,
        };
        care::insert_order(c, &order)?;
    }
    // The deals extend protection, as an entered order does.
    for (i, days_ago) in [(0usize, 40i64), (1, 75)] {
        let on = today - chrono::Duration::days(days_ago);
        customers::set_last_deal(c, customer_ids[i], on, policy.protected_until(today, Some(on)))?;
    }
    care::insert_visit(
        c,
        &Visit {
            id: 0,
            org_id,
            customer_id: customer_ids[0],
            planned_by: sales.user_id,
            planned_on: today + chrono::Duration::days(7),
            purpose: "季度回访：了解新项目需求".into(),
            content: Some("带新品样件，确认明年采购计划".into()),
            method: "onsite".into(),
            status: "planned".into(),
            visited_on: None,
            record: None,
            recorded_by: None,
            recorded_at: None,
            report: None,
            reported_at: None,
            report_due_on: None,
            expense_fen: None,
            expense_note: None,
            reviewed_by: None,
            reviewed_at: None,
            review_comment: None,
            version: 1,
            created_at: now,
        },
    )?;
    let survey = care::insert_survey(
        c,
        &Survey {
            id: 0,
            org_id,
            customer_id: customer_ids[1],
            product: Some("SHF-1180".into()),
            period: kehu_domain::care::quarter(today),
            channel: "staff".into(),
            token_hash: None,
            token_expires_at: None,
            created_by: sales.user_id,
            respondent: None,
            submitted_at: None,
            score_quality: None,
            score_delivery: None,
            score_price: None,
            score_service: None,
            score_comparison: None,
            score_other: None,
            remarks: "{}".into(),
            created_at: now,
        },
    )?;
    care::submit_survey(c, survey.id, [4, 4, 3, 5, 4, 4], r#"{"price":"希望年度框架价再优惠"}"#, Some("李娜"), now)?;
    Ok(())
}
