//! Improvement tracking for `seed-demo`: the case with the approved 8D
//! report closes, which schedules its effectiveness check for QA; a
//! complaint the coordinator marked irrational (关注).

use crate::app::complaints::{self, Act, IntakeCmd};
use crate::app::seed::{caller_for, demo_step};
use crate::app::{Ctx, Tx};
use crate::error::ApiResult;
use kehu_domain::case::{Approve, Command, Opinion, Outcome, Propose, ProposedLine, Remarks};
use kehu_domain::improvement::IrrationalFollow;
use kehu_domain::intake::{Channel, CustomerRequest, Intake};
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::{Action, Money};
use kehu_persistence::DbConn;

pub(crate) fn run(c: &mut DbConn, id: i64, steps: Vec<(&str, Command)>) -> ApiResult<()> {
    for (who, command) in steps {
        let caller = caller_for(c, who)?;
        let version = kehu_persistence::complaints::get(c, caller.org_id, id)?.version;
        let step = Act { id, version, action: command.action(), command: Ok(command) };
        complaints::act(&mut Tx::new(c), &Ctx::internal(caller), step)?;
    }
    Ok(())
}

/// Walks the case at sales' proposal to its close.
fn close(c: &mut DbConn, id: i64, today: chrono::NaiveDate) -> ApiResult<()> {
    let line = ProposedLine {
        kind: ResolutionKind::Rework,
        quantity: Some(64),
        unit_price: None,
        amount: Money::from_fen(640_000).ok(),
        transport_cost: Money::from_fen(50_000).ok(),
        remarks: Some("返工重镀".into()),
    };
    run(
        c,
        id,
        vec![
            ("sales", Command::ProposeResolution(Propose { lines: vec![line], note: None })),
            ("coordinator", Command::SubmitForApproval(Opinion { opinion: "同意返工, 8D 已批准".into() })),
            ("sales_manager", Command::Approve(Approve::default())),
            ("sales", Command::RecordOutcome(Outcome { accepted: true, answered_on: today, remarks: Some("客户接受返工方案".into()) })),
            ("supervisor", Command::Countersign(Remarks { remarks: Some("已与客户确认, 同意结案".into()) })),
            ("coordinator", Command::Close(Remarks { remarks: Some("8D 措施已落实, 待效果确认".into()) })),
        ],
    )
}

/// A registered complaint the coordinator confirmed irrational.
fn irrational(c: &mut DbConn, customer_id: i64) -> ApiResult<()> {
    let sales = caller_for(c, "sales")?;
    let intake = Intake {
        order_number: Some("SO-BRK-1180".into()),
        product_number: Some("BRK-1180".into()),
        product_spec: Some("标准".into()),
        ship_date: Some(chrono::Utc::now().date_naive() - chrono::Duration::days(730)),
        found_at: Some("客户仓库".into()),
        quantity_shipped: Some(300),
        defective_quantity: Some(300),
        description: Some("使用两年后要求按新品价格全部更换".into()),
        requests: vec![CustomerRequest::Compensation],
        claim_amount: Money::from_fen(9_000_000).ok(),
        channel: Some(Channel::Phone),
        ..Intake::default()
    };
    let filed = complaints::file(&mut Tx::new(c), &Ctx::internal(sales), IntakeCmd { customer_id, market: None, intake })?;
    let steps = vec![("sales", demo_step(c, Action::Submit)?.1), ("coordinator", demo_step(c, Action::Register)?.1)];
    run(c, filed.id, steps)?;
    let cmd = super::SaveMarks {
        complaint_id: filed.id,
        version: 0,
        human_negligence: None,
        irrational: Some((IrrationalFollow::Watch, "客户期望值明显过高: 产品已超出保修期, 要求按新品价格全额更换".into())),
    };
    let coordinator = Ctx::internal(caller_for(c, "coordinator")?);
    super::save_marks(&mut Tx::new(c), &coordinator, cmd)?;
    Ok(())
}

pub fn seed(c: &mut DbConn, customer_id: i64, approved_8d_case: i64) -> ApiResult<()> {
    let org = caller_for(c, "coordinator")?.org_id;
    let today = crate::app::customers::today(c, org)?;
    close(c, approved_8d_case, today)?;
    irrational(c, customer_id)
}
