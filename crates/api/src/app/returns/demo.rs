//! Return applications for `seed-demo`: one in each place of the chain.

use super::{act, create, ReturnAct, ReturnApplication};
use crate::app::{Ctx, Tx};
use crate::auth::Caller;
use crate::error::ApiResult;
use kehu_domain::returns::eligibility::Eligibility;
use kehu_domain::returns::inspection::Original;
use kehu_domain::returns::note::{NoteAction, ProofKind, ReturnNote};
use kehu_domain::returns::{ReturnAction, ReturnKind, ReturnLine};
use kehu_persistence::returns as store;
use kehu_persistence::DbConn;

fn basis(s: &str) -> Option<String> {
    Some(s.to_owned())
}

fn application(kind: ReturnKind, customer_id: i64, order: &str, reason: &str, product: &str, quantity: i64, price_fen: i64) -> ApiResult<ReturnApplication> {
    let unit_price = kehu_domain::Money::from_fen(price_fen).map_err(|e| crate::error::ApiError::Internal(e.to_string()))?;
    Ok(ReturnApplication {
        kind: Some(kind),
        customer_id: Some(customer_id),
        from_line: None,
        order_number: Some(order.into()),
        reason: reason.into(),
        sample_unit: false,
        lines: vec![ReturnLine { product_number: product.into(), description: None, quantity, unit_price }],
        rule_set: kehu_domain::returns::retail::RuleSet::Business,
        retail: None,
        eligibility: Eligibility {
            within_warranty: basis("保修卡：交货日起一年内"),
            below_standard: basis("客户来料检验报告判定不合格"),
            ..Eligibility::default()
        },
    })
}

/// A consumer's unopened return under the consumer rule set, bought 12 days ago.
fn retail(mut a: ReturnApplication, today: chrono::NaiveDate) -> ReturnApplication {
    use kehu_domain::returns::retail::{RetailFacts, RuleSet};
    a.rule_set = RuleSet::Retail;
    a.eligibility = Eligibility::default();
    a.retail = Some(RetailFacts {
        purchased_on: today - chrono::Days::new(12),
        invoice_number: Some("No. 0451 2231".into()),
        invoice_matches: true,
        unopened: true,
        defective: false,
        shelf_life_until: None,
    });
    a
}

fn sample(mut a: ReturnApplication) -> ReturnApplication {
    a.sample_unit = true;
    a
}

/// Who acts, how, with which reason and retention note.
type Step<'a> = (&'a Caller, ReturnAction, Option<&'a str>, Option<&'a str>);

/// `who` takes `actions` in turn on the application; each at its current version.
fn walk(c: &mut DbConn, id: i64, version: i64, steps: &[Step]) -> ApiResult<i64> {
    let mut version = version;
    for (who, action, reason, retention) in steps {
        let cmd = ReturnAct { id, version, action: *action, reason: reason.map(str::to_owned), retention_note: retention.map(str::to_owned) };
        version = act(&mut Tx::new(c), &Ctx::internal((*who).clone()), cmd)?.version;
    }
    Ok(version)
}

/// Customer service inspects the approved application (one part short) and
/// has three of the five originals.
fn inspect(c: &mut DbConn, service: &Caller, id: i64, version: i64, today: chrono::NaiveDate) -> ApiResult<()> {
    use kehu_domain::returns::inspection::{Condition, Inspection, Original, PartCheck};
    let found = Inspection {
        function: Condition::Defective,
        function_note: Some("抽检 20 件，孔径超差 0.05 mm".into()),
        appearance: Condition::Good,
        appearance_note: None,
        parts: vec![PartCheck { part: "包装箱".into(), expected: 12, present: 12 }, PartCheck { part: "合格证".into(), expected: 12, present: 11 }],
        signed_by: Some("王建国".into()),
        signed_on: Some(today),
    };
    let ctx = Ctx::internal(service.clone());
    let v = super::service::inspect(&mut Tx::new(c), &ctx, super::service::ServiceCmd { id, version, body: found })?;
    let originals = vec![Original::Contract, Original::DeliveryNote, Original::WarrantyCard];
    super::service::collect_originals(&mut Tx::new(c), &ctx, super::service::ServiceCmd { id, version: v.version, body: originals })?;
    Ok(())
}

/// A step on a return note by `who`; the new version.
fn note_step(c: &mut DbConn, who: &Caller, id: i64, version: i64, action: NoteAction, quantities: Option<Vec<i64>>) -> ApiResult<i64> {
    let cmd = super::note::NoteAct { id, version, action, quantities, comment: None };
    Ok(super::note::act(&mut Tx::new(c), &Ctx::internal(who.clone()), cmd)?.version)
}

/// A sample unit's return note: every original in, the note issued by
/// `people[0]` and checked by `people[1]`; then, when `received` is given,
/// counted by the warehouse (`people[2]`), the proof of return recorded and
/// checked by accounting (`people[3]`).
fn note(c: &mut DbConn, service: &Caller, people: [&Caller; 4], id: i64, version: i64, received: Option<Vec<i64>>) -> ApiResult<()> {
    let [sales, supervisor, warehouse, finance] = people;
    let cmd = super::service::ServiceCmd { id, version, body: Original::ALL.to_vec() };
    let v = super::service::collect_originals(&mut Tx::new(c), &Ctx::internal(service.clone()), cmd)?;
    let written = ReturnNote {
        reason: "展厅样机外壳开裂".into(), handling: "退回成品仓，研发评估后重修".into(), basis: v.number.clone(), tolerance_bp: None
    };
    let version = super::note::issue(&mut Tx::new(c), &Ctx::internal(sales.clone()), super::note::IssueNote { id, version: v.version, note: written })?.version;
    let version = note_step(c, supervisor, id, version, NoteAction::Verify, None)?;
    let Some(q) = received else { return Ok(()) };
    let version = note_step(c, warehouse, id, version, NoteAction::Receive, Some(q))?;
    let proof = super::note::Proof { id, version, kind: ProofKind::ReturnCertificate, reference: Some("退回证明 2612-07".into()) };
    let version = super::note::prove(&mut Tx::new(c), &Ctx::internal(sales.clone()), proof)?.version;
    note_step(c, finance, id, version, NoteAction::Book, None)?;
    Ok(())
}

/// The goods of a booked note through QA, engineering's rework plan and the
/// general manager's approval: waiting for PMC.
fn handling(c: &mut DbConn, gm: &Caller, id: i64) -> ApiResult<()> {
    use super::handling::{act, HandlingAct};
    use kehu_domain::returns::handling::{Disposition, HandlingAction as A, Plan, QaFinding};
    let [qa, engineering] = ["qa", "engineering"].map(|u| crate::app::seed::caller_for(c, u));
    let mut version = store::get(c, gm.org_id, id)?.version;
    let qa_finding = QaFinding { finding: "外壳裂纹 1 处，功能正常".into(), label: "待整改".into() };
    let plan = Plan {
        analysis: "运输跌落致外壳开裂，内部无损".into(),
        disposition: Disposition::Rework,
        plan: Some("更换前壳并全功能复检".into()),
        cost: kehu_domain::Money::from_fen(68_000).map_err(|e| crate::error::ApiError::Internal(e.to_string()))?,
    };
    let steps = [(qa?, A::Inspect, Some(qa_finding), None), (engineering?, A::Plan, None, Some(plan)), (gm.clone(), A::ApprovePlan, None, None)];
    for (who, action, qa, plan) in steps {
        let cmd = HandlingAct { id, version, action, qa, plan, schedule: None, quantities: None, comment: None };
        version = act(&mut Tx::new(c), &Ctx::internal(who), cmd)?.version;
    }
    Ok(())
}

/// Adds a draft, one waiting for the supervisor, one for the marketing
/// manager, an approved one customer service has inspected, a refused one,
/// three sample units' return notes (one waiting for the warehouse, one
/// received with a unit too many, one booked whose rework waits for PMC) and
/// an approved exchange with its new order, and a consumer's return under
/// the consumer rule set with its refund date, once.
pub fn seed(c: &mut DbConn, org_id: i64, people: [&Caller; 7], customers: [i64; 2]) -> ApiResult<()> {
    if store::any_in_org(c, org_id)? {
        return Ok(());
    }
    let [sales, supervisor, marketing_manager, gm, service, warehouse, finance] = people;
    use ReturnAction::{Approve, Refuse, Submit};
    let approval_steps: Vec<Step> =
        vec![(sales, Submit, None, None), (supervisor, Approve, None, None), (marketing_manager, Approve, None, None), (gm, Approve, None, None)];
    let today = crate::app::customers::today(c, org_id)?;
    let plans: [(ReturnApplication, Vec<Step>); 10] = [
        (
            application(ReturnKind::Return, customers[0], "SO-DEMO-1", "整批孔径超差，客户要求退货", "BRK-2207", 1200, 3_550)?,
            vec![
                (sales, Submit, None, None),
                (supervisor, Approve, None, Some("已拜访客户，提出折让方案，客户坚持退货")),
                (marketing_manager, Approve, None, None),
                (gm, Approve, None, None),
            ],
        ),
        (
            application(ReturnKind::Exchange, customers[1], "SO-DEMO-2", "型号选错，客户要求换为 SHF-1180", "SHF-1160", 300, 12_800)?,
            vec![(sales, Submit, None, None), (supervisor, Approve, None, None)],
        ),
        (application(ReturnKind::Rework, customers[0], "SO-DEMO-3", "外观划伤，返厂重修", "BRK-2210", 80, 9_900)?, vec![(sales, Submit, None, None)]),
        (application(ReturnKind::Return, customers[1], "SO-DEMO-4", "客户转产，余货退回", "SHF-1180", 50, 12_800)?, Vec::new()),
        (
            application(ReturnKind::Return, customers[0], "SO-DEMO-5", "客户称包装破损", "BRK-2207", 20, 3_550)?,
            vec![
                (sales, Submit, None, None),
                (supervisor, Approve, None, None),
                (marketing_manager, Approve, None, None),
                (gm, Refuse, Some("属运输破损，由物流商理赔，不予退货"), None),
            ],
        ),
        (sample(application(ReturnKind::Rework, customers[1], "SO-DEMO-6", "展厅样机外壳开裂，返厂重修", "SHF-1160", 2, 12_800)?), approval_steps.clone()),
        (sample(application(ReturnKind::Return, customers[0], "SO-DEMO-7", "展会样机撤展退回", "BRK-2210", 10, 9_900)?), approval_steps.clone()),
        (sample(application(ReturnKind::Rework, customers[0], "SO-DEMO-8", "办事处样机跌落，外壳开裂", "BRK-2207", 1, 3_550)?), approval_steps.clone()),
        (application(ReturnKind::Exchange, customers[0], "SO-DEMO-9", "规格不符，换为 BRK-2210", "BRK-2207", 40, 3_550)?, approval_steps.clone()),
        (retail(application(ReturnKind::Return, customers[1], "LS-DEMO-10", "门店顾客七天内未拆封退货", "SHF-1160", 1, 12_800)?, today), approval_steps),
    ];
    for (i, (a, steps)) in plans.into_iter().enumerate() {
        let v = create(&mut Tx::new(c), &Ctx::internal(sales.clone()), a)?;
        let version = walk(c, v.id, v.version, &steps)?;
        match i {
            0 => inspect(c, service, v.id, version, today)?,
            5 => note(c, service, [sales, supervisor, warehouse, finance], v.id, version, None)?,
            6 => note(c, service, [sales, supervisor, warehouse, finance], v.id, version, Some(vec![11]))?,
            7 => {
                note(c, service, [sales, supervisor, warehouse, finance], v.id, version, Some(vec![1]))?;
                handling(c, gm, v.id)?;
            }
            _ => {}
        }
    }
    Ok(())
}
