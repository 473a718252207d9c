//! The letters that chase a case: a reminder (催办单) when a step is overdue
//! or urged, an inquiry (洽办单) per late step when a case closes late. Who
//! may read the case may read its letters; the late department answers an
//! inquiry once, and the answer joins the case's history.

pub mod chase;
pub mod demo;
pub mod policy;

use crate::app::complaints::{self, notify};
use crate::app::views::Ref;
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult};
use chrono::{DateTime, NaiveDateTime, Utc};
use kehu_domain::letter::{self as rules, Addressee, LetterClock, LetterEvent, LetterKind, LetterRefusal};
use kehu_domain::notice::Notice;
use kehu_domain::org::DepartmentKind;
use kehu_domain::penalty::flow::{late_unit, LateUnit};
use kehu_domain::{Role, State};
use kehu_persistence::complaints::ComplaintRow;
use kehu_persistence::letters::{self as store, LetterRow, NewLetter};
use kehu_persistence::people::Department;
use kehu_persistence::{events, people, DbConn};
use serde::Serialize;
use utoipa::ToSchema;

/// The department that holds `step` of a case: its sales department, its
/// countermeasure department, or the one department of the step's kind.
pub(crate) fn step_department(departments: &[Department], step: State, sales_department_id: i64, countermeasure_department_id: Option<i64>) -> Option<i64> {
    match late_unit(step) {
        LateUnit::SalesDepartment => Some(sales_department_id),
        LateUnit::Countermeasure => countermeasure_department_id,
        LateUnit::Kind(k) => of_kind(departments, k),
    }
}

pub(crate) fn of_kind(departments: &[Department], kind: DepartmentKind) -> Option<i64> {
    departments.iter().find(|d| d.kind == kind && d.active).map(|d| d.id)
}

/// What a new letter chases.
pub(crate) struct Chase {
    pub kind: LetterKind,
    pub clock: LetterClock,
    pub level: i32,
    pub step: State,
    pub due_at: NaiveDateTime,
    pub late_at: NaiveDateTime,
    /// `None`: the worker.
    pub issued_by: Option<i64>,
    /// The department addressed; `None`: the one holding `step`.
    pub department_id: Option<i64>,
}

/// The department holding `step` of the case.
pub(crate) fn department_of(conn: &mut DbConn, case: &ComplaintRow, step: State) -> ApiResult<Option<i64>> {
    let departments = people::departments(conn, case.org_id)?;
    Ok(step_department(&departments, step, case.sales_department_id, case.countermeasure_department_id))
}

/// Numbers and stores a letter about `case`, in the caller's transaction.
pub(crate) fn issue(conn: &mut DbConn, case: &ComplaintRow, chase: Chase, now: NaiveDateTime) -> ApiResult<LetterRow> {
    let number = crate::app::returns::number_at(conn, case.org_id, now, chase.kind.prefix())?;
    let department_id = match chase.department_id {
        Some(d) => Some(d),
        None => department_of(conn, case, chase.step)?,
    };
    let new = NewLetter {
        org_id: case.org_id,
        complaint_id: case.id,
        kind: chase.kind,
        number,
        clock: chase.clock,
        level: chase.level,
        step: chase.step,
        department_id,
        due_at: chase.due_at,
        late_at: chase.late_at,
        issued_by: chase.issued_by,
        issued_at: now,
    };
    Ok(store::insert(conn, &new)?)
}

/// A 催办单 or 洽办单 as its document shows it.
#[derive(Serialize, ToSchema)]
pub struct LetterView {
    pub id: i64,
    pub kind: LetterKind,
    #[schema(example = "CB2612-0001")]
    pub number: String,
    pub complaint: Ref,
    pub customer: Ref,
    /// The deadline it chases: the step's, the whole case's or the containment's.
    pub clock: LetterClock,
    /// 1: the step's people; 2: also their department's manager; 3: also the GM office.
    pub level: i32,
    /// The state the case waited in.
    pub step: State,
    /// The department the letter is addressed to.
    pub department: Option<Ref>,
    pub due_at: DateTime<Utc>,
    /// How late, in whole minutes: until now while a reminder's step still
    /// waits, else until the letter was issued (reminders) or the step was
    /// left (inquiries).
    pub late_minutes: i64,
    /// A reminder whose step still waits past the same deadline, or an
    /// inquiry still unanswered.
    pub pending: bool,
    pub issued_at: DateTime<Utc>,
    /// Who urged the step; absent when the worker issued it.
    pub issued_by: Option<Ref>,
    /// The late department's reason (inquiries).
    pub answer: Option<String>,
    pub answered_by: Option<Ref>,
    pub answered_at: Option<DateTime<Utc>>,
    pub can_answer: bool,
    pub version: i64,
}

/// The people of the late step, who answer for their department.
fn holders(conn: &mut DbConn, case: &ComplaintRow, step: State) -> ApiResult<Vec<i64>> {
    notify::waiting_for(conn, &ComplaintRow { state: step, ..case.clone() })
}

fn may_answer(conn: &mut DbConn, ctx: &Ctx, case: &ComplaintRow, l: &LetterRow) -> ApiResult<Result<(), LetterRefusal>> {
    let holders = if l.kind == LetterKind::Inquiry { holders(conn, case, l.step)? } else { Vec::new() };
    let to = Addressee { kind: l.kind, answered: l.answered_at.is_some(), holders: &holders, department_id: l.department_id };
    Ok(rules::may_answer(&ctx.actor(), &to))
}

fn view(conn: &mut DbConn, ctx: &Ctx, case: &ComplaintRow, l: LetterRow) -> ApiResult<LetterView> {
    let can_answer = may_answer(conn, ctx, case, &l)?.is_ok();
    let ids: Vec<i64> = [l.issued_by, l.answered_by].into_iter().flatten().collect();
    let people: Vec<(i64, String)> = people::display_names(conn, &ids)?;
    let person = |id: i64| Ref { id, name: people.iter().find(|p| p.0 == id).map(|p| p.1.clone()).unwrap_or_default() };
    let customer = kehu_persistence::customers::many(conn, &[case.customer_id])?.pop().map(|c| c.name).unwrap_or_default();
    let pending = match l.kind {
        LetterKind::Reminder => {
            case.state != State::Closed
                && match l.clock {
                    LetterClock::Step => case.state == l.step && case.step_due_at == Some(l.due_at),
                    LetterClock::Case => case.case_due_at == Some(l.due_at),
                    LetterClock::Containment => case.containment_recorded_at.is_none() && case.containment_due_at == Some(l.due_at),
                }
        }
        LetterKind::Inquiry => l.answered_at.is_none(),
    };
    let department = match l.department_id {
        Some(id) => Some(Ref { id, name: people::department_names(conn, &[id])?.pop().map(|d| d.1).unwrap_or_default() }),
        None => None,
    };
    let until = if pending && l.kind == LetterKind::Reminder { ctx.now } else { l.late_at };
    Ok(LetterView {
        id: l.id,
        kind: l.kind,
        number: l.number,
        complaint: Ref { id: case.id, name: notify::label(case) },
        customer: Ref { id: case.customer_id, name: customer },
        clock: l.clock,
        level: l.level,
        step: l.step,
        department,
        due_at: l.due_at.and_utc(),
        late_minutes: rules::late_by(l.due_at, until).num_minutes(),
        pending,
        issued_at: l.issued_at.and_utc(),
        issued_by: l.issued_by.map(person),
        answer: l.answer,
        answered_by: l.answered_by.map(person),
        answered_at: l.answered_at.map(|t| t.and_utc()),
        can_answer,
        version: l.version,
    })
}

/// A letter of a case the caller may read, or 404.
fn visible(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<(ComplaintRow, LetterRow)> {
    let letter = store::get(conn, ctx.org(), id)?.ok_or(ApiError::NotFound)?;
    let (case, _) = complaints::visible(conn, ctx, letter.complaint_id)?;
    Ok((case, letter))
}

pub fn get(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<LetterView> {
    let (case, letter) = visible(conn, ctx, id)?;
    view(conn, ctx, &case, letter)
}

/// A case's letters, oldest first.
pub fn of_case(conn: &mut DbConn, ctx: &Ctx, complaint_id: i64) -> ApiResult<Vec<LetterView>> {
    let (case, _) = complaints::visible(conn, ctx, complaint_id)?;
    store::of_complaint(conn, ctx.org(), case.id)?.into_iter().map(|l| view(conn, ctx, &case, l)).collect()
}

pub struct AnswerLetter {
    pub id: i64,
    pub version: i64,
    pub answer: String,
}

fn refused(r: LetterRefusal) -> ApiError {
    match r {
        LetterRefusal::WrongState => ApiError::state("only an unanswered late-close inquiry takes an answer"),
        LetterRefusal::Forbidden => ApiError::Forbidden("only the late department answers its inquiry"),
        LetterRefusal::Invalid(issues) => ApiError::issues(issues),
    }
}

/// The late department's reason: stored on the letter, written to the case's
/// history, and told to the coordinators.
pub fn answer(tx: &mut Tx, ctx: &Ctx, cmd: AnswerLetter) -> ApiResult<LetterView> {
    let (case, letter) = visible(tx, ctx, cmd.id)?;
    may_answer(tx, ctx, &case, &letter)?.map_err(refused)?;
    let text = cmd.answer.trim().to_owned();
    rules::check_answer(&text).map_err(refused)?;
    if letter.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let saved = store::answer(tx, letter.id, cmd.version, &text, ctx.user(), ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    let body = serde_json::json!({"letter_id": saved.id, "letter": saved.number, "step": saved.step, "answer": text});
    let case = crate::app::improvement::history(tx, ctx, &case, LetterEvent::AnswerLateInquiry, body)?;
    let coordinators = people::users_with_role(tx, case.org_id, Role::Coordinator, None)?;
    let notice = Notice::late_inquiry_answered(case.id, &notify::label(&case), saved.step, (saved.id, &saved.number), &text);
    events::notify(tx, case.org_id, &coordinators, &notice, ctx.now)?;
    view(tx, ctx, &case, saved)
}
