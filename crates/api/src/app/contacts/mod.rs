//! The customer told in time: the first reply, opened when the case is
//! registered, and the close confirmation with its satisfaction survey,
//! opened when it closes resolved. Sales records each once; the record joins
//! the case's history; the worker reminds a late one once (`chase`).

pub mod chase;
pub mod demo;

use crate::app::complaints::{self, notify};
use crate::app::surveys::{self, ScoresView, Subject, SurveyLinkView};
use crate::app::views::Ref;
use crate::app::{policy, Ctx, Tx};
use crate::error::{ApiError, ApiResult, ProblemCode};
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::chase::ChasePolicy;
use kehu_domain::contact::{self as rules, Contact, ContactKind, ContactMethod, ContactRefusal, ContactStatus};
use kehu_domain::notice::Notice;
use kehu_domain::{Action, Closure, Role, State};
use kehu_persistence::care as survey_store;
use kehu_persistence::complaints::ComplaintRow;
use kehu_persistence::contacts::{self as store, ContactRow, Recorded};
use kehu_persistence::{events, people, DbConn};
use serde::Serialize;
use utoipa::ToSchema;

/// The survey sent with a close confirmation.
#[derive(Serialize, ToSchema)]
pub struct CaseContactSurvey {
    pub id: i64,
    pub sent_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub answered_at: Option<DateTime<Utc>>,
    pub scores: Option<ScoresView>,
}

/// A contact with the customer, as the case shows it.
#[derive(Serialize, ToSchema)]
pub struct CaseContactView {
    pub kind: ContactKind,
    pub status: ContactStatus,
    /// When its clock started: the registration, or the close.
    pub opened_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub contacted_at: Option<DateTime<Utc>>,
    pub method: Option<ContactMethod>,
    /// What the customer was told and said.
    pub summary: Option<String>,
    /// First reply: the date the full answer was promised for.
    pub promised_on: Option<NaiveDate>,
    /// Close confirmation: whether the customer confirmed the outcome.
    pub confirmed: Option<bool>,
    pub survey: Option<CaseContactSurvey>,
    pub recorded_by: Option<Ref>,
    pub recorded_at: Option<DateTime<Utc>>,
    /// When the worker reminded sales that it was late.
    pub reminded_at: Option<DateTime<Utc>>,
    pub can_record: bool,
    /// A close confirmation whose survey is not answered yet, to the caller
    /// who may record it.
    pub can_send_survey: bool,
    pub version: i64,
}

/// Who filed the case and who owns its customer.
fn salespeople(case: &ComplaintRow, customer_owner: i64) -> Vec<i64> {
    let mut v = vec![case.created_by, customer_owner];
    v.dedup();
    v
}

/// The same, reading who owns the customer.
pub(crate) fn salespeople_of(conn: &mut DbConn, case: &ComplaintRow) -> ApiResult<Vec<i64>> {
    let owner = kehu_persistence::customers::many(conn, &[case.customer_id])?.pop().map_or(case.created_by, |c| c.owner_id);
    Ok(salespeople(case, owner))
}

fn may_record(ctx: &Ctx, case: &ComplaintRow, owner: i64, recorded: bool) -> Result<(), ContactRefusal> {
    rules::may_record(&ctx.actor(), &salespeople(case, owner), case.sales_department_id, recorded)
}

fn view(conn: &mut DbConn, ctx: &Ctx, case: &ComplaintRow, owner: i64, c: ContactRow) -> ApiResult<CaseContactView> {
    let recorded_by = match c.recorded_by {
        Some(id) => Some(Ref { id, name: people::display_names(conn, &[id])?.pop().map(|p| p.1).unwrap_or_default() }),
        None => None,
    };
    let survey = match c.survey_id {
        Some(id) => survey_store::survey(conn, id)?.map(|s| CaseContactSurvey {
            id: s.id,
            sent_at: s.created_at.and_utc(),
            expires_at: s.token_expires_at.map(|t| t.and_utc()),
            answered_at: s.submitted_at.map(|t| t.and_utc()),
            scores: s.scores().map(ScoresView::from),
        }),
        None => None,
    };
    let may = may_record(ctx, case, owner, false).is_ok();
    Ok(CaseContactView {
        kind: c.kind,
        status: rules::status(c.due_at, c.contacted_at, ctx.now),
        opened_at: c.opened_at.and_utc(),
        due_at: c.due_at.and_utc(),
        contacted_at: c.contacted_at.map(|t| t.and_utc()),
        method: c.method,
        summary: c.summary,
        promised_on: c.promised_on,
        confirmed: c.confirmed,
        can_record: may && c.contacted_at.is_none(),
        can_send_survey: may && c.kind == ContactKind::CloseConfirmation && survey.as_ref().is_none_or(|s| s.answered_at.is_none()),
        survey,
        recorded_by,
        recorded_at: c.recorded_at.map(|t| t.and_utc()),
        reminded_at: c.reminded_at.map(|t| t.and_utc()),
        version: c.version,
    })
}

/// A case's contacts with the customer, once their clocks started.
pub fn of_case(conn: &mut DbConn, ctx: &Ctx, complaint_id: i64) -> ApiResult<Vec<CaseContactView>> {
    let (case, owner) = complaints::visible(conn, ctx, complaint_id)?;
    store::of_complaint(conn, case.id)?.into_iter().map(|c| view(conn, ctx, &case, owner, c)).collect()
}

fn refused(r: ContactRefusal) -> ApiError {
    match r {
        ContactRefusal::WrongState => ApiError::conflict(ProblemCode::AlreadyDone, "this contact with the customer is already recorded"),
        ContactRefusal::Forbidden => ApiError::Forbidden("the case's salespeople, its sales department and customer service speak to the customer"),
        ContactRefusal::Invalid(issues) => ApiError::issues(issues),
    }
}

/// The contact `kind` of a readable case, once its clock started.
fn opened(conn: &mut DbConn, ctx: &Ctx, complaint_id: i64, kind: ContactKind) -> ApiResult<(ComplaintRow, i64, ContactRow)> {
    let (case, owner) = complaints::visible(conn, ctx, complaint_id)?;
    let row = store::get(conn, case.id, kind)?.ok_or_else(|| {
        ApiError::state(match kind {
            ContactKind::FirstReply => "the first reply is due once the case is registered",
            ContactKind::CloseConfirmation => "the close confirmation is due once the case closes resolved",
        })
    })?;
    Ok((case, owner, row))
}

pub struct RecordContact {
    pub complaint_id: i64,
    pub kind: ContactKind,
    pub version: i64,
    pub contact: Contact,
}

/// Records a contact once, in the case's history; a customer who did not
/// confirm the outcome is told to the coordinators and the sales managers.
pub fn record(tx: &mut Tx, ctx: &Ctx, cmd: RecordContact) -> ApiResult<CaseContactView> {
    let (case, owner, row) = opened(tx, ctx, cmd.complaint_id, cmd.kind)?;
    may_record(ctx, &case, owner, row.contacted_at.is_some()).map_err(refused)?;
    let mut c = cmd.contact;
    c.summary = c.summary.trim().to_owned();
    let earliest = match cmd.kind {
        ContactKind::FirstReply => case.created_at,
        ContactKind::CloseConfirmation => row.opened_at,
    };
    // A time out of range is refused below; clamped, it cannot overflow the calendar.
    let contacted_on = policy::calendar(tx, case.org_id)?.local_date(c.contacted_at.min(ctx.now).max(earliest).and_utc());
    rules::check(cmd.kind, &c, contacted_on, earliest, ctx.now).map_err(refused)?;
    if row.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let r = Recorded {
        contacted_at: c.contacted_at,
        method: c.method,
        summary: &c.summary,
        promised_on: c.promised_on,
        confirmed: c.confirmed,
        by: ctx.user(),
        at: ctx.now,
    };
    let saved = store::record(tx, row.id, cmd.version, &r)?.ok_or(ApiError::PreconditionFailed)?;
    let body = serde_json::json!({
        "kind": cmd.kind, "contacted_at": c.contacted_at.and_utc(), "method": c.method, "summary": c.summary,
        "promised_on": c.promised_on, "confirmed": c.confirmed,
    });
    let case = crate::app::improvement::history(tx, ctx, &case, cmd.kind.event(), body)?;
    if c.confirmed == Some(false) {
        let mut users = people::users_with_role(tx, case.org_id, Role::Coordinator, None)?;
        for role in [Role::SalesSupervisor, Role::SalesManager] {
            users.extend(people::users_with_role(tx, case.org_id, role, Some(case.sales_department_id))?);
        }
        events::notify(tx, case.org_id, &users, &Notice::close_not_confirmed(case.id, &notify::label(&case), &c.summary), ctx.now)?;
    }
    view(tx, ctx, &case, owner, saved)
}

/// The satisfaction survey about the handling, sent with the close
/// confirmation: a link the customer answers without logging in. A newer
/// link ends the unanswered one before it.
pub fn survey_link(tx: &mut Tx, ctx: &Ctx, complaint_id: i64) -> ApiResult<SurveyLinkView> {
    let (case, owner, row) = opened(tx, ctx, complaint_id, ContactKind::CloseConfirmation)?;
    may_record(ctx, &case, owner, false).map_err(refused)?;
    if let Some(s) = row.survey_id.map(|id| survey_store::survey(tx, id)).transpose()?.flatten() {
        if s.submitted_at.is_some() {
            return Err(ApiError::conflict(ProblemCode::AlreadyAnswered, "the customer already answered this case's survey"));
        }
        survey_store::expire_link(tx, s.id, ctx.now)?;
    }
    let subject = Subject { customer_id: case.customer_id, product: case.product_number.clone(), period: None };
    let link = surveys::issue_link(tx, ctx, subject, Some(case.id))?;
    store::set_survey(tx, row.id, link.survey_id)?;
    Ok(link)
}

/// Starts the customer's clocks an action reaches: the first reply at the
/// registration, the close confirmation at a resolved close (and tells sales).
pub(crate) fn open_after(tx: &mut Tx, ctx: &Ctx, case: &ComplaintRow, action: Action) -> ApiResult<()> {
    let kind = match (action, case.state, case.closure) {
        (Action::Register, _, _) => ContactKind::FirstReply,
        (_, State::Closed, Some(Closure::Resolved)) => ContactKind::CloseConfirmation,
        _ => return Ok(()),
    };
    let (p, _): (ChasePolicy, i64) = policy::current(tx, case.org_id, policy::CHASE)?;
    store::open(tx, case.org_id, case.id, kind, ctx.now, ctx.now + kind.allowed(&p))?;
    if kind == ContactKind::CloseConfirmation {
        let notice = Notice::close_confirmation_due(case.id, &notify::label(case), p.close_confirmation_hours);
        let sales = salespeople_of(tx, case)?;
        events::notify(tx, case.org_id, &sales, &notice, ctx.now)?;
    }
    Ok(())
}
