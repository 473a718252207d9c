use super::*;
use std::io::Write;
use zip::write::SimpleFileOptions;

const WORKBOOK: &str = r#"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const RELS: &str = r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#;

/// A workbook of the given parts; `sheet` writes the sheet's XML as a stream.
fn book(parts: &[(&str, &str)], sheet: impl FnOnce(&mut dyn Write)) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", RELS)].iter().chain(parts) {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    sheet(&mut zip);
    zip.finish().unwrap().into_inner()
}

fn sheet_of(xml: &str) -> impl FnOnce(&mut dyn Write) + '_ {
    move |w| w.write_all(format!("<worksheet><sheetData>{xml}</sheetData></worksheet>").as_bytes()).unwrap()
}

fn field_code(e: ApiError) -> String {
    match e {
        ApiError::Validation(_, errors) => errors[0].code.to_string(),
        other => format!("{other:?}"),
    }
}

#[test]
fn a_workbook_written_by_excel_reads_as_text() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    ws.write_string(0, 0, "订单号").unwrap();
    ws.write_string(0, 1, "下单日期").unwrap();
    ws.write_string(0, 2, "金额").unwrap();
    ws.write_string(1, 0, "SO-1 & <2>").unwrap();
    ws.write_number_with_format(1, 1, 46_000.0, &date).unwrap();
    ws.write_number(1, 2, 180_000.5).unwrap();
    ws.write_boolean(3, 3, true).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let g = grid(&bytes, 10).unwrap();
    assert_eq!(g[0], ["订单号", "下单日期", "金额"]);
    assert_eq!(g[1], ["SO-1 & <2>", "2025-12-09", "180000.5"]);
    assert!(g[2].is_empty());
    assert_eq!(g[3], ["", "", "", "TRUE"]);
}

#[test]
fn cells_are_placed_by_their_references_not_the_declared_dimension() {
    let xml = r#"<row r="1"><c r="B1" t="inlineStr"><is><t>名称</t></is></c></row><row r="3"><c r="A3"><v>7</v></c><c r="XFD3" s="1"/></row>"#;
    let bytes =
        book(&[], |w| w.write_all(format!(r#"<worksheet><dimension ref="A1:XFD1048576"/><sheetData>{xml}</sheetData></worksheet>"#).as_bytes()).unwrap());
    let g = grid(&bytes, 10).unwrap();
    assert_eq!(g, vec![vec!["".to_owned(), "名称".to_owned()], vec![], vec!["7".to_owned()]]);
}

#[test]
fn a_cell_at_the_sheets_far_corner_is_refused_without_allocating_for_it() {
    let bytes = book(&[], sheet_of(r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#));
    assert!(bytes.len() < 6 * 1024);
    assert_eq!(field_code(grid(&bytes, 10_000).unwrap_err()), "too_many_rows");
    let wide = book(&[], sheet_of(r#"<row r="1"><c r="XFD1"><v>1</v></c></row>"#));
    assert_eq!(field_code(grid(&wide, 10_000).unwrap_err()), "too_many_columns");
}

#[test]
fn a_huge_shared_string_is_refused() {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", RELS)] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/sharedStrings.xml", options).unwrap();
    zip.write_all(b"<sst><si><t>").unwrap();
    let chunk = vec![b'a'; 1024 * 1024];
    for _ in 0..200 {
        zip.write_all(&chunk).unwrap();
    }
    zip.write_all(b"</t></si></sst>").unwrap();
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    zip.write_all(b"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1024 * 1024, "{}", bytes.len());
    assert!(matches!(grid(&bytes, 10), Err(ApiError::PayloadTooLarge | ApiError::Validation(..))));
    // One just over a cell's limit is refused as such.
    let long = format!("<sst><si><t>{}</t></si></sst>", "b".repeat(MAX_CELL_CHARS + 1));
    let bytes = book(&[("xl/sharedStrings.xml", &long)], sheet_of(r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#));
    assert_eq!(field_code(grid(&bytes, 10).unwrap_err()), "too_long");
}

#[test]
fn a_million_rows_stop_at_the_limit() {
    let bytes = book(&[], |w| {
        w.write_all(b"<worksheet><sheetData>").unwrap();
        for r in 1..=1_000_000 {
            write!(w, r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c></row>"#).unwrap();
        }
        w.write_all(b"</sheetData></worksheet>").unwrap();
    });
    let started = std::time::Instant::now();
    assert_eq!(field_code(grid(&bytes, 10_000).unwrap_err()), "too_many_rows");
    // Stops after the ten-thousandth row: well under a second even in a debug build.
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn a_part_that_unpacks_past_the_limit_is_refused() {
    let bytes = book(&[], |w| {
        w.write_all(b"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>").unwrap();
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..(MAX_XML_BYTES / (1024 * 1024) + 1) {
            w.write_all(&chunk).unwrap();
        }
        w.write_all(b"</t></is></c></row></sheetData></worksheet>").unwrap();
    });
    assert!(matches!(grid(&bytes, 10), Err(ApiError::PayloadTooLarge | ApiError::Validation(..))));
}

#[test]
fn broken_files_are_unreadable_not_a_crash() {
    for bytes in [b"PK\x03\x04 not really a zip".to_vec(), book(&[], sheet_of(r#"<row r="1"><c r="1A"><v>1</v></c></row>"#))] {
        assert_eq!(field_code(grid(&bytes, 10).unwrap_err()), "unreadable");
    }
    let missing_string = book(&[], sheet_of(r#"<row r="1"><c r="A1" t="s"><v>5</v></c></row>"#));
    assert_eq!(field_code(grid(&missing_string, 10).unwrap_err()), "unreadable");
}

#[test]
fn references_dates_and_formats() {
    assert_eq!(cell_ref("A1"), Some((0, 0)));
    assert_eq!(cell_ref("AA10"), Some((26, 9)));
    assert_eq!(cell_ref("XFD1048576"), Some((16_383, 1_048_575)));
    for bad in ["", "1", "A", "a1", "A0", "ABCD1", "A1B"] {
        assert_eq!(cell_ref(bad), None, "{bad}");
    }
    assert_eq!(excel_date(46_000.0, false).as_deref(), Some("2025-12-09"));
    assert_eq!(excel_date(46_000.5, false).as_deref(), Some("2025-12-09 12:00:00"));
    assert_eq!(excel_date(0.0, true).as_deref(), Some("1904-01-01"));
    assert_eq!(excel_date(f64::NAN, false), None);
    assert!(is_date_format("yyyy/mm/dd") && is_date_format("[$-804]d\"日\"") && is_date_format("mmm"));
    assert!(!is_date_format("0.00") && !is_date_format("\"day\" 0") && !is_date_format("[Red]0") && !is_date_format("h:mm"));
}
