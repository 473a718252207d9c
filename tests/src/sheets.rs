//! Spreadsheets an attacker would send: small files that claim, or unpack
//! to, far more than any import reads.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

const WORKBOOK: &str = r#"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const RELS: &str = r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#;

/// Writes one part of a workbook.
type PartWriter = Box<dyn FnOnce(&mut dyn Write)>;

/// An .xlsx whose parts are written by `parts` (name, then a writer).
fn book(parts: Vec<(&str, PartWriter)>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", RELS)] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    for (name, write) in parts {
        zip.start_file(name, options).unwrap();
        write(&mut zip);
    }
    zip.finish().unwrap().into_inner()
}

const HEADER: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c><c r="B1" t="inlineStr"><is><t>订单号</t></is></c></row>"#;

/// About 6 KB: a sheet that declares, and has one value in, its far corner.
pub fn far_corner() -> Vec<u8> {
    let sheet = format!(
        r#"<worksheet><dimension ref="A1:XFD1048576"/><sheetData>{HEADER}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>{}</worksheet>"#,
        " ".repeat(5000)
    );
    book(vec![("xl/worksheets/sheet1.xml", Box::new(move |w: &mut dyn Write| w.write_all(sheet.as_bytes()).unwrap()))])
}

/// A shared string of 200 MB, packed into a few hundred KB.
pub fn huge_shared_string() -> Vec<u8> {
    let strings = |w: &mut dyn Write| {
        w.write_all(b"<sst><si><t>").unwrap();
        let chunk = vec![b'a'; 1024 * 1024];
        for _ in 0..200 {
            w.write_all(&chunk).unwrap();
        }
        w.write_all(b"</t></si></sst>").unwrap();
    };
    let sheet = |w: &mut dyn Write| {
        w.write_all(format!(r#"<worksheet><sheetData>{HEADER}<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>"#).as_bytes()).unwrap()
    };
    book(vec![("xl/sharedStrings.xml", Box::new(strings)), ("xl/worksheets/sheet1.xml", Box::new(sheet))])
}

/// A million rows after the header.
pub fn million_rows() -> Vec<u8> {
    let sheet = |w: &mut dyn Write| {
        w.write_all(format!("<worksheet><sheetData>{HEADER}").as_bytes()).unwrap();
        for r in 2..=1_000_001 {
            write!(w, r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>客户{r}</t></is></c></row>"#).unwrap();
        }
        w.write_all(b"</sheetData></worksheet>").unwrap();
    };
    book(vec![("xl/worksheets/sheet1.xml", Box::new(sheet))])
}

/// The process's peak resident memory so far, in MB (Linux).
pub fn peak_rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok()).unwrap_or(0) / 1024
}
