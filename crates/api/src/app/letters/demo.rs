//! Letters for `seed-demo`: a case whose countermeasure step overran and that
//! closed late, so production has a late-close inquiry (洽办单) to answer,
//! and a case overdue at registration, so the coordinator holds a reminder
//! (催办单).

use crate::app::complaints::{self, IntakeCmd};
use crate::app::improvement::demo::run as walk;
use crate::app::seed::{caller_for, demo_step};
use crate::app::{Ctx, Tx};
use crate::error::ApiResult;
use kehu_domain::case::{Approve, Command, Opinion, Outcome, Propose, ProposedLine, Remarks};
use kehu_domain::intake::{Channel, CustomerRequest, Intake};
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::workflow::EventAction;
use kehu_domain::{Action, Money};
use kehu_persistence::{letters, DbConn};

fn file(c: &mut DbConn, customer_id: i64, product: &str, description: &str) -> ApiResult<i64> {
    let org_id = caller_for(c, "sales")?.org_id;
    let today = crate::app::customers::today(c, org_id)?;
    let intake = Intake {
        order_number: Some(format!("SO-{product}")),
        product_number: Some(product.into()),
        product_spec: Some("标准".into()),
        ship_date: Some(today - chrono::Duration::days(30)),
        quantity_shipped: Some(1_200),
        defective_quantity: Some(60),
        found_at: Some("来料检验".into()),
        description: Some(description.into()),
        requests: vec![CustomerRequest::Rework],
        claim_amount: Money::from_fen(800_000).ok(),
        channel: Some(Channel::Phone),
        has_sample: true,
        ..Intake::default()
    };
    let sales = caller_for(c, "sales")?;
    Ok(complaints::file(&mut Tx::new(c), &Ctx::internal(sales), IntakeCmd { customer_id, market: None, intake })?.id)
}

pub fn seed(c: &mut DbConn, customer_id: i64) -> ApiResult<()> {
    let late = file(c, customer_id, "BRK-5101", "刹车支架孔位偏移 0.3mm, 客户装配困难")?;
    let mut steps = Vec::new();
    for (who, a) in [
        ("sales", Action::Submit),
        ("coordinator", Action::Register),
        ("qa", Action::ConcludeInvestigation),
        ("production", Action::SubmitCountermeasure),
        ("coordinator", Action::ForwardToSales),
    ] {
        steps.push((who, demo_step(c, a)?.1));
    }
    walk(c, late, steps)?;
    // Production took two days past its deadline; the case ran a day over.
    let now = chrono::Utc::now().naive_utc();
    letters::demo_overrun(c, late, EventAction::Act(Action::ConcludeInvestigation), now - chrono::Duration::hours(50), now - chrono::Duration::hours(26))?;
    let line = ProposedLine {
        kind: ResolutionKind::Rework,
        quantity: Some(60),
        unit_price: None,
        amount: Money::from_fen(600_000).ok(),
        transport_cost: None,
        remarks: Some("返工扩孔".into()),
    };
    let org_id = caller_for(c, "sales")?.org_id;
    let today = crate::app::customers::today(c, org_id)?;
    let rest = vec![
        ("sales", Command::ProposeResolution(Propose { lines: vec![line], note: None })),
        ("coordinator", Command::SubmitForApproval(Opinion { opinion: "同意返工".into() })),
        ("sales_manager", Command::Approve(Approve::default())),
        ("sales", Command::RecordOutcome(Outcome { accepted: true, answered_on: today, remarks: Some("客户接受返工".into()) })),
        ("supervisor", Command::Countersign(Remarks { remarks: None })),
        ("coordinator", Command::Close(Remarks { remarks: None })),
    ];
    walk(c, late, rest)?;

    let overdue = file(c, customer_id, "BRK-5120", "制动盘表面锈蚀, 客户要求返工")?;
    let submit = demo_step(c, Action::Submit)?.1;
    walk(c, overdue, vec![("sales", submit)])?;
    letters::demo_overdue(c, overdue, chrono::Utc::now().naive_utc() - chrono::Duration::hours(5))?;
    let coordinator = caller_for(c, "coordinator")?;
    let row = kehu_persistence::complaints::get(c, coordinator.org_id, overdue)?;
    // As the worker would: claimed, sent and audited.
    crate::worker::remind(c, &row, chrono::Utc::now().naive_utc())?;
    Ok(())
}
