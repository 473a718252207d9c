//! The monthly penalty run (客诉罚扣, domain.md §4.7) as people read it:
//! each through the personal-data rule, every read of another's logged.

pub mod act;
pub mod demo;
pub mod lists;
pub mod start;

use crate::app::pay::log_read;
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::http::money::show;
use chrono::NaiveDateTime;
use kehu_domain::pay::{personal_scope, PersonalScope};
use kehu_domain::penalty::flow::{self, ItemAction, ItemFacts, ItemKind, ItemState, RunAction, RunState};
use kehu_domain::penalty::run::ChargeKind;
use kehu_domain::penalty::{PenaltyPolicy, SanctionKind};
use kehu_persistence::penalties::{self as store, ChargeRow, ItemRow, LedgerRow, RunRow};
use kehu_persistence::{pay, people, DbConn};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct RunSummary {
    pub id: i64,
    /// The month whose closed cases it charges, `YYYY-MM`.
    #[schema(example = "2026-11")]
    pub month: String,
    pub state: RunState,
    /// The penalty policy's version it computes with.
    pub policy_version: i64,
    pub comment: Option<String>,
    pub created_at: NaiveDateTime,
    pub approved_at: Option<NaiveDateTime>,
    pub published_at: Option<NaiveDateTime>,
    pub version: i64,
}

impl From<&RunRow> for RunSummary {
    fn from(r: &RunRow) -> Self {
        RunSummary {
            id: r.id,
            month: r.month.clone(),
            state: r.state,
            policy_version: r.policy_version,
            comment: r.comment.clone(),
            created_at: r.created_at,
            approved_at: r.approved_at,
            published_at: r.published_at,
            version: r.version,
        }
    }
}

/// One line of the reward-and-penalty notice (奖罚通知单).
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct ItemView {
    pub id: i64,
    pub complaint_id: i64,
    pub complaint_number: Option<String>,
    pub kind: ItemKind,
    pub department_id: i64,
    pub department_name: String,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    pub ratio_percent: i32,
    /// The case's loss.
    pub loss: String,
    /// The party's burden: loss × ratio (a late fine: the fine).
    pub burden: String,
    pub sanction: Option<SanctionKind>,
    pub sanction_count: Option<i32>,
    /// The case is marked pure negligence (纯属人为疏忽): not tracked for improvement.
    pub negligence: bool,
    pub state: ItemState,
    pub dispute_reason: Option<String>,
    pub decision: Option<String>,
    /// The month a deferred share is charged in.
    pub deferred_to: Option<String>,
    pub version: i64,
    pub available_actions: Vec<ItemAction>,
}

#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct ChargeView {
    pub user_id: i64,
    pub display_name: String,
    pub department_name: String,
    pub item_id: i64,
    pub complaint_number: Option<String>,
    pub kind: ChargeKind,
    pub sanction: Option<SanctionKind>,
    pub sanction_count: Option<i32>,
    pub amount: String,
}

/// A person's month in the bonus ledger (罚扣台账).
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct LedgerView {
    pub user_id: i64,
    pub display_name: String,
    pub department_name: String,
    pub month: String,
    pub bonus: String,
    pub carried_in: String,
    pub charged: String,
    pub deducted: String,
    pub carried_on: String,
}

#[derive(Serialize, ToSchema)]
pub struct RunView {
    #[serde(flatten)]
    pub run: RunSummary,
    pub items: Vec<ItemView>,
    /// What the approved run charges each person the caller may read.
    pub charges: Vec<ChargeView>,
    pub ledger: Vec<LedgerView>,
    pub available_actions: Vec<RunAction>,
}

pub(crate) fn policy_of(run: &RunRow) -> ApiResult<PenaltyPolicy> {
    serde_json::from_str(&run.policy).map_err(|e| ApiError::Internal(format!("run {} policy unreadable: {e}", run.id)))
}

pub(crate) fn load_run(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<RunRow> {
    store::run(conn, ctx.org(), id)?.ok_or(ApiError::NotFound)
}

/// Every run, newest month first: months and states only, for everyone.
pub fn list(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<Vec<RunSummary>> {
    Ok(store::runs(conn, ctx.org())?.iter().map(RunSummary::from).collect())
}

/// People's names and departments, and departments' and teams' names.
pub(crate) struct Names {
    users: HashMap<i64, (String, i64)>,
    departments: HashMap<i64, String>,
    teams: HashMap<i64, String>,
    numbers: HashMap<i64, Option<String>>,
    negligent: Vec<i64>,
}

impl Names {
    pub(crate) fn load(conn: &mut DbConn, ctx: &Ctx, items: &[ItemRow], user_ids: &[i64]) -> ApiResult<Names> {
        let mut ids: Vec<i64> = items.iter().filter_map(|i| i.person_id).chain(user_ids.iter().copied()).collect();
        ids.sort_unstable();
        ids.dedup();
        let users: HashMap<i64, (String, i64)> = people::brief(conn, &ids)?.into_iter().map(|(id, n, d)| (id, (n, d))).collect();
        let departments = people::departments(conn, ctx.org())?.into_iter().map(|d| (d.id, d.name)).collect();
        let teams = pay::teams(conn, ctx.org(), None)?.into_iter().map(|t| (t.id, t.name)).collect();
        let mut cases: Vec<i64> = items.iter().map(|i| i.complaint_id).collect();
        cases.sort_unstable();
        cases.dedup();
        let (numbers, negligent) = store::case_facts(conn, &cases)?;
        Ok(Names { users, departments, teams, numbers: numbers.into_iter().collect(), negligent })
    }

    fn department(&self, id: i64) -> String {
        self.departments.get(&id).cloned().unwrap_or_default()
    }

    fn person(&self, id: i64) -> (String, String) {
        self.users.get(&id).map(|(n, d)| (n.clone(), self.department(*d))).unwrap_or_default()
    }

    pub(crate) fn user_department(&self, id: i64) -> Option<i64> {
        self.users.get(&id).map(|(_, d)| *d)
    }

    pub(crate) fn number(&self, complaint_id: i64) -> Option<String> {
        self.numbers.get(&complaint_id).cloned().flatten()
    }

    pub(crate) fn item(&self, i: &ItemRow, available_actions: Vec<ItemAction>) -> ItemView {
        ItemView {
            id: i.id,
            complaint_id: i.complaint_id,
            complaint_number: self.number(i.complaint_id),
            kind: i.kind,
            department_id: i.department_id,
            department_name: self.department(i.department_id),
            team_id: i.team_id,
            team_name: i.team_id.and_then(|t| self.teams.get(&t).cloned()),
            person_id: i.person_id,
            person_name: i.person_id.map(|p| self.person(p).0),
            ratio_percent: i.ratio_percent,
            loss: show(i.loss_fen),
            burden: show(i.burden_fen),
            sanction: i.sanction,
            sanction_count: i.sanction_count,
            negligence: self.negligent.contains(&i.complaint_id),
            state: i.state,
            dispute_reason: i.dispute_reason.clone(),
            decision: i.decision.clone(),
            deferred_to: i.deferred_to.clone(),
            version: i.version,
            available_actions,
        }
    }

    pub(crate) fn charge(&self, c: &ChargeRow, complaint_id: Option<i64>) -> ChargeView {
        let (display_name, department_name) = self.person(c.user_id);
        ChargeView {
            user_id: c.user_id,
            display_name,
            department_name,
            item_id: c.item_id,
            complaint_number: complaint_id.and_then(|id| self.number(id)),
            kind: c.kind,
            sanction: c.sanction,
            sanction_count: c.sanction_count,
            amount: show(c.amount_fen),
        }
    }

    pub(crate) fn ledger(&self, l: &LedgerRow) -> LedgerView {
        let (display_name, department_name) = self.person(l.user_id);
        LedgerView {
            user_id: l.user_id,
            display_name,
            department_name,
            month: l.month.clone(),
            bonus: show(l.bonus_fen),
            carried_in: show(l.carried_in_fen),
            charged: show(l.charged_fen),
            deducted: show(l.deducted_fen),
            carried_on: show(l.carried_on_fen),
        }
    }
}

/// Whether the caller may read the item: a whole-run reader every item, a
/// head his department's, anyone the items naming him.
fn reads_item(ctx: &Ctx, scope: PersonalScope, i: &ItemRow) -> bool {
    match scope {
        PersonalScope::Everyone => true,
        PersonalScope::Department(d) => i.department_id == d || i.person_id == Some(ctx.user()),
        PersonalScope::Own => i.person_id == Some(ctx.user()),
    }
}

/// The run as the caller may read it, with what he may do.
pub fn view(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<RunView> {
    let run = load_run(conn, ctx, id)?;
    let actor = ctx.actor();
    let scope = personal_scope(&actor);
    let policy = policy_of(&run)?;
    let all = store::items(conn, run.id, None)?;
    let case_of: HashMap<i64, i64> = all.iter().map(|i| (i.id, i.complaint_id)).collect();
    let items: Vec<ItemRow> = all.into_iter().filter(|i| reads_item(ctx, scope, i)).collect();
    let charges = store::charges(conn, run.id, None)?;
    let ledger = store::ledger(conn, ctx.org(), Some(run.id), None)?;
    let user_ids: Vec<i64> = charges.iter().map(|c| c.user_id).chain(ledger.iter().map(|l| l.user_id)).collect();
    let names = Names::load(conn, ctx, &items, &user_ids)?;
    let covers = |user: i64| names.user_department(user).is_some_and(|d| scope.covers(&actor, user, d));
    let charges: Vec<ChargeView> = charges.iter().filter(|c| covers(c.user_id)).map(|c| names.charge(c, case_of.get(&c.item_id).copied())).collect();
    let ledger: Vec<LedgerView> = ledger.iter().filter(|l| covers(l.user_id)).map(|l| names.ledger(l)).collect();
    let shown = items.iter().filter_map(|i| i.person_id).chain(charges.iter().map(|c| c.user_id)).chain(ledger.iter().map(|l| l.user_id));
    log_read(conn, ctx, &format!("/penalty-runs/{}", run.id), shown.collect::<std::collections::BTreeSet<i64>>())?;
    let item_views = items
        .iter()
        .map(|i| {
            let f = ItemFacts { run: run.state, state: i.state, kind: i.kind, department_id: i.department_id, resale_window: policy.resale_window_months > 0 };
            let actions = ItemAction::ALL.iter().copied().filter(|a| flow::item_step(&actor, f, *a).is_ok()).collect();
            names.item(i, actions)
        })
        .collect();
    let open = store::open_items(conn, run.id)?;
    let available_actions = RunAction::ALL.iter().copied().filter(|a| flow::run_step(&actor, run.state, *a, open).is_ok()).collect();
    Ok(RunView { run: RunSummary::from(&run), items: item_views, charges, ledger, available_actions })
}

/// A person's ledger, month by month (罚扣台账): the caller's own, or one he
/// may read by the personal-data rule (logged).
pub fn ledger_of(conn: &mut DbConn, ctx: &Ctx, user_id: Option<i64>) -> ApiResult<Vec<LedgerView>> {
    let actor = ctx.actor();
    let user = user_id.unwrap_or(actor.user_id);
    let subject = people::brief(conn, &[user])?.into_iter().next().ok_or(ApiError::NotFound)?;
    if people::user(conn, user)?.org_id != ctx.org() || !personal_scope(&actor).covers(&actor, user, subject.2) {
        return Err(ApiError::NotFound);
    }
    let rows = store::ledger(conn, ctx.org(), None, Some(&[user]))?;
    let names = Names::load(conn, ctx, &[], &[user])?;
    log_read(conn, ctx, "/bonus-ledger", [user])?;
    Ok(rows.iter().map(|l| names.ledger(l)).collect())
}
