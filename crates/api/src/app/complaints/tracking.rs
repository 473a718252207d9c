//! The tracking sheet (客户投诉案件追踪表, domain.md §4.10) as a spreadsheet:
//! every complaint the caller may list that matches the list's filters, in
//! the order received, in the caller's language, with a totals row. Read a
//! page at a time and written to a temporary file as it goes, so that the
//! memory it takes does not grow with the rows.

use super::list::scope;
use crate::app::{policy, Ctx};
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::grid::out::{Cell, SheetFile};
use crate::i18n::Lang;
use chrono::NaiveDate;
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::workflow::EventAction;
use kehu_persistence::complaint_lists::ComplaintFilter;
use kehu_persistence::complaint_reads;
use kehu_persistence::complaint_tracking::{self as store, TrackingRow, SIGN_OFFS};
use kehu_persistence::complaints::LineRow;
use kehu_persistence::{people, DbConn};
use std::collections::HashMap;

const PAGE: i64 = 1000;
/// The most rows one file holds: past it the filters must narrow the list,
/// so that one download holds a connection for a bounded time.
const MAX_ROWS: i64 = 200_000;

/// The sheet's columns, as catalog keys under `tracking.`.
const COLUMNS: [&str; 26] = [
    "received",
    "number",
    "customer",
    "order",
    "product",
    "shipDate",
    "quantity",
    "claim",
    "defective",
    "complaint",
    "unit",
    "resolution",
    "loss",
    "department",
    "ratio",
    "person",
    "sanction",
    "days",
    "signReceived",
    "signQa",
    "signUnit",
    "signSales",
    "closedOn",
    "closure",
    "letters",
    "state",
];
/// The columns the totals row adds up: quantity, claim, defective, loss.
const TOTALLED: [usize; 4] = [6, 7, 8, 12];

/// The workbook of the cases the list shows with `filter`, rewound, and how
/// many it lists; worded in the caller's language.
pub fn export(conn: &mut DbConn, ctx: &Ctx, filter: ComplaintFilter) -> ApiResult<(std::fs::File, u64)> {
    let scope = scope(ctx);
    if kehu_persistence::complaint_lists::count(conn, ctx.org(), &scope, &filter)? > MAX_ROWS {
        return Err(ApiError::field("filter", FieldCode::TooManyRows, format!("at most {MAX_ROWS} complaints in one file: narrow the filters")));
    }
    let lang = ctx.lang;
    let word = |key: &str| lang.text(&format!("tracking.{key}")).unwrap_or(key).to_owned();
    let mut sheet = SheetFile::new(&word("sheet"), &COLUMNS.map(word))?;
    let calendar = policy::calendar(conn, ctx.org())?;
    let day = |t: chrono::NaiveDateTime| calendar.local_date(t.and_utc());
    let today = day(ctx.now);
    let departments: HashMap<i64, String> = people::departments(conn, ctx.org())?.into_iter().map(|d| (d.id, d.name)).collect();
    let (mut after, mut listed) = (None, 0u64);
    let mut totals = [0i64; 4];
    loop {
        let rows = store::page(conn, ctx.org(), &scope, &filter, after, PAGE)?;
        let Some((last, _)) = rows.last() else { break };
        after = Some((last.created_at, last.id));
        let ids: Vec<i64> = rows.iter().map(|(r, _)| r.id).collect();
        let extra = Extra::load(conn, &ids)?;
        for (row, customer) in &rows {
            let cells = cells(lang, row, customer.as_deref(), &extra, &departments, &day, today)?;
            for (total, column) in totals.iter_mut().zip(TOTALLED) {
                if let Cell::Count(n) | Cell::Amount(n) = cells[column] {
                    *total += n;
                }
            }
            sheet.row(&cells)?;
            listed += 1;
        }
        if (rows.len() as i64) < PAGE {
            break;
        }
    }
    let mut sum: Vec<Cell> = (0..COLUMNS.len()).map(|_| Cell::Empty).collect();
    sum[0] = Cell::Text(word("total"));
    sum[1] = Cell::Text(lang.fill("tracking.cases", &[("count", listed.to_string())]));
    for (total, column) in totals.iter().zip(TOTALLED) {
        sum[column] = if matches!(column, 7 | 12) { Cell::Amount(*total) } else { Cell::Count(*total) };
    }
    sheet.total(&sum)?;
    Ok((sheet.finish()?, listed))
}

/// What the sheet shows beside each row, for one page.
struct Extra {
    sign_offs: HashMap<(i64, EventAction), chrono::NaiveDateTime>,
    letters: HashMap<i64, Vec<(String, chrono::NaiveDateTime)>>,
    sanctions: HashMap<i64, Vec<(String, kehu_domain::penalty::SanctionKind, i32)>>,
}

impl Extra {
    fn load(conn: &mut DbConn, ids: &[i64]) -> ApiResult<Extra> {
        let sign_offs = store::sign_offs(conn, ids)?.into_iter().map(|(id, action, at)| ((id, action), at)).collect();
        let mut letters: HashMap<i64, Vec<_>> = HashMap::new();
        for (id, number, at) in store::letters(conn, ids)? {
            letters.entry(id).or_default().push((number, at));
        }
        let found = store::sanctions(conn, ids)?;
        let people: Vec<i64> = found.iter().map(|s| s.1).collect();
        let names: HashMap<i64, String> = people::display_names(conn, &people)?.into_iter().collect();
        let mut sanctions: HashMap<i64, Vec<_>> = HashMap::new();
        for (id, person, kind, times) in found {
            sanctions.entry(id).or_default().push((names.get(&person).cloned().unwrap_or_default(), kind, times));
        }
        Ok(Extra { sign_offs, letters, sanctions })
    }
}

/// The resolution kinds of the lines, in order, once each.
fn resolution_kinds(lines: &[LineRow]) -> Vec<ResolutionKind> {
    let mut kinds = Vec::new();
    for l in lines {
        if !kinds.contains(&l.kind) {
            kinds.push(l.kind);
        }
    }
    kinds
}

fn cells(
    lang: Lang,
    r: &TrackingRow,
    customer: Option<&str>,
    extra: &Extra,
    departments: &HashMap<i64, String>,
    day: &dyn Fn(chrono::NaiveDateTime) -> NaiveDate,
    today: NaiveDate,
) -> ApiResult<Vec<Cell>> {
    let text = |s: Option<String>| s.filter(|s| !s.is_empty()).map_or(Cell::Empty, Cell::Text);
    let date = |d: Option<NaiveDate>| d.map_or(Cell::Empty, |d| Cell::Text(d.format("%Y-%m-%d").to_string()));
    let word = |key: String| lang.text(&key).map(str::to_owned).unwrap_or(key);
    let signed = |a: EventAction| extra.sign_offs.get(&(r.id, a)).map(|at| day(*at));
    let shares = complaint_reads::shares_of(r.id, r.responsibilities_json.as_deref())?;
    let lines = complaint_reads::lines_of(r.id, r.lines_json.as_deref())?;
    let sanctions = extra.sanctions.get(&r.id).map(Vec::as_slice).unwrap_or_default();
    let received = day(r.created_at);
    let product = [r.product_number.as_deref(), r.product_spec.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
    Ok(vec![
        date(Some(received)),
        text(r.number.clone()),
        text(customer.map(str::to_owned)),
        text(r.order_number.clone()),
        text(Some(product)),
        date(r.ship_date),
        r.quantity_shipped.map_or(Cell::Empty, Cell::Count),
        r.claim_amount_fen.map_or(Cell::Empty, Cell::Amount),
        r.defective_quantity.map_or(Cell::Empty, Cell::Count),
        text(r.description.clone()),
        text(r.countermeasure_department_id.and_then(|d| departments.get(&d).cloned())),
        text(Some(resolution_kinds(&lines).into_iter().map(|k| word(format!("resolution.{k}"))).collect::<Vec<_>>().join("、"))),
        r.loss_total_fen.map_or(Cell::Empty, Cell::Amount),
        text(Some(shares.iter().map(|s| departments.get(&s.department_id).cloned().unwrap_or_default()).collect::<Vec<_>>().join("\n"))),
        text(Some(shares.iter().map(|s| s.ratio_percent.to_string()).collect::<Vec<_>>().join("\n"))),
        text(Some(sanctions.iter().map(|(name, _, _)| name.clone()).collect::<Vec<_>>().join("\n"))),
        text(Some(
            sanctions
                .iter()
                .map(|(_, kind, times)| if *times > 1 { format!("{} × {times}", word(format!("penalty.{kind}"))) } else { word(format!("penalty.{kind}")) })
                .collect::<Vec<_>>()
                .join("\n"),
        )),
        Cell::Count((r.closed_at.map_or(today, day) - received).num_days()),
        date(signed(SIGN_OFFS[0])),
        date(signed(SIGN_OFFS[1])),
        date(signed(SIGN_OFFS[2])),
        date(signed(SIGN_OFFS[3])),
        date(r.closed_at.map(day)),
        text(r.closure.map(|c| word(format!("closure.{c}")))),
        text(Some(
            extra.letters.get(&r.id).into_iter().flatten().map(|(number, at)| format!("{} {number}", day(*at).format("%m-%d"))).collect::<Vec<_>>().join("\n"),
        )),
        text(Some(word(format!("state.{}", r.state)))),
    ])
}
