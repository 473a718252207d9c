//! `kehu seed-demo`: a demo factory with one user per role and complaints in
//! several states. Running it again adds nothing.

use crate::app::complaints::{self, Act, IntakeCmd};
use crate::app::customers::flow::{self, OnRecord, Review, ReviewDecision};
use crate::app::customers::register::{self, Registration};
use crate::app::{bootstrap, Ctx, Tx};
use crate::auth::{password, Caller};
use crate::error::{ApiError, ApiResult};
use chrono::Utc;
use kehu_domain::case::Command;
use kehu_domain::customer::{Category, Contact, CustomerClass, CustomerDetails, CustomerKind, NewOrder};
use kehu_domain::deadline::Market;
use kehu_domain::intake::{Channel, ComplaintKind, CustomerRequest, Intake, Severity};
use kehu_domain::org::DepartmentKind;
use kehu_domain::{Action, Money, Role};
use kehu_persistence::customers;
use kehu_persistence::people::{self, NewDepartment, NewUser};
use kehu_persistence::{write_tx, DbConn};

pub const DEMO_PASSWORD: &str = "kehu-demo-pass";

const DEPARTMENTS: [(&str, &str, DepartmentKind); 14] = [
    ("sales-1", "业务一部", DepartmentKind::Sales),
    ("sales-2", "业务二部", DepartmentKind::Sales),
    ("gm-office", "总经理室生产管理组", DepartmentKind::GmOffice),
    ("quality", "质量管理部", DepartmentKind::Quality),
    ("production", "制造部", DepartmentKind::Production),
    ("engineering", "研发部", DepartmentKind::Engineering),
    ("executive", "总经理室", DepartmentKind::Executive),
    ("it", "信息部", DepartmentKind::It),
    ("finance", "财务部", DepartmentKind::Finance),
    ("marketing", "市场营销部", DepartmentKind::Marketing),
    ("customer-service", "客户服务部", DepartmentKind::CustomerService),
    ("warehouse", "成品仓", DepartmentKind::Warehouse),
    ("hr", "人事部", DepartmentKind::Hr),
    ("legal", "法务部", DepartmentKind::Legal),
];

const USERS: [(&str, &str, &str, Role); 22] = [
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
    ("supervisor", "郭主管", "sales-1", Role::SalesSupervisor),
    ("marketing_manager", "韩经理", "marketing", Role::MarketingManager),
    ("service", "林客服", "customer-service", Role::CustomerService),
    ("warehouse", "马仓管", "warehouse", Role::Warehouse),
    // PMC (生管): schedules the rework of returned goods.
    ("pmc", "钟生管", "production", Role::ProductionManager),
    // 品保部经理: approves 8D reports.
    ("qa_manager", "许经理", "quality", Role::QaManager),
    // 人事: keeps base points and bonuses, publishes the penalties.
    ("hr", "苏人事", "hr", Role::Hr),
    // 法务: hears of major complaints.
    ("legal", "宋法务", "legal", Role::Legal),
];

pub struct Report {
    pub created_users: usize,
    pub created_complaints: usize,
}

pub(crate) fn caller_for(conn: &mut DbConn, username: &str) -> ApiResult<Caller> {
    let u = people::user_by_username(conn, username)?.ok_or(ApiError::NotFound)?;
    let roles = people::roles_of(conn, u.id)?;
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
            people::set_roles(c, u.id, &[role])?;
            created_users += 1;
        }
        crate::app::pay::demo::teams(c, org.id, now)?;
        let sales = caller_for(c, "sales")?;
        let demo_customers = [
            ("C-0001", "苏州精密机械有限公司", Market::Domestic, "sales", Category::Key, CustomerClass::A, "华东", "王建国", "0512-6000 0001"),
            ("C-0002", "宁波汽配制造有限公司", Market::Domestic, "sales", Category::General, CustomerClass::B, "华东", "李娜", "0574-8800 0002"),
            ("C-0003", "Hanse Automotive GmbH", Market::Foreign, "sales", Category::General, CustomerClass::A, "欧洲", "Jonas Weber", "+49 40 1234 5678"),
            ("C-0004", "东莞电子科技有限公司", Market::Domestic, "sales2", Category::Target, CustomerClass::C, "华南", "陈伟", "0769-2200 0004"),
        ];
        let mut customer_ids = Vec::new();
        let today = crate::app::customers::today(c, org.id)?;
        for (code, name, market, owner, category, class, region, contact, phone) in demo_customers {
            let id = match customers::by_code(c, org.id, code)? {
                Some(cu) => cu.id,
                None => {
                    let details = CustomerDetails {
                        category,
                        customer_class: Some(class),
                        region: Some(region.into()),
                        first_contact_on: Some(today),
                        ..CustomerDetails::new(name, CustomerKind::Legal, market)
                    };
                    let contact = Contact { name: contact.into(), title: Some("采购部经理".into()), phone: Some(phone.into()), ..Contact::default() };
                    // A key customer has two people on it (domain.md §2).
                    let manager = if owner == "sales" { "sales_manager" } else { "sales_manager2" };
                    let staff_ids = if category == Category::Key { vec![caller_for(c, manager)?.user_id] } else { Vec::new() };
                    let registration = Registration { code: Some(code.into()), details, contacts: vec![contact], staff_ids, owner_id: None };
                    let owner = Ctx::internal(caller_for(c, owner)?);
                    let filed = register::register(&mut Tx::new(c), &owner, registration)?;
                    let review =
                        OnRecord { id: filed.summary.id, version: filed.summary.version, body: Review { decision: ReviewDecision::Approve, reason: None } };
                    let manager = Ctx::internal(caller_for(c, manager)?);
                    flow::review(&mut Tx::new(c), &manager, review)?;
                    filed.summary.id
                }
            };
            customer_ids.push(id);
        }
        // Complaints only on the first run: their presence marks the seed done.
        if kehu_persistence::complaints::any_in_org(c, org.id)? {
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
            let intake = Intake {
                order_number: Some(format!("SO-{product}")),
                product_number: Some(product.into()),
                product_spec: Some("标准".into()),
                ship_date: Some(now.date() - chrono::Duration::days(10)),
                quantity_shipped: Some(400),
                defective_quantity: Some(12),
                found_at: Some("来料检验".into()),
                description: Some(description.into()),
                requests: vec![CustomerRequest::Return],
                claim_amount: Money::from_fen(1_200_000).ok(),
                channel: Some(Channel::Phone),
                has_sample: true,
                ..Intake::default()
            };
            let filed = complaints::file(&mut Tx::new(c), &Ctx::internal(sales.clone()), IntakeCmd { customer_id: customer_ids[ci], market: None, intake })?;
            let mut version = filed.version;
            for a in actions.iter() {
                let (who, command) = demo_step(c, *a)?;
                let act = Act { id: filed.id, version, action: *a, command: Ok(command) };
                version = complaints::act(&mut Tx::new(c), &Ctx::internal(who), act)?.complaint.version;
            }
            created += 1;
        }
        Ok(Report { created_users, created_complaints: created })
    })
}

pub(crate) fn demo_step(c: &mut DbConn, a: Action) -> ApiResult<(Caller, Command)> {
    use kehu_domain::case::*;
    Ok(match a {
        Action::Submit => (caller_for(c, "sales")?, Command::Submit(Note::default())),
        Action::Register => (
            caller_for(c, "coordinator")?,
            Command::Register(Register {
                severity: Severity::General,
                kind: ComplaintKind::Quality,
                non_quality_cause: None,
                is_major: false,
                eight_d_requested: false,
                repeat_of: None,
                note: None,
            }),
        ),
        Action::ConcludeInvestigation => {
            let production = caller_for(c, "production")?;
            let share =
                Share { department_id: production.department_id, team: Some("冲压一班".into()), person_id: None, ratio_percent: 100, supplier: None };
            let conclude = Conclude {
                defect_verified: true,
                cause: "模具磨损".into(),
                findings: None,
                responsible: vec![share],
                countermeasure_department_id: None,
                engineering_needed: false,
            };
            (caller_for(c, "qa")?, Command::ConcludeInvestigation(conclude))
        }
        Action::SubmitCountermeasure => (
            caller_for(c, "production")?,
            Command::SubmitCountermeasure(Countermeasure {
                cause_analysis: "模具刃口磨损未及时更换".into(),
                containment: "库存全检，隔离不良品".into(),
                permanent_actions: "刃口每 5 万冲次检查一次".into(),
            }),
        ),
        Action::ForwardToSales => (caller_for(c, "coordinator")?, Command::ForwardToSales(Remarks { remarks: Some("请业务拟定处理意见".into()) })),
        _ => return Err(ApiError::Internal("no demo step".into())),
    })
}

/// The demo (`kehu seed-demo`): [`seed`] and a little life in the archive —
/// a registration waiting for the manager, orders, a visit plan and an
/// answered survey — with returns, allowance certificates and 8D reports at
/// each step. Added once. Tests start from [`seed`] alone.
pub fn seed_demo(conn: &mut DbConn) -> ApiResult<Report> {
    let report = seed(conn)?;
    let org = people::default_org(conn)?.ok_or(ApiError::NotFound)?;
    write_tx(conn, |c| {
        let today = crate::app::customers::today(c, org.id)?;
        let mut ids = Vec::new();
        for code in ["C-0001", "C-0002"] {
            ids.push(customers::by_code(c, org.id, code)?.ok_or(ApiError::NotFound)?.id);
        }
        archive_activity(c, org.id, &ids, today)?;
        crate::app::pay::demo::bases(c, org.id, chrono::Utc::now().naive_utc())?;
        crate::app::notice_preferences::demo(c)?;
        let people = ["sales", "supervisor", "marketing_manager", "gm", "service", "warehouse", "finance"].map(|u| caller_for(c, u));
        let [a, b, d, e, f, g, h] = people;
        crate::app::returns::demo::seed(c, org.id, [&a?, &b?, &d?, &e?, &f?, &g?, &h?], [ids[0], ids[1]])?;
        crate::app::allowances::demo::seed(c, org.id, ids[1])?;
        // The cases below are added with the first complaints only: a second
        // `seed-demo` (every `bin/run`) would add them again.
        if report.created_complaints > 0 {
            let approved = crate::app::eight_d::demo::seed(c, ids[0])?;
            crate::app::improvement::demo::seed(c, ids[0], approved)?;
            crate::app::petitions::demo::seed(c, ids[1])?;
            crate::app::penalties::demo::seed(c, ids[0])?;
            crate::app::letters::demo::seed(c, ids[0])?;
            crate::app::contacts::demo::seed(c)?;
        }
        Ok::<(), ApiError>(())
    })?;
    crate::app::report_runs::demo(conn, chrono::Utc::now().naive_utc())?;
    Ok(report)
}

fn archive_activity(c: &mut DbConn, org_id: i64, customer_ids: &[i64], today: chrono::NaiveDate) -> ApiResult<()> {
    use crate::app::surveys::{Answers, Remarks, Subject};
    use kehu_domain::care::VisitMethod;
    use kehu_domain::survey::Scores;
    use kehu_domain::visit::VisitPlan;
    if customers::by_code(c, org_id, "C-0005")?.is_some() {
        return Ok(());
    }
    let sales = caller_for(c, "sales")?;
    let sales3 = caller_for(c, "sales3")?;
    let details = CustomerDetails {
        category: Category::Potential,
        customer_class: Some(CustomerClass::C),
        region: Some("华东".into()),
        industry: Some("液压件".into()),
        first_contact_on: Some(today - chrono::Duration::days(3)),
        ..CustomerDetails::new("常州华力液压有限公司", CustomerKind::Legal, Market::Domestic)
    };
    let contact = Contact { name: "周工".into(), title: Some("技术部".into()), phone: Some("0519-8800 1234".into()), ..Contact::default() };
    let registration = Registration { code: Some("C-0005".into()), details, contacts: vec![contact], staff_ids: Vec::new(), owner_id: None };
    register::register(&mut Tx::new(c), &Ctx::internal(sales3), registration)?;
    for (i, (customer, days_ago, amount, cost)) in
        [(0usize, 40i64, 18_000_000i64, 12_600_000i64), (1, 75, 42_000_000, 31_000_000), (0, 120, 9_500_000, 6_900_000)].into_iter().enumerate()
    {
        let money = |fen: i64| Money::from_fen(fen).map_err(|e| ApiError::Internal(e.to_string()));
        let order = NewOrder {
            customer_id: customer_ids[customer],
            order_number: format!("SO-DEMO-{}", i + 1),
            ordered_on: today - chrono::Duration::days(days_ago),
            amount: money(amount)?,
            discount: Money::ZERO,
            cost: Some(money(cost)?),
        };
        // The deal extends protection, as an entered order does.
        crate::app::customer_reports::add_order(&mut Tx::new(c), &Ctx::internal(sales.clone()), order)?;
    }
    let plan = VisitPlan {
        customer_id: customer_ids[0],
        planned_on: today + chrono::Duration::days(7),
        purpose: "季度回访：了解新项目需求".into(),
        content: Some("带新品样件，确认明年采购计划".into()),
        method: VisitMethod::Onsite,
    };
    crate::app::visits::plan(&mut Tx::new(c), &Ctx::internal(sales.clone()), plan)?;
    let subject = Subject { customer_id: customer_ids[1], product: Some("SHF-1180".into()), period: None };
    let remarks = Remarks { price: Some("希望年度框架价再优惠".into()), ..Remarks::default() };
    let answers = Answers { scores: Scores([4, 4, 3, 5, 4, 4]), remarks, respondent: Some("李娜".into()) };
    crate::app::surveys::enter(&mut Tx::new(c), &Ctx::internal(sales.clone()), (subject, answers))?;
    Ok(())
}
