//! The steps of a run: heads confirm or dispute items, the coordinator
//! settles and defers them and submits the run, the general manager approves
//! it — which charges each person and writes the month of the bonus ledger —
//! or sends it back, and HR publishes it.

use super::{load_run, notices, policy_of, view, RunView};
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode};
use kehu_domain::improvement::TrackingRefusal as Refusal;
use kehu_domain::penalty::flow::{self, ItemAction, ItemFacts, ItemKind, ItemState, RunAction};
use kehu_domain::penalty::run::{self, Member, Party};
use kehu_domain::penalty::{burden, PenaltyPolicy, YearMonth};
use kehu_domain::Money;
use kehu_persistence::penalties::{self as store, ChargeRow, ItemMove, LedgerRow, Ratio, RunMove, RunRow};
use kehu_persistence::DbConn;
use std::collections::{BTreeMap, HashMap};

fn refused(r: Refusal) -> ApiError {
    match r {
        Refusal::Forbidden => ApiError::Forbidden("not yours to do at this step"),
        Refusal::WrongState => ApiError::state("the run or the item is not at a step that allows this"),
        Refusal::Invalid(issues) => ApiError::issues(issues),
    }
}

pub struct ItemCmd {
    pub run_id: i64,
    pub item_id: i64,
    pub version: i64,
    pub action: ItemAction,
    pub comment: Option<String>,
    /// A settlement's new ratios for the case's shares: (item, percent).
    pub ratios: Vec<(i64, i32)>,
}

pub fn item(tx: &mut Tx, ctx: &Ctx, cmd: ItemCmd) -> ApiResult<RunView> {
    let run = load_run(tx, ctx, cmd.run_id)?;
    let policy = policy_of(&run)?;
    let it = store::item(tx, run.id, cmd.item_id)?.ok_or(ApiError::NotFound)?;
    let f = ItemFacts { run: run.state, state: it.state, kind: it.kind, department_id: it.department_id, resale_window: policy.resale_window_months > 0 };
    let next = flow::item_step(&ctx.actor(), f, cmd.action).map_err(refused)?;
    if it.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let comment = cmd.comment.as_deref().map(str::trim).filter(|c| !c.is_empty());
    if matches!(cmd.action, ItemAction::Dispute | ItemAction::Settle | ItemAction::Defer) {
        flow::check_reason(comment.unwrap_or_default()).map_err(refused)?;
    }
    let deferred_to = (cmd.action == ItemAction::Defer).then(|| next_month(&run.month, policy.resale_window_months));
    let base = ItemMove {
        state: next,
        dispute_reason: (cmd.action == ItemAction::Dispute).then_some(comment.unwrap_or_default()),
        decision: (cmd.action != ItemAction::Dispute).then_some(comment).flatten(),
        deferred_to: deferred_to.as_deref(),
        ratio: None,
        by: ctx.user(),
        at: ctx.now,
    };
    if cmd.action == ItemAction::Settle && !cmd.ratios.is_empty() {
        resettle(tx, &policy, (run.id, it.id, it.complaint_id), &cmd.ratios, base)?;
    } else {
        store::move_item(tx, it.id, cmd.version, &base)?.ok_or(ApiError::PreconditionFailed)?;
    }
    if cmd.action == ItemAction::Dispute {
        notices::disputed(tx, ctx, &run, it.department_id, comment.unwrap_or_default())?;
    }
    ctx.audit(tx, &format!("penalty_item.{}", cmd.action), "penalty_item", it.id, serde_json::json!({"run_id": run.id, "comment": comment}))?;
    view(tx, ctx, run.id)
}

/// New ratios for every share of the disputed case in this run, summing to
/// 100; the disputed item is settled with them, the others keep their state.
fn resettle(
    tx: &mut DbConn,
    policy: &PenaltyPolicy,
    (run_id, disputed, complaint_id): (i64, i64, i64),
    ratios: &[(i64, i32)],
    base: ItemMove,
) -> ApiResult<()> {
    let shares: Vec<_> = store::items(tx, run_id, None)?.into_iter().filter(|i| i.complaint_id == complaint_id && i.kind == ItemKind::Share).collect();
    let mut listed: Vec<i64> = ratios.iter().map(|(id, _)| *id).collect();
    listed.sort_unstable();
    let mut expected: Vec<i64> = shares.iter().map(|s| s.id).collect();
    expected.sort_unstable();
    if listed != expected {
        return Err(ApiError::field("ratios", FieldCode::Invalid, "name every share of the case in this run, once"));
    }
    flow::check_ratios(&ratios.iter().map(|(_, r)| *r).collect::<Vec<_>>()).map_err(refused)?;
    for s in &shares {
        let ratio = ratios.iter().find(|(id, _)| *id == s.id).map_or(s.ratio_percent, |(_, r)| *r);
        let b = burden(Money::from_fen(s.loss_fen).unwrap_or(Money::ZERO), ratio);
        let sanction = if b > Money::ZERO { policy.sanction(b) } else { None };
        let r = Ratio { ratio_percent: ratio, burden_fen: b.fen(), sanction: sanction.map(|x| x.kind), sanction_count: sanction.map(|x| x.count as i32) };
        let m = if s.id == disputed {
            ItemMove { ratio: Some(r), ..base.clone() }
        } else {
            ItemMove { state: s.state, dispute_reason: None, decision: None, deferred_to: None, ratio: Some(r), by: base.by, at: base.at }
        };
        store::move_item(tx, s.id, s.version, &m)?.ok_or(ApiError::PreconditionFailed)?;
    }
    Ok(())
}

fn next_month(month: &str, months: u32) -> String {
    let (y, m) = month.split_once('-').unwrap_or(("0", "1"));
    let ym = YearMonth { year: y.parse().unwrap_or(0), month: m.parse().unwrap_or(1) }.plus(months);
    format!("{:04}-{:02}", ym.year, ym.month)
}

pub struct RunCmd {
    pub run_id: i64,
    pub version: i64,
    pub action: RunAction,
    pub comment: Option<String>,
}

pub fn run(tx: &mut Tx, ctx: &Ctx, cmd: RunCmd) -> ApiResult<RunView> {
    let r = load_run(tx, ctx, cmd.run_id)?;
    let open = store::open_items(tx, r.id)?;
    let next = flow::run_step(&ctx.actor(), r.state, cmd.action, open).map_err(refused)?;
    if r.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let comment = cmd.comment.as_deref().map(str::trim).filter(|c| !c.is_empty());
    if cmd.action == RunAction::SendBack {
        flow::check_reason(comment.unwrap_or_default()).map_err(refused)?;
    }
    if cmd.action == RunAction::Approve {
        if store::approved_after(tx, ctx.org(), &r.month)? {
            return Err(ApiError::state("a later month is approved already: months are approved in order"));
        }
        charge(tx, &r)?;
    }
    let m = RunMove { state: next, comment, by: ctx.user(), at: ctx.now };
    store::move_run(tx, r.id, cmd.version, &m)?.ok_or(ApiError::PreconditionFailed)?;
    notices::run_moved(tx, ctx, &r, cmd.action, comment)?;
    ctx.audit(tx, &format!("penalty_run.{}", cmd.action), "penalty_run", r.id, serde_json::json!({"month": r.month, "state": next}))?;
    view(tx, ctx, r.id)
}

fn member(rows: Vec<(i64, i64, i64)>) -> Vec<Member> {
    rows.into_iter().map(|(user_id, points, bonus)| Member { user_id, points, bonus: Money::from_fen(bonus).unwrap_or(Money::ZERO) }).collect()
}

/// The heads of a department with their basis (none: no points, no bonus).
fn heads(tx: &mut DbConn, org_id: i64, department_id: i64) -> ApiResult<Vec<Member>> {
    let ids = notices::head_ids(tx, org_id, department_id)?;
    let known = member(store::members(tx, None, None, Some(&ids))?);
    Ok(ids.iter().map(|id| known.iter().find(|m| m.user_id == *id).copied().unwrap_or(Member { user_id: *id, points: 0, bonus: Money::ZERO })).collect())
}

/// Charges every confirmed or settled share and writes the month's ledger:
/// everyone charged now, and everyone still carrying a rest from before.
fn charge(tx: &mut DbConn, r: &RunRow) -> ApiResult<()> {
    let policy = policy_of(r)?;
    let mut rows = Vec::new();
    let mut heads_of: HashMap<i64, Vec<Member>> = HashMap::new();
    let mut members_of: HashMap<Party, Vec<Member>> = HashMap::new();
    for it in store::items(tx, r.id, None)? {
        if it.kind != ItemKind::Share || !matches!(it.state, ItemState::Confirmed | ItemState::Settled) {
            continue;
        }
        let party = match (it.person_id, it.team_id) {
            (Some(p), _) => Party::Person(p),
            (None, Some(t)) => Party::Team(t),
            (None, None) => Party::Department(it.department_id),
        };
        // A unit's people are the same for each of its items: read them once.
        if let std::collections::hash_map::Entry::Vacant(e) = members_of.entry(party) {
            e.insert(member(match party {
                Party::Person(p) => store::members(tx, None, None, Some(&[p]))?,
                Party::Team(t) => store::members(tx, Some(t), None, None)?,
                Party::Department(d) => store::members(tx, None, Some(d), None)?,
            }));
        }
        let members = members_of[&party].clone();
        let members = match party {
            Party::Person(p) if members.is_empty() => vec![Member { user_id: p, points: 0, bonus: Money::ZERO }],
            _ => members,
        };
        if let std::collections::hash_map::Entry::Vacant(e) = heads_of.entry(it.department_id) {
            e.insert(heads(tx, r.org_id, it.department_id)?);
        }
        let (_, charges) = run::charges(&policy, party, Money::from_fen(it.burden_fen).unwrap_or(Money::ZERO), &members, &heads_of[&it.department_id]);
        rows.extend(charges.into_iter().map(|c| ChargeRow {
            id: 0,
            run_id: r.id,
            item_id: it.id,
            user_id: c.user_id,
            kind: c.kind,
            sanction: c.sanction.map(|s| s.kind),
            sanction_count: c.sanction.map(|s| s.count as i32),
            amount_fen: c.amount.fen(),
        }));
    }
    store::insert_charges(tx, &rows)?;
    let mut by_person: BTreeMap<i64, Vec<run::Charge>> = BTreeMap::new();
    for c in &rows {
        let sanction = c.sanction.zip(c.sanction_count).map(|(kind, n)| kehu_domain::penalty::Sanction { kind, count: n as u32 });
        let amount = Money::from_fen(c.amount_fen).unwrap_or(Money::ZERO);
        by_person.entry(c.user_id).or_default().push(run::Charge { user_id: c.user_id, kind: c.kind, sanction, amount });
    }
    let carried: HashMap<i64, i64> = store::carried_into(tx, r.org_id, &r.month)?.into_iter().map(|l| (l.user_id, l.carried_on_fen)).collect();
    for u in carried.keys() {
        by_person.entry(*u).or_default();
    }
    let ids: Vec<i64> = by_person.keys().copied().collect();
    let bonus: HashMap<i64, i64> = store::members(tx, None, None, Some(&ids))?.into_iter().map(|(u, _, b)| (u, b)).collect();
    let mut ledger = Vec::new();
    for (user, charges) in by_person {
        let b = Money::from_fen(bonus.get(&user).copied().unwrap_or(0)).unwrap_or(Money::ZERO);
        let carried_in = Money::from_fen(carried.get(&user).copied().unwrap_or(0)).unwrap_or(Money::ZERO);
        let m = run::month(&policy, carried_in, &charges, b);
        ledger.push(LedgerRow {
            id: 0,
            org_id: r.org_id,
            user_id: user,
            month: r.month.clone(),
            run_id: r.id,
            bonus_fen: b.fen(),
            carried_in_fen: m.carried_in.fen(),
            charged_fen: m.charged.fen(),
            deducted_fen: m.deducted.fen(),
            carried_on_fen: m.carried_on.fen(),
        });
    }
    store::insert_ledger(tx, &ledger)?;
    Ok(())
}
