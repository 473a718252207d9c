//! Spreadsheets in (CSV or .xlsx) as rows of text cells, read with bounded
//! memory and time whatever the file declares: at most `max_rows` data rows
//! and [`MAX_COLUMNS`] columns, cells of at most [`MAX_CELL_CHARS`], and for
//! an .xlsx at most [`MAX_XML_BYTES`] of decompressed XML per part. A file
//! past a bound is refused with a problem that names it; nothing is
//! allocated from a size the file claims.

pub mod out;
mod xlsx;

use crate::error::{ApiError, FieldCode};

/// Columns read; a cell further right refuses the file.
pub const MAX_COLUMNS: usize = 256;
/// Excel's own limit for a cell.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Decompressed XML read from one part of an .xlsx (a sheet, the shared strings).
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

/// The rows of the first sheet (xlsx: a zip file) or of the file (CSV), the
/// header row first; at most `max_rows` rows after the header.
pub fn parse_grid(bytes: &[u8], max_rows: usize) -> Result<Vec<Vec<String>>, ApiError> {
    if bytes.starts_with(b"PK") {
        xlsx::grid(bytes, max_rows)
    } else {
        csv_grid(bytes, max_rows)
    }
}

pub(crate) fn too_many_rows(max_rows: usize) -> ApiError {
    ApiError::field("file", FieldCode::TooManyRows, format!("at most {max_rows} rows per file"))
}

pub(crate) fn too_many_columns() -> ApiError {
    ApiError::field("file", FieldCode::TooManyColumns, format!("at most {MAX_COLUMNS} columns"))
}

pub(crate) fn cell_too_long() -> ApiError {
    ApiError::field("file", FieldCode::TooLong, format!("a cell holds at most {MAX_CELL_CHARS} characters"))
}

/// The characters a spreadsheet takes as the start of a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as a CSV file may carry it: one a spreadsheet would run as a
/// formula (`=HYPERLINK(…)`, `+49 40 …`) gets a leading `'`, which keeps it
/// text. Reading the file back removes it again ([`csv_grid`]).
pub fn csv_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_START) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn unguard(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// A file's data rows as field code -> non-blank cell, each with its sheet
/// row number (the header is row 1). Header cells match a column by its code
/// or its header; `required` columns must be there.
pub type Rows = Vec<(usize, std::collections::HashMap<&'static str, String>)>;

pub fn table(bytes: &[u8], max_rows: usize, columns: &[(&'static str, &str)], required: &str) -> Result<Rows, ApiError> {
    let mut it = parse_grid(bytes, max_rows)?.into_iter();
    let header = it.next().ok_or_else(|| ApiError::field("file", FieldCode::Empty, "the file has no header row"))?;
    let map: Vec<Option<&'static str>> =
        header.iter().map(|h| columns.iter().find(|(code, label)| *code == h.trim() || *label == h.trim()).map(|c| c.0)).collect();
    if !map.contains(&Some(required)) {
        let label = columns.iter().find(|c| c.0 == required).map_or(required, |c| c.1);
        return Err(ApiError::field("file", FieldCode::MissingColumn, format!("the header needs {label} ({required})")));
    }
    Ok(it
        .enumerate()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, cells)| {
            let m = map.iter().zip(cells).filter_map(|(k, v)| Some((k.as_ref().copied()?, v.trim().to_owned()))).filter(|(_, v)| !v.is_empty()).collect();
            (i + 2, m)
        })
        .collect())
}

fn csv_grid(bytes: &[u8], max_rows: usize) -> Result<Vec<Vec<String>>, ApiError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| ApiError::field("file", FieldCode::Unreadable, format!("not a CSV file this service reads: {e}")))?;
        if out.len() > max_rows {
            return Err(too_many_rows(max_rows));
        }
        if rec.len() > MAX_COLUMNS {
            return Err(too_many_columns());
        }
        if rec.iter().any(|c| c.chars().count() > MAX_CELL_CHARS) {
            return Err(cell_too_long());
        }
        if rec.iter().any(|c| c.contains('\0')) {
            return Err(ApiError::field("file", FieldCode::Unreadable, "a cell holds a NUL character"));
        }
        out.push(rec.iter().map(unguard).collect());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_kept_text_in_csv_and_read_back_as_written() {
        for cell in ["=HYPERLINK(\"http://x\")", "+49 40 1234", "-1", "@SUM(A1)", "\tx", "\rx"] {
            let guarded = csv_cell(cell);
            assert!(guarded.starts_with('\''), "{cell}");
            assert_eq!(unguard(&guarded), cell);
        }
        assert_eq!(csv_cell("宁波汽配"), "宁波汽配");
        assert_eq!(unguard("'abc"), "'abc", "an apostrophe of the user's own stays");
    }

    #[test]
    fn csv_rows_stop_at_the_limit() {
        let file = "a,b\n1,2\n3,4\n";
        assert_eq!(parse_grid(file.as_bytes(), 2).unwrap().len(), 3);
        assert!(parse_grid(file.as_bytes(), 1).is_err());
        let wide = vec!["x"; MAX_COLUMNS + 1].join(",");
        assert!(parse_grid(wide.as_bytes(), 10).is_err());
        let long = format!("a\n{}\n", "x".repeat(MAX_CELL_CHARS + 1));
        assert!(parse_grid(long.as_bytes(), 10).is_err());
    }
}
