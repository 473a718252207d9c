//! Who a run's step tells: the departments' heads when it starts (the
//! coordinators for a department without one), the coordinators of a
//! dispute and of a run sent back, the general manager when it is
//! submitted, HR and the coordinators once approved, and at publication the
//! heads and everyone charged.

use crate::app::Ctx;
use crate::error::ApiResult;
use kehu_domain::notice::Notice;
use kehu_domain::penalty::flow::RunAction;
use kehu_domain::Role;
use kehu_persistence::penalties::{self as store, RunRow};
use kehu_persistence::{events, people, DbConn};

/// The roles that head a department in a run (they confirm its items).
pub const HEAD_ROLES: [Role; 5] = [Role::SalesManager, Role::SalesSupervisor, Role::QaManager, Role::ProductionManager, Role::MarketingManager];

/// The heads of a department, in id order.
pub fn head_ids(conn: &mut DbConn, org_id: i64, department_id: i64) -> ApiResult<Vec<i64>> {
    let mut ids = Vec::new();
    for role in HEAD_ROLES {
        ids.extend(people::users_with_role(conn, org_id, role, Some(department_id))?);
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

fn with_role(conn: &mut DbConn, org_id: i64, roles: &[Role]) -> ApiResult<Vec<i64>> {
    let mut ids = Vec::new();
    for role in roles {
        ids.extend(people::users_with_role(conn, org_id, *role, None)?);
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// The heads of every department with items in the run, and the
/// coordinators when one has none.
fn heads_of_run(conn: &mut DbConn, run: &RunRow) -> ApiResult<Vec<i64>> {
    let mut departments: Vec<i64> = store::items(conn, run.id, None)?.into_iter().map(|i| i.department_id).collect();
    departments.sort_unstable();
    departments.dedup();
    let mut ids = Vec::new();
    for d in departments {
        let heads = head_ids(conn, run.org_id, d)?;
        if heads.is_empty() {
            ids.extend(with_role(conn, run.org_id, &[Role::Coordinator])?);
        }
        ids.extend(heads);
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

fn send(conn: &mut DbConn, ctx: &Ctx, mut users: Vec<i64>, notice: &Notice) -> ApiResult<()> {
    // The one who acted knows already.
    users.retain(|u| *u != ctx.user());
    Ok(events::notify(conn, ctx.org(), &users, notice, ctx.now)?)
}

pub fn started(conn: &mut DbConn, ctx: &Ctx, run: &RunRow) -> ApiResult<()> {
    let users = heads_of_run(conn, run)?;
    send(conn, ctx, users, &Notice::penalty_review(run.id, &run.month))
}

pub fn disputed(conn: &mut DbConn, ctx: &Ctx, run: &RunRow, department_id: i64, reason: &str) -> ApiResult<()> {
    let department = people::department(conn, run.org_id, department_id)?.name;
    let users = with_role(conn, run.org_id, &[Role::Coordinator])?;
    send(conn, ctx, users, &Notice::penalty_disputed(run.id, &run.month, &department, reason))
}

pub fn run_moved(conn: &mut DbConn, ctx: &Ctx, run: &RunRow, action: RunAction, comment: Option<&str>) -> ApiResult<()> {
    let (users, notice) = match action {
        RunAction::Submit => (with_role(conn, run.org_id, &[Role::Gm])?, Notice::penalty_approval(run.id, &run.month)),
        RunAction::SendBack => (with_role(conn, run.org_id, &[Role::Coordinator])?, Notice::penalty_returned(run.id, &run.month, comment.unwrap_or_default())),
        RunAction::Approve => (with_role(conn, run.org_id, &[Role::Hr, Role::Coordinator])?, Notice::penalty_approved(run.id, &run.month)),
        RunAction::Publish => {
            let mut users = heads_of_run(conn, run)?;
            users.extend(store::charges(conn, run.id, None)?.into_iter().map(|c| c.user_id));
            users.sort_unstable();
            users.dedup();
            (users, Notice::penalty_published(run.id, &run.month))
        }
    };
    send(conn, ctx, users, &notice)
}
