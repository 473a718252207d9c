//! Spreadsheets in (CSV or .xlsx) as rows of text cells, read with bounded
//! memory and time whatever the file declares: at most `max_rows` data rows
//! and [`MAX_COLUMNS`] columns, cells of at most [`MAX_CELL_CHARS`], and for
//! an .xlsx at most [`MAX_XML_BYTES`] of decompressed XML per part. A file
//! past a bound is refused with a problem that names it; nothing is
//! allocated from a size the file claims.

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
        out.push(rec.iter().map(str::to_owned).collect());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
