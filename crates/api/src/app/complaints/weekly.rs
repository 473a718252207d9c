//! The weekly complaint statistics (客户投诉周报, `kehu_domain::weekly`): a
//! week's registered and closed cases, the first-closure rate, the cases
//! past their deadline at its end, by kind and severity, and the irrational
//! complaints; as figures and as a workbook.

use super::sheets::SheetData;
use crate::app::views::percent;
use crate::app::{policy, Ctx};
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::i18n::Lang;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use kehu_domain::{statistics, weekly};
use kehu_persistence::{statistics as facts, DbConn};
use serde::Serialize;
use utoipa::ToSchema;

pub struct WeeklyCmd {
    /// Any day of the week; the last week that has ended when absent.
    pub week: Option<NaiveDate>,
}

#[derive(Serialize, ToSchema)]
pub struct WeekRow {
    /// The kind's or severity's code; `(none)` when not set.
    pub key: String,
    pub registered: u64,
    pub closed: u64,
}

#[derive(Serialize, ToSchema)]
pub struct WeeklyStatistics {
    /// The Monday the week starts (company time).
    pub week: NaiveDate,
    /// Its Sunday.
    pub last_day: NaiveDate,
    /// The Friday its report is due.
    pub due_on: NaiveDate,
    /// The week as UTC instants: `[from, to)`.
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Registered (受理) in the week.
    pub registered: u64,
    /// Closed in the week.
    pub closed: u64,
    pub first_closures: u64,
    /// 一次关闭率 of the cases closed, percent with two decimals.
    #[schema(example = "86.21")]
    pub first_closure_rate_percent: Option<String>,
    /// Open at the week's end and past the whole-case deadline.
    pub overdue: u64,
    /// Closed cases confirmed irrational (一次非理性抱怨).
    pub irrational_first: u64,
    /// Closed cases made irrational by a deferred closure (二次非理性抱怨).
    pub irrational_second: u64,
    /// Irrational complaints of either level among the cases closed, percent.
    pub irrational_share_percent: Option<String>,
    pub by_kind: Vec<WeekRow>,
    pub by_severity: Vec<WeekRow>,
}

fn rows(rows: Vec<weekly::Row>) -> Vec<WeekRow> {
    rows.into_iter().map(|r| WeekRow { key: r.key, registered: r.registered, closed: r.closed }).collect()
}

/// The week's statistics; for the readers of the monthly table.
pub fn weekly(c: &mut DbConn, ctx: &Ctx, q: WeeklyCmd) -> ApiResult<WeeklyStatistics> {
    if !statistics::may_read(&ctx.actor()) {
        return Err(ApiError::Forbidden("the statistics are for the coordinator, executives and QA's manager"));
    }
    let cal = policy::calendar(c, ctx.org())?;
    let week = match q.week {
        Some(day) => weekly::week_of(day),
        None => weekly::last_complete_week(cal.local_date(ctx.now.and_utc())),
    };
    let next = week
        .checked_add_signed(Duration::days(7))
        .filter(|_| week.year() >= 1970 && week.year() < 10_000)
        .ok_or_else(|| ApiError::field("week", FieldCode::Invalid, "a day from 1970 to 9999"))?;
    let (from, to) = (cal.day_start(week), cal.day_start(next));
    let registered = facts::registered_between(c, ctx.org(), from.naive_utc(), to.naive_utc())?;
    let closed = facts::closed_cases_between(c, ctx.org(), from.naive_utc(), to.naive_utc())?;
    let overdue = facts::overdue_at(c, ctx.org(), to.naive_utc())?;
    let w = weekly::weekly(&registered, &closed, u64::try_from(overdue).unwrap_or(0));
    Ok(WeeklyStatistics {
        week,
        last_day: week + Duration::days(6),
        due_on: weekly::due_on(week),
        from,
        to,
        first_closure_rate_percent: w.first_closure_rate_bp().map(percent),
        irrational_share_percent: w.irrational_share_bp().map(percent),
        registered: w.registered,
        closed: w.closed,
        first_closures: w.first_closures,
        overdue: w.overdue,
        irrational_first: w.irrational_first,
        irrational_second: w.irrational_second,
        by_kind: rows(w.by_kind),
        by_severity: rows(w.by_severity),
    })
}

/// The workbook's sheets: the figures, by kind, by severity; each
/// breakdown with a totals row that equals the week's figure.
pub fn sheets(w: &WeeklyStatistics, lang: Lang) -> Vec<SheetData> {
    let word = |key: &str| lang.text(key).unwrap_or(key).to_owned();
    let label = |group: &str, code: &str| if code == "(none)" { word("weekly.unset") } else { word(&format!("{group}.{code}")) };
    let figure = |key: &str, value: String| vec![word(&format!("weekly.{key}")), value];
    let summary = vec![
        figure("week", format!("{} – {}", w.week, w.last_day)),
        figure("registered", w.registered.to_string()),
        figure("closed", w.closed.to_string()),
        figure("firstClosures", w.first_closures.to_string()),
        figure("firstClosureRate", w.first_closure_rate_percent.clone().map_or_else(String::new, |p| format!("{p}%"))),
        figure("overdue", w.overdue.to_string()),
        figure("irrationalFirst", w.irrational_first.to_string()),
        figure("irrationalSecond", w.irrational_second.to_string()),
        figure("irrationalShare", w.irrational_share_percent.clone().map_or_else(String::new, |p| format!("{p}%"))),
    ];
    let breakdown = |name: &str, group: &str, rows: &[WeekRow]| {
        let mut out: Vec<Vec<String>> = rows.iter().map(|r| vec![label(group, &r.key), r.registered.to_string(), r.closed.to_string()]).collect();
        out.push(vec![word("tracking.total"), w.registered.to_string(), w.closed.to_string()]);
        SheetData {
            name: word(&format!("weekly.{name}")),
            headers: vec![word(&format!("weekly.{group}")), word("weekly.registered"), word("weekly.closed")],
            rows: out,
            numbers: vec![1, 2],
        }
    };
    vec![
        SheetData { name: word("weekly.sheet"), headers: vec![word("weekly.item"), word("weekly.value")], rows: summary, numbers: vec![1] },
        breakdown("byKind", "kind", &w.by_kind),
        breakdown("bySeverity", "severity", &w.by_severity),
    ]
}
