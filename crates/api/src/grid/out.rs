//! Spreadsheets out: one sheet of text cells under a bold, frozen header,
//! as .xlsx or as CSV that Excel opens as UTF-8.

use crate::error::{ApiError, ApiResult};

pub fn xlsx(sheet_name: &str, headers: &[&str], rows: &[Vec<String>]) -> ApiResult<Vec<u8>> {
    xlsx_book(&[Sheet { name: sheet_name, headers, rows, numbers: &[] }])
}

/// One sheet of a workbook; the `numbers` columns hold figures (counts,
/// amounts) that Excel should add up, the rest text.
pub struct Sheet<'a> {
    pub name: &'a str,
    pub headers: &'a [&'a str],
    pub rows: &'a [Vec<String>],
    pub numbers: &'a [usize],
}

pub fn xlsx_book(sheets: &[Sheet]) -> ApiResult<Vec<u8>> {
    let err = |e: rust_xlsxwriter::XlsxError| ApiError::Internal(e.to_string());
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let amount = rust_xlsxwriter::Format::new().set_num_format("#,##0.00");
    for s in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(s.name).map_err(err)?;
        for (i, h) in s.headers.iter().enumerate() {
            sheet.write_string_with_format(0, i as u16, *h, &bold).map_err(err)?;
        }
        for (r, cells) in s.rows.iter().enumerate() {
            for (i, v) in cells.iter().enumerate() {
                let (row, col) = (r as u32 + 1, i as u16);
                match v.parse::<f64>() {
                    _ if v.is_empty() => {}
                    Ok(n) if s.numbers.contains(&i) && v.contains('.') => {
                        sheet.write_number_with_format(row, col, n, &amount).map_err(err)?;
                    }
                    Ok(n) if s.numbers.contains(&i) => {
                        sheet.write_number(row, col, n).map_err(err)?;
                    }
                    _ => {
                        sheet.write_string(row, col, v).map_err(err)?;
                    }
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(err)?;
    }
    book.save_to_buffer().map_err(err)
}

pub fn csv(headers: &[&str], rows: &[Vec<String>]) -> ApiResult<Vec<u8>> {
    // A byte-order mark so that Excel opens the Chinese text as UTF-8.
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(headers).map_err(|e| ApiError::Internal(e.to_string()))?;
    for r in rows {
        w.write_record(r.iter().map(|c| super::csv_cell(c).into_owned())).map_err(|e| ApiError::Internal(e.to_string()))?;
    }
    w.into_inner().map_err(|e| ApiError::Internal(e.to_string()))
}
