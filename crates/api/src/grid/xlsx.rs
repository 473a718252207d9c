//! The first sheet of an .xlsx, streamed: the zip's parts are read through a
//! byte limit, cells are placed by their own references (the sheet's
//! declared dimension is never trusted), and reading stops at the first row
//! or column past the limits.

use super::{cell_too_long, too_many_columns, too_many_rows, MAX_CELL_CHARS, MAX_COLUMNS, MAX_XML_BYTES};
use crate::error::{ApiError, FieldCode};
use chrono::{Duration, NaiveDate};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};

type Archive<'b> = zip::ZipArchive<Cursor<&'b [u8]>>;
type Part<'a, 'b> = Reader<BufReader<Limited<zip::read::ZipFile<'a, Cursor<&'b [u8]>>>>>;

fn unreadable(why: impl std::fmt::Display) -> ApiError {
    ApiError::field("file", FieldCode::Unreadable, format!("not an .xlsx file this service reads: {why}"))
}

/// A part that unpacks past [`MAX_XML_BYTES`] (a zip bomb, or a sheet no
/// import needs): 413, as a body past its limit is.
fn too_large() -> ApiError {
    ApiError::PayloadTooLarge
}

/// A part of the workbook, read through the limit: reading past it fails.
struct Limited<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            // One byte more tells a part that ends at the limit from one past it.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(std::io::Error::other(PAST_LIMIT)),
            };
        }
        let max = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..max])?;
        self.left -= n as u64;
        Ok(n)
    }
}

const PAST_LIMIT: &str = "past the size limit";

fn xml_error(e: quick_xml::Error) -> ApiError {
    match &e {
        quick_xml::Error::Io(io) if io.to_string().contains(PAST_LIMIT) => too_large(),
        _ => unreadable(e),
    }
}

/// Reads a part as XML events, or `None` when the workbook has no such part.
fn part<'a, 'b>(book: &'a mut Archive<'b>, name: &str) -> Result<Option<Part<'a, 'b>>, ApiError> {
    let file = match book.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(unreadable(e)),
    };
    let mut reader = Reader::from_reader(BufReader::new(Limited { inner: file, left: MAX_XML_BYTES }));
    reader.config_mut().trim_text(false);
    Ok(Some(reader))
}

fn attr(e: &BytesStart, name: &[u8]) -> Result<Option<String>, ApiError> {
    for a in e.attributes() {
        let a = a.map_err(unreadable)?;
        if a.key.local_name().as_ref() == name {
            return Ok(Some(a.decode_and_unescape_value(e.decoder()).map_err(unreadable)?.into_owned()));
        }
    }
    Ok(None)
}

/// Text and entity references of an element's content, appended to `out`.
fn push_text(out: &mut String, ev: &Event) -> Result<(), ApiError> {
    match ev {
        Event::Text(t) => out.push_str(&t.decode().map_err(unreadable)?),
        Event::CData(t) => out.push_str(&t.decode().map_err(unreadable)?),
        Event::GeneralRef(r) => match r.resolve_char_ref().map_err(unreadable)? {
            Some(c) => out.push(c),
            None => out.push_str(match r.decode().map_err(unreadable)?.as_ref() {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                other => return Err(unreadable(format!("unknown entity &{other};"))),
            }),
        },
        _ => {}
    }
    if out.chars().count() > MAX_CELL_CHARS {
        return Err(cell_too_long());
    }
    Ok(())
}

/// The first sheet's part name, from the workbook and its relationships.
fn first_sheet(book: &mut Archive) -> Result<(String, bool), ApiError> {
    let mut rid = None;
    let mut date1904 = false;
    if let Some(mut r) = part(book, "xl/workbook.xml")? {
        let mut buf = Vec::new();
        loop {
            match r.read_event_into(&mut buf).map_err(xml_error)? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"sheet" && rid.is_none() => rid = attr(&e, b"id")?,
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"workbookPr" => {
                    date1904 = matches!(attr(&e, b"date1904")?.as_deref(), Some("1" | "true"));
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
    }
    let mut target = None;
    if let (Some(rid), Some(mut r)) = (rid, part(book, "xl/_rels/workbook.xml.rels")?) {
        let mut buf = Vec::new();
        loop {
            match r.read_event_into(&mut buf).map_err(xml_error)? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" && attr(&e, b"Id")?.as_deref() == Some(&rid) => {
                    target = attr(&e, b"Target")?;
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
    }
    let name = match target {
        Some(t) if t.starts_with('/') => t.trim_start_matches('/').to_owned(),
        Some(t) => format!("xl/{t}"),
        None => "xl/worksheets/sheet1.xml".to_owned(),
    };
    Ok((name, date1904))
}

/// The shared strings, each at most a cell long, the part at most the XML limit.
fn shared_strings(book: &mut Archive) -> Result<Vec<String>, ApiError> {
    let Some(mut r) = part(book, "xl/sharedStrings.xml")? else { return Ok(Vec::new()) };
    let (mut out, mut buf) = (Vec::new(), Vec::new());
    let (mut current, mut in_si, mut in_text, mut in_phonetic) = (String::new(), false, false, false);
    loop {
        let ev = r.read_event_into(&mut buf).map_err(xml_error)?;
        match &ev {
            Event::Start(e) => match e.local_name().as_ref() {
                b"si" => (in_si, current) = (true, String::new()),
                b"t" => in_text = in_si,
                b"rPh" => in_phonetic = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == b"si" => out.push(String::new()),
            Event::End(e) => match e.local_name().as_ref() {
                b"si" => {
                    out.push(std::mem::take(&mut current));
                    in_si = false;
                }
                b"t" => in_text = false,
                b"rPh" => in_phonetic = false,
                _ => {}
            },
            Event::Eof => break,
            // Phonetic runs (furigana) are not part of the cell's text.
            _ if in_text && !in_phonetic => push_text(&mut current, &ev)?,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// The cell styles that show a number as a date (built-in date formats, or a
/// custom format with day, month or year in it).
fn date_styles(book: &mut Archive) -> Result<Vec<bool>, ApiError> {
    let Some(mut r) = part(book, "xl/styles.xml")? else { return Ok(Vec::new()) };
    let (mut custom, mut styles, mut buf) = (HashMap::new(), Vec::new(), Vec::new());
    let mut in_xfs = false;
    loop {
        match r.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"numFmt" => {
                if let (Some(id), Some(code)) = (attr(&e, b"numFmtId")?, attr(&e, b"formatCode")?) {
                    custom.insert(id, is_date_format(&code));
                }
            }
            Event::Start(e) if e.local_name().as_ref() == b"cellXfs" => in_xfs = true,
            Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_xfs = false,
            Event::Start(e) | Event::Empty(e) if in_xfs && e.local_name().as_ref() == b"xf" => {
                let id = attr(&e, b"numFmtId")?.unwrap_or_default();
                let builtin = id.parse::<u32>().is_ok_and(|n| (14..=22).contains(&n) || (45..=47).contains(&n));
                styles.push(builtin || custom.get(&id).copied().unwrap_or(false));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(styles)
}

fn is_date_format(code: &str) -> bool {
    let mut plain = String::new();
    let (mut quoted, mut bracket) = (false, false);
    for c in code.chars() {
        match c {
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            _ if !quoted && !bracket => plain.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    plain.contains('y') || plain.contains('d') || (plain.contains('m') && !plain.contains('h') && !plain.contains('s'))
}

/// An Excel serial date as `YYYY-MM-DD` (with the time when it has one).
fn excel_date(serial: f64, date1904: bool) -> Option<String> {
    if !serial.is_finite() || !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = if date1904 { NaiveDate::from_ymd_opt(1904, 1, 1)? } else { NaiveDate::from_ymd_opt(1899, 12, 30)? };
    let seconds = (serial * 86_400.0).round() as i64;
    let at = base.and_hms_opt(0, 0, 0)? + Duration::seconds(seconds);
    Some(if seconds % 86_400 == 0 { at.format("%Y-%m-%d").to_string() } else { at.format("%Y-%m-%d %H:%M:%S").to_string() })
}

/// `B12` -> (column 1, row 12), both 0-based; `None` for anything else.
fn cell_ref(r: &str) -> Option<(usize, usize)> {
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let col = letters.bytes().fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1)) - 1;
    let row: usize = digits.parse().ok().filter(|r| *r >= 1)?;
    Some((col, row - 1))
}

struct Cell {
    col: Option<usize>,
    kind: String,
    style: usize,
    value: String,
}

pub fn grid(bytes: &[u8], max_rows: usize) -> Result<Vec<Vec<String>>, ApiError> {
    let mut book = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let (sheet, date1904) = first_sheet(&mut book)?;
    let strings = shared_strings(&mut book)?;
    let dates = date_styles(&mut book)?;
    let mut r = part(&mut book, &sheet)?.ok_or_else(|| unreadable("no worksheet"))?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut buf, mut cell, mut in_value) = (Vec::new(), None::<Cell>, false);
    // Rows without a number follow the one before.
    let (mut row_at, mut next_row) = (0usize, 0usize);
    loop {
        let ev = r.read_event_into(&mut buf).map_err(xml_error)?;
        match &ev {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"row" => {
                row_at = match attr(e, b"r")? {
                    Some(n) => n.parse::<usize>().ok().filter(|n| *n >= 1).ok_or_else(|| unreadable(format!("row number {n}")))? - 1,
                    None => next_row,
                };
                next_row = row_at + 1;
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"c" => {
                let col = match attr(e, b"r")? {
                    Some(at) => {
                        let (col, row) = cell_ref(&at).ok_or_else(|| unreadable(format!("cell reference {at}")))?;
                        if row != row_at {
                            return Err(unreadable(format!("cell {at} outside its row")));
                        }
                        Some(col)
                    }
                    None => None,
                };
                let style = attr(e, b"s")?.and_then(|s| s.parse().ok()).unwrap_or(0);
                let c = Cell { col, kind: attr(e, b"t")?.unwrap_or_default(), style, value: String::new() };
                // An empty cell (<c r="XFD9" s="1"/>, formatting only) holds nothing.
                if matches!(ev, Event::Start(_)) {
                    cell = Some(c);
                }
            }
            Event::Start(e) if matches!(e.local_name().as_ref(), b"v" | b"t") => in_value = cell.is_some(),
            Event::End(e) => match e.local_name().as_ref() {
                b"v" | b"t" => in_value = false,
                b"c" => {
                    if let Some(c) = cell.take().filter(|c| !c.value.is_empty()) {
                        if row_at > max_rows {
                            return Err(too_many_rows(max_rows));
                        }
                        place(&mut rows, row_at, c, &strings, &dates, date1904)?;
                    }
                }
                b"sheetData" => break,
                _ => {}
            },
            Event::Eof => break,
            _ if in_value => {
                if let Some(c) = cell.as_mut() {
                    push_text(&mut c.value, &ev)?;
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(rows)
}

/// Puts a cell's text at its place; the grid grows to at most the row limit
/// (checked before) and [`MAX_COLUMNS`].
fn place(rows: &mut Vec<Vec<String>>, row: usize, c: Cell, strings: &[String], dates: &[bool], date1904: bool) -> Result<(), ApiError> {
    while rows.len() <= row {
        rows.push(Vec::new());
    }
    let cells = &mut rows[row];
    let col = c.col.unwrap_or(cells.len());
    if col >= MAX_COLUMNS {
        return Err(too_many_columns());
    }
    let text = match c.kind.as_str() {
        "s" => {
            let i: usize = c.value.trim().parse().map_err(|_| unreadable("a shared string index"))?;
            strings.get(i).cloned().ok_or_else(|| unreadable("a shared string index"))?
        }
        "b" => (if c.value.trim() == "1" { "TRUE" } else { "FALSE" }).to_owned(),
        "" | "n" if dates.get(c.style).copied().unwrap_or(false) => c.value.trim().parse::<f64>().ok().and_then(|v| excel_date(v, date1904)).unwrap_or(c.value),
        _ => c.value,
    };
    while cells.len() <= col {
        cells.push(String::new());
    }
    cells[col] = text;
    Ok(())
}

#[cfg(test)]
mod tests;
