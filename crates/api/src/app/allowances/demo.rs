//! Allowance certificates for `seed-demo`: a complaint settled with a
//! discount and a compensation; the discount's certificate countersigned and
//! waiting for the customer's signature, the compensation's with the manager.

use super::{act, raise, AllowanceAct, RaiseAllowance};
use crate::app::complaints::{self, Act, IntakeCmd};
use crate::app::seed::{caller_for, demo_step};
use crate::app::{Ctx, Tx};
use crate::error::ApiResult;
use kehu_domain::case::{Approve, Command, Opinion, Propose, ProposedLine};
use kehu_domain::intake::{Channel, CustomerRequest, Intake};
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::returns::allowance::{AllowanceAction, AllowanceInput};
use kehu_domain::{Action, Money};
use kehu_persistence::allowances as store;
use kehu_persistence::DbConn;

fn line(kind: ResolutionKind, fen: i64, remarks: &str) -> ProposedLine {
    ProposedLine { kind, quantity: None, unit_price: None, amount: Money::from_fen(fen).ok(), transport_cost: None, remarks: Some(remarks.into()) }
}

/// Files a complaint for `customer_id` and walks it to an approved resolution.
fn settled_complaint(c: &mut DbConn, customer_id: i64) -> ApiResult<i64> {
    let sales = caller_for(c, "sales")?;
    let intake = Intake {
        order_number: Some("SO-GEAR-90".into()),
        product_number: Some("GEAR-90".into()),
        product_spec: Some("标准".into()),
        ship_date: Some(chrono::Utc::now().date_naive() - chrono::Duration::days(20)),
        quantity_shipped: Some(600),
        defective_quantity: Some(30),
        found_at: Some("装配线".into()),
        description: Some("齿面硬度不足，客户产线停线 2 小时".into()),
        requests: vec![CustomerRequest::Compensation],
        claim_amount: Money::from_fen(900_000).ok(),
        channel: Some(Channel::Phone),
        has_sample: true,
        ..Intake::default()
    };
    let filed = complaints::file(&mut Tx::new(c), &Ctx::internal(sales.clone()), IntakeCmd { customer_id, market: None, intake })?;
    let mut version = filed.version;
    let proposal = Propose {
        lines: vec![line(ResolutionKind::Discount, 240_000, "本批货款折让 8%"), line(ResolutionKind::Compensation, 80_000, "停线损失赔偿")],
        note: None,
    };
    let mut steps: Vec<(crate::auth::Caller, Action, Command)> = Vec::new();
    for a in [Action::Submit, Action::Register, Action::ConcludeInvestigation, Action::SubmitCountermeasure, Action::ForwardToSales] {
        let (who, command) = demo_step(c, a)?;
        steps.push((who, a, command));
    }
    steps.push((sales, Action::ProposeResolution, Command::ProposeResolution(proposal)));
    steps.push((caller_for(c, "coordinator")?, Action::SubmitForApproval, Command::SubmitForApproval(Opinion { opinion: "同意业务意见".into() })));
    steps.push((caller_for(c, "sales_manager")?, Action::Approve, Command::Approve(Approve { comment: None })));
    for (who, action, command) in steps {
        let step = Act { id: filed.id, version, action, command: Ok(command) };
        version = complaints::act(&mut Tx::new(c), &Ctx::internal(who), step)?.complaint.version;
    }
    Ok(filed.id)
}

/// Adds the settled complaint and its two certificates, once.
pub fn seed(c: &mut DbConn, org_id: i64, customer_id: i64) -> ApiResult<()> {
    if store::any_in_org(c, org_id)? {
        return Ok(());
    }
    let complaint_id = settled_complaint(c, customer_id)?;
    let sales = Ctx::internal(caller_for(c, "sales")?);
    let discount =
        RaiseAllowance {
            complaint_id, complaint_line: 0, invoice_number: Some("04512231".into()), reason: "依客户抱怨处理单核决：本批货款折让".into()
        };
    let mut version = raise(&mut Tx::new(c), &sales, discount)?;
    for who in ["sales_manager", "gm"] {
        let cmd = AllowanceAct {
            id: version.id,
            version: version.version,
            action: AllowanceAction::Approve,
            input: AllowanceInput::default(),
            proof_reference: None,
        };
        let signatory = Ctx::internal(caller_for(c, who)?);
        version = act(&mut Tx::new(c), &signatory, cmd)?;
    }
    let compensation = RaiseAllowance { complaint_id, complaint_line: 1, invoice_number: None, reason: "停线损失赔偿".into() };
    raise(&mut Tx::new(c), &sales, compensation)?;
    Ok(())
}
