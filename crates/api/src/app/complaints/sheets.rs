//! The statistics as workbooks: a sheet per breakdown, worded in the
//! reader's language, each breakdown with a totals row that equals the
//! figure it breaks down.

use super::statistics::{Breakdown, GroupView, MonthlyStatistics};
use crate::error::ApiResult;
use crate::grid::out::Sheet;
use crate::i18n::Lang;

/// A sheet's rows of text, its headers and which columns hold figures.
pub struct SheetData {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numbers: Vec<usize>,
}

/// The sheets as one workbook.
pub fn workbook(data: &[SheetData]) -> ApiResult<Vec<u8>> {
    let headers: Vec<Vec<&str>> = data.iter().map(|d| d.headers.iter().map(String::as_str).collect()).collect();
    let sheets: Vec<Sheet> = data.iter().zip(&headers).map(|(d, h)| Sheet { name: &d.name, headers: h, rows: &d.rows, numbers: &d.numbers }).collect();
    crate::grid::out::xlsx_book(&sheets)
}

/// How a breakdown's row is named.
type Label<'a> = Box<dyn Fn(&GroupView) -> String + 'a>;

/// The monthly table's sheets: the figures, then one per breakdown (its
/// rows, the rest summed as 其他, and the totals).
pub fn monthly(m: &MonthlyStatistics, lang: Lang) -> Vec<SheetData> {
    let word = |key: &str| lang.text(key).unwrap_or(key).to_owned();
    let figure = |key: &str, value: String| vec![word(&format!("reports.{key}")), value];
    let percent = |p: &Option<String>| p.clone().map_or_else(String::new, |p| format!("{p}%"));
    let mut sheets = vec![SheetData {
        name: word("reports.sheet"),
        headers: vec![word("weekly.item"), word("weekly.value")],
        rows: vec![
            figure("month", m.month.clone()),
            figure("closed", m.closed.to_string()),
            figure("firstClosures", m.first_closures.to_string()),
            figure("firstClosureRate", percent(&m.first_closure_rate_percent)),
            figure("repeats", m.repeats.to_string()),
            figure("irrationalFirst", m.irrational_first.to_string()),
            figure("irrationalSecond", m.irrational_second.to_string()),
            figure("settlementTotal", m.settlement_total.amount.clone()),
            figure("lossTotal", m.loss_total.amount.clone()),
            figure("open", m.open.to_string()),
            figure("openOverdue", m.open_overdue.to_string()),
        ],
        numbers: vec![1],
    }];
    let coded = |group: &'static str| move |g: &GroupView| if g.key == "(none)" { word("reports.unspecified") } else { word(&format!("{group}.{}", g.key)) };
    let named = |g: &GroupView| g.name.clone().unwrap_or_else(|| if g.key == "(none)" { word("reports.unspecified") } else { g.key.clone() });
    let parts: [(&str, &Breakdown, Label); 7] = [
        ("byClosure", &m.by_closure, Box::new(coded("closure"))),
        ("byKind", &m.by_kind, Box::new(coded("kind"))),
        ("bySeverity", &m.by_severity, Box::new(coded("severity"))),
        ("byCause", &m.by_cause, Box::new(|g: &GroupView| lang.text(&format!("nonQualityCause.{}", g.key)).map_or_else(|| named(g), str::to_owned))),
        ("byCustomer", &m.by_customer, Box::new(named)),
        ("byProduct", &m.by_product, Box::new(named)),
        ("byResolution", &m.by_resolution, Box::new(coded("resolution"))),
    ];
    for (key, breakdown, label) in parts {
        let row = |label: String, g: &GroupView| {
            vec![label, g.cases.to_string(), g.defective_quantity.to_string(), g.settlement.amount.clone(), g.loss.amount.clone()]
        };
        let shown: Vec<&GroupView> = breakdown.items.iter().chain(&breakdown.others).collect();
        let mut rows: Vec<Vec<String>> = breakdown.items.iter().map(|g| row(label(g), g)).collect();
        if let Some(others) = &breakdown.others {
            rows.push(row(word("reports.others"), others));
        }
        // The resolution breakdown counts cases with such a line: a case may
        // hold several kinds, so its rows need not add up to the cases.
        if key != "byResolution" {
            let cases: u64 = shown.iter().map(|g| g.cases).sum();
            let defective: i64 = shown.iter().map(|g| g.defective_quantity).sum();
            rows.push(vec![word("tracking.total"), cases.to_string(), defective.to_string(), m.settlement_total.amount.clone(), m.loss_total.amount.clone()]);
        }
        sheets.push(SheetData {
            name: word(&format!("reports.{key}")),
            headers: ["reports.".to_owned() + key, "reports.cases".into(), "reports.defective".into(), "reports.settlement".into(), "reports.loss".into()]
                .iter()
                .map(|k| word(k))
                .collect(),
            rows,
            numbers: vec![1, 2, 3, 4],
        });
    }
    let mut departments: Vec<Vec<String>> = m
        .by_department
        .iter()
        .map(|d| {
            vec![d.name.clone().unwrap_or_default(), d.cases.to_string(), format!("{:.2}", d.ratio_percent_sum as f64 / 100.0), d.loss_share.amount.clone()]
        })
        .collect();
    departments.sort_by(|a, b| a[0].cmp(&b[0]));
    sheets.push(SheetData {
        name: word("reports.byDepartment"),
        headers: ["reports.department", "reports.cases", "reports.ratioSum", "reports.lossShare"].iter().map(|k| word(k)).collect(),
        rows: departments,
        numbers: vec![1, 2, 3],
    });
    sheets
}
