//! The monthly penalty run (客诉罚扣, domain.md §4.7) as people read it:
//! each through the personal-data rule, every read of another's logged.

pub mod act;
pub mod demo;
pub mod lists;
pub mod notices;
pub mod start;

use crate::app::pay::log_read;
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::http::money::show;
use chrono::{DateTime, Utc};
use kehu_domain::pay::{personal_scope, PersonalScope};
use kehu_domain::penalty::flow::{self, ItemAction, ItemFacts, ItemKind, ItemState, RunAction, RunState};
use kehu_domain::penalty::run::ChargeKind;
use kehu_domain::penalty::{PenaltyPolicy, SanctionKind};
use kehu_persistence::penalties::{self as store, ChargeRow, ItemFilter, ItemRow, LedgerRow, RunRow};
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
    pub created_at: DateTime<Utc>,
    pub approved_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
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
            created_at: r.created_at.and_utc(),
            approved_at: r.approved_at.map(|t| t.and_utc()),
            published_at: r.published_at.map(|t| t.and_utc()),
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
    /// A page of the items the caller may read (200 unless asked otherwise).
    pub items: Vec<ItemView>,
    /// Pass as `after` for the next page; null on the last.
    pub items_next: Option<i64>,
    pub item_counts: ItemCounts,
    /// What the approved run charges for the items on the page, and all of
    /// the caller's own, as far as he may read them.
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

/// The items of the caller's scope: a whole-run reader any, a head his
/// department's (another's only where they name him), anyone those naming him.
fn scoped(ctx: &Ctx, scope: PersonalScope, mut f: ItemFilter) -> ItemFilter {
    match scope {
        PersonalScope::Everyone => {}
        PersonalScope::Department(d) if f.department_id.is_none_or(|x| x == d) => f.department_id = Some(d),
        PersonalScope::Department(_) | PersonalScope::Own => f.person_id = Some(ctx.user()),
    }
    f
}

/// Which page of the run's items to show.
#[derive(Clone, Copy, Debug)]
pub struct ItemPage {
    pub department_id: Option<i64>,
    pub state: Option<ItemState>,
    pub after: i64,
    pub limit: i64,
}

impl Default for ItemPage {
    fn default() -> Self {
        ItemPage { department_id: None, state: None, after: 0, limit: 200 }
    }
}

/// How many of the items the caller may read (with the filters) are in each state.
#[derive(Serialize, ToSchema, Clone, Debug, Default)]
pub struct ItemCounts {
    pub total: i64,
    pub pending: i64,
    pub confirmed: i64,
    pub disputed: i64,
    pub settled: i64,
    pub deferred: i64,
}

/// The run with the first page of items (200).
pub fn view(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<RunView> {
    view_page(conn, ctx, id, ItemPage::default())
}

/// The run as the caller may read it, with a page of its items, their
/// charges (and all of his own), the month's ledger and what he may do.
pub fn view_page(conn: &mut DbConn, ctx: &Ctx, id: i64, page: ItemPage) -> ApiResult<RunView> {
    let run = load_run(conn, ctx, id)?;
    let scope = personal_scope(&ctx.actor());
    let f = scoped(ctx, scope, ItemFilter { department_id: page.department_id, person_id: None, state: page.state, after: page.after });
    let mut items = store::item_page(conn, run.id, f, page.limit + 1)?;
    let more = items.len() as i64 > page.limit;
    items.truncate(page.limit as usize);
    let mut counts = ItemCounts::default();
    for (state, n) in store::item_counts(conn, run.id, f)? {
        counts.total += n;
        match state {
            ItemState::Pending => counts.pending = n,
            ItemState::Confirmed => counts.confirmed = n,
            ItemState::Disputed => counts.disputed = n,
            ItemState::Settled => counts.settled = n,
            ItemState::Deferred => counts.deferred = n,
        }
    }
    let ids: Vec<i64> = items.iter().map(|i| i.id).collect();
    let mut charges = store::charges_of_items(conn, run.id, &ids)?;
    charges.extend(store::charges(conn, run.id, Some(&[ctx.user()]))?.into_iter().filter(|c| !ids.contains(&c.item_id)));
    let case_of: HashMap<i64, i64> = items.iter().map(|i| (i.id, i.complaint_id)).collect();
    let mut v = assemble(conn, ctx, &run, items, charges, &case_of)?;
    v.item_counts = counts;
    v.items_next = if more { v.items.last().map(|i| i.id) } else { None };
    Ok(v)
}

/// The whole run as the caller may read it: every item and charge (the lists).
pub fn view_all(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<RunView> {
    let run = load_run(conn, ctx, id)?;
    let scope = personal_scope(&ctx.actor());
    let all = store::items(conn, run.id, None)?;
    let case_of: HashMap<i64, i64> = all.iter().map(|i| (i.id, i.complaint_id)).collect();
    let f = scoped(ctx, scope, ItemFilter::default());
    let items: Vec<ItemRow> =
        all.into_iter().filter(|i| f.department_id.is_none_or(|d| d == i.department_id) && f.person_id.is_none_or(|p| Some(p) == i.person_id)).collect();
    let charges = store::charges(conn, run.id, None)?;
    assemble(conn, ctx, &run, items, charges, &case_of)
}

fn assemble(conn: &mut DbConn, ctx: &Ctx, run: &RunRow, items: Vec<ItemRow>, charges: Vec<ChargeRow>, case_of: &HashMap<i64, i64>) -> ApiResult<RunView> {
    let actor = ctx.actor();
    let scope = personal_scope(&actor);
    let policy = policy_of(run)?;
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
    Ok(RunView { run: RunSummary::from(run), items: item_views, items_next: None, item_counts: ItemCounts::default(), charges, ledger, available_actions })
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
