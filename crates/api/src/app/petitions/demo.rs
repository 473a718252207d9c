//! The sign-offs and side routes for `seed-demo`: a case the customer
//! accepted, waiting for the sales supervisor's countersign; one at sales'
//! proposal on which the QA manager petitions the general manager to send it
//! back to QA; one whose investigation names a casting supplier, whose
//! corrective-action request waits for the coordinator to send.

use crate::app::complaints::{self, Act, IntakeCmd};
use crate::app::improvement::demo::run;
use crate::app::seed::{caller_for, demo_step};
use crate::app::{Ctx, Tx};
use crate::error::ApiResult;
use kehu_domain::case::{Approve, Command, Conclude, Opinion, Outcome, Propose, ProposedLine, Share};
use kehu_domain::intake::{Channel, CustomerRequest, Intake};
use kehu_domain::petition::Petition;
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::{Action, Money, State};
use kehu_persistence::DbConn;

/// A complaint about `product`, filed and walked through `actions` (the demo's steps).
fn walked(c: &mut DbConn, customer_id: i64, product: &str, description: &str, actions: &[Action]) -> ApiResult<i64> {
    let intake = Intake {
        order_number: Some(format!("SO-{product}")),
        product_number: Some(product.into()),
        product_spec: Some("标准".into()),
        ship_date: Some(chrono::Utc::now().date_naive() - chrono::Duration::days(20)),
        found_at: Some("装配线".into()),
        quantity_shipped: Some(800),
        defective_quantity: Some(40),
        description: Some(description.into()),
        requests: vec![CustomerRequest::Compensation],
        claim_amount: Money::from_fen(1_600_000).ok(),
        channel: Some(Channel::Visit),
        has_sample: true,
        ..Intake::default()
    };
    let sales = Ctx::internal(caller_for(c, "sales")?);
    let filed = complaints::file(&mut Tx::new(c), &sales, IntakeCmd { customer_id, market: None, intake })?;
    let mut version = filed.version;
    for a in actions {
        let (who, command) = demo_step(c, *a)?;
        let act = Act { id: filed.id, version, action: *a, command: Ok(command) };
        version = complaints::act(&mut Tx::new(c), &Ctx::internal(who), act)?.complaint.version;
    }
    Ok(filed.id)
}

const TO_PROPOSAL: [Action; 5] = [Action::Submit, Action::Register, Action::ConcludeInvestigation, Action::SubmitCountermeasure, Action::ForwardToSales];

pub fn seed(c: &mut DbConn, customer_id: i64) -> ApiResult<()> {
    let org = caller_for(c, "coordinator")?.org_id;
    let today = crate::app::customers::today(c, org)?;
    let accepted = walked(c, customer_id, "PIN-3310", "销钉硬度偏低，客户装配时断裂 40 件", &TO_PROPOSAL)?;
    let line = ProposedLine {
        kind: ResolutionKind::Compensation,
        quantity: None,
        unit_price: None,
        amount: Money::from_fen(1_200_000).ok(),
        transport_cost: None,
        remarks: Some("断裂件及停线工时赔偿".into()),
    };
    run(
        c,
        accepted,
        vec![
            ("sales", Command::ProposeResolution(Propose { lines: vec![line], note: None })),
            ("coordinator", Command::SubmitForApproval(Opinion { opinion: "同意赔偿".into() })),
            ("sales_manager", Command::Approve(Approve::default())),
            ("sales", Command::RecordOutcome(Outcome { accepted: true, answered_on: today, remarks: Some("客户接受赔偿方案".into()) })),
        ],
    )?;
    let disputed = walked(c, customer_id, "HSG-7702", "壳体砂眼渗漏，客户退回 40 件", &TO_PROPOSAL)?;
    let qa_manager = Ctx::internal(caller_for(c, "qa_manager")?);
    let petition = Petition {
        subject: "责任判定异议".into(),
        content: "砂眼源于供应商铸件，非本厂冲压工序所致；请退回品保重新判定责任并追溯供应商。".into(),
        return_to: Some(State::QaInvestigation),
    };
    super::raise(&mut Tx::new(c), &qa_manager, super::RaisePetition { complaint_id: disputed, petition })?;
    supplier_case(c, customer_id)
}

/// QA charges 70 % of a porosity complaint to the casting supplier, through
/// the quality department that manages incoming material.
fn supplier_case(c: &mut DbConn, customer_id: i64) -> ApiResult<()> {
    let id = walked(c, customer_id, "CST-5501", "铸件气孔，加工后渗漏 40 件", &[Action::Submit, Action::Register])?;
    let qa = caller_for(c, "qa")?;
    let production = caller_for(c, "production")?.department_id;
    let shares = vec![
        Share { department_id: qa.department_id, team: None, person_id: None, ratio_percent: 70, supplier: Some("江苏华力铸造有限公司".into()) },
        Share { department_id: production, team: Some("机加一班".into()), person_id: None, ratio_percent: 30, supplier: None },
    ];
    let conclude = Conclude {
        defect_verified: true,
        cause: "毛坯铸件内部气孔，机加工后暴露".into(),
        findings: Some("X 光抽检 20 件，7 件有气孔".into()),
        responsible: shares,
        countermeasure_department_id: None,
        engineering_needed: false,
    };
    run(c, id, vec![("qa", Command::ConcludeInvestigation(conclude))])
}
