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

/// A cell of a sheet written as it goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A count or quantity.
    Count(i64),
    /// Money in fen, shown in yuan with separators and two decimals.
    Amount(i64),
}

/// One sheet written a row at a time into a temporary file (the writer's
/// constant-memory mode), so that a sheet of any length takes the memory of
/// a row; the workbook is then zipped into another temporary file.
pub struct SheetFile {
    book: rust_xlsxwriter::Workbook,
    next_row: u32,
    bold: rust_xlsxwriter::Format,
    amount: rust_xlsxwriter::Format,
    bold_amount: rust_xlsxwriter::Format,
}

fn xlsx_err(e: rust_xlsxwriter::XlsxError) -> ApiError {
    ApiError::Internal(e.to_string())
}

impl SheetFile {
    pub fn new(name: &str, headers: &[String]) -> ApiResult<SheetFile> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let bold = rust_xlsxwriter::Format::new().set_bold();
        let sheet = book.add_worksheet_with_constant_memory();
        sheet.set_name(name).map_err(xlsx_err)?;
        sheet.set_freeze_panes(1, 0).map_err(xlsx_err)?;
        for (i, h) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, i as u16, h, &bold).map_err(xlsx_err)?;
        }
        let amount = rust_xlsxwriter::Format::new().set_num_format("#,##0.00");
        let bold_amount = amount.clone().set_bold();
        Ok(SheetFile { book, next_row: 1, bold, amount, bold_amount })
    }

    pub fn row(&mut self, cells: &[Cell]) -> ApiResult<()> {
        self.write(cells, false)
    }

    /// The totals row, in bold.
    pub fn total(&mut self, cells: &[Cell]) -> ApiResult<()> {
        self.write(cells, true)
    }

    fn write(&mut self, cells: &[Cell], bold: bool) -> ApiResult<()> {
        let row = self.next_row;
        let sheet = self.book.worksheet_from_index(0).map_err(xlsx_err)?;
        for (i, cell) in cells.iter().enumerate() {
            let col = i as u16;
            match (cell, bold) {
                (Cell::Empty, _) => {}
                (Cell::Text(s), false) => sheet.write_string(row, col, s).map(|_| ()).map_err(xlsx_err)?,
                (Cell::Text(s), true) => sheet.write_string_with_format(row, col, s, &self.bold).map(|_| ()).map_err(xlsx_err)?,
                (Cell::Count(n), false) => sheet.write_number(row, col, *n as f64).map(|_| ()).map_err(xlsx_err)?,
                (Cell::Count(n), true) => sheet.write_number_with_format(row, col, *n as f64, &self.bold).map(|_| ()).map_err(xlsx_err)?,
                (Cell::Amount(fen), b) => {
                    let format = if b { &self.bold_amount } else { &self.amount };
                    sheet.write_number_with_format(row, col, *fen as f64 / 100.0, format).map(|_| ()).map_err(xlsx_err)?
                }
            }
        }
        self.next_row += 1;
        Ok(())
    }

    /// The workbook in an unnamed temporary file, rewound for reading.
    pub fn finish(mut self) -> ApiResult<std::fs::File> {
        use std::io::{Seek, SeekFrom};
        let io = |e: std::io::Error| ApiError::Internal(e.to_string());
        let mut file = tempfile::tempfile().map_err(io)?;
        self.book.save_to_writer(&mut file).map_err(xlsx_err)?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        Ok(file)
    }
}
