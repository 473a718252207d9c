//! Customers to and from Excel (.xlsx) and CSV: the columns of the customer
//! list, Chinese headers (English field codes accepted on import).

pub mod export;
pub mod import;
pub mod orders;

use crate::error::ApiResult;
use kehu_domain::customer::{Category, Confidentiality, CustomerClass, CustomerKind};
use kehu_domain::deadline::Market;
use kehu_persistence::customers::Customer;
use std::collections::HashMap;

/// (field code, header, whether an import may set it).
pub const COLUMNS: [(&str, &str, bool); 24] = [
    ("code", "客户编号", true),
    ("name", "客户名称", true),
    ("kind", "客户性质", true),
    ("market", "内外销", true),
    ("category", "客户类别", true),
    ("customer_class", "客户分级", true),
    ("credit_grade", "客户等级", false),
    ("credit_limit", "信用额度", false),
    ("payment_term_days", "账期(天)", false),
    ("region", "区域", true),
    ("industry", "经营业种", true),
    ("company_nature", "企业性质", true),
    ("supervising_unit", "主管单位", true),
    ("legal_representative", "法定代表人", true),
    ("tax_id", "税号", true),
    ("bank_name", "开户银行", true),
    ("bank_account", "银行账号", true),
    ("address", "地址", true),
    ("contact_name", "联系人", true),
    ("contact_phone", "联系电话", true),
    ("owner", "业务员账号", true),
    ("confidentiality", "密级", true),
    ("status", "状态", false),
    ("supply_hold", "暂停供货", false),
];

const LABELS: [(&str, &str); 16] = [
    ("legal", "法人客户"),
    ("natural", "自然人客户"),
    ("domestic", "内销"),
    ("foreign", "外销"),
    ("target", "目标客户"),
    ("general", "一般客户"),
    ("key", "重点客户"),
    ("potential", "潜在客户"),
    ("secret", "秘密"),
    ("confidential", "机密"),
    ("top_secret", "绝密"),
    ("pending_review", "待审核"),
    ("rejected", "已退回"),
    ("active", "已建档"),
    ("deregistered", "已注销"),
    ("true", "是"),
];

fn label(code: &str) -> String {
    LABELS.iter().find(|(c, _)| *c == code).map_or(code, |(_, l)| l).to_owned()
}

/// A cell back to its code: labels, their short forms (法人, 重点) and codes all work.
pub fn code_of(cell: &str) -> String {
    let t = cell.trim();
    LABELS.iter().find(|(c, l)| *c == t || *l == t || l.trim_end_matches("客户") == t).map_or_else(|| t.to_owned(), |(c, _)| (*c).to_owned())
}

/// One exported row, in column order.
pub fn row(c: &Customer, owner_username: &str) -> Vec<String> {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        c.code.clone(),
        c.name.clone(),
        label(c.kind.as_str()),
        label(c.market.as_str()),
        label(c.category.as_str()),
        c.customer_class.map(|v| v.to_string()).unwrap_or_default(),
        c.credit_grade.map(|v| v.to_string()).unwrap_or_default(),
        crate::http::money::show_opt(c.credit_limit_fen).unwrap_or_default(),
        c.payment_term_days.to_string(),
        o(&c.region),
        o(&c.industry),
        o(&c.company_nature),
        o(&c.supervising_unit),
        o(&c.legal_representative),
        o(&c.tax_id),
        o(&c.bank_name),
        o(&c.bank_account),
        o(&c.address),
        o(&c.contact_name),
        o(&c.contact_phone),
        owner_username.to_owned(),
        label(c.confidentiality.as_str()),
        label(c.status.as_str()),
        if c.supply_hold { "是".into() } else { String::new() },
    ]
}

fn headers() -> Vec<&'static str> {
    COLUMNS.iter().map(|c| c.1).collect()
}

pub fn to_csv(rows: &[Vec<String>]) -> ApiResult<Vec<u8>> {
    crate::grid::out::csv(&headers(), rows)
}

pub fn to_xlsx(rows: &[Vec<String>]) -> ApiResult<Vec<u8>> {
    crate::grid::out::xlsx("客户一览表", &headers(), rows)
}

/// A parsed file: its rows as field code -> cell, with their sheet row numbers
/// (the header is row 1).
pub struct Table {
    pub rows: Vec<(usize, HashMap<&'static str, String>)>,
}

/// Reads CSV or xlsx (by content: an xlsx is a zip file).
pub fn parse(bytes: &[u8]) -> ApiResult<Table> {
    let columns: Vec<(&'static str, &str)> = COLUMNS.iter().map(|(code, zh, _)| (*code, *zh)).collect();
    Ok(Table { rows: crate::grid::table(bytes, import::MAX_ROWS, &columns, "name")? })
}

/// Checks a cell that must hold one of a coded enum's values.
pub fn coded<T: std::str::FromStr>(cell: Option<&String>) -> Result<Option<T>, String> {
    match cell {
        None => Ok(None),
        Some(v) => code_of(v).parse::<T>().map(Some).map_err(|_| format!("unknown value `{v}`")),
    }
}

/// Whether every coded column of a row holds a known value.
pub fn check_codes(m: &HashMap<&'static str, String>) -> Vec<(&'static str, String)> {
    let mut e = Vec::new();
    if let Err(x) = coded::<Category>(m.get("category")) {
        e.push(("category", x));
    }
    if let Err(x) = coded::<CustomerClass>(m.get("customer_class")) {
        e.push(("customer_class", x));
    }
    if let Err(x) = coded::<Confidentiality>(m.get("confidentiality")) {
        e.push(("confidentiality", x));
    }
    if let Err(x) = coded::<CustomerKind>(m.get("kind")) {
        e.push(("kind", x));
    }
    if let Err(x) = coded::<Market>(m.get("market")) {
        e.push(("market", x));
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_round_trips_headers_and_labels() {
        let bytes = to_csv(&[vec!["C-1".into(), "甲公司".into(), "法人客户".into()]]).unwrap();
        let t = parse(&bytes).unwrap();
        assert_eq!(t.rows.len(), 1);
        let (n, m) = &t.rows[0];
        assert_eq!(*n, 2);
        assert_eq!(m["name"], "甲公司");
        assert_eq!(code_of(&m["kind"]), "legal");
        assert_eq!(code_of("重点"), "key");
        assert_eq!(code_of("key"), "key");
    }

    #[test]
    fn xlsx_round_trips() {
        let bytes = to_xlsx(&[vec!["C-1".into(), "乙公司".into(), "自然人客户".into(), "外销".into()]]).unwrap();
        let t = parse(&bytes).unwrap();
        assert_eq!(t.rows[0].1["name"], "乙公司");
        assert_eq!(code_of(&t.rows[0].1["market"]), "foreign");
    }

    #[test]
    fn a_file_without_names_is_refused() {
        assert!(parse(b"code,region\nC-1,x\n").is_err());
        assert!(parse(b"").is_err());
    }
}
