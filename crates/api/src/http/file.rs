//! Files as downloads: an .xlsx with its name in UTF-8 (RFC 6266's
//! `filename*`) and a plain ASCII name for clients that know no other.

use actix_web::http::header::{self, Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue};
use actix_web::HttpResponse;

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `Content-Disposition: attachment` naming the file `ascii` and, where the
/// client reads it, `name`.
pub fn attachment(ascii: &str, name: &str) -> ContentDisposition {
    ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii.to_owned()),
            DispositionParam::FilenameExt(ExtendedValue { charset: Charset::Ext("UTF-8".into()), language_tag: None, value: name.as_bytes().to_vec() }),
        ],
    }
}

/// An .xlsx workbook held in memory, as a download.
pub fn xlsx(bytes: Vec<u8>, ascii: &str, name: &str) -> HttpResponse {
    HttpResponse::Ok().insert_header((header::CONTENT_TYPE, XLSX)).insert_header(attachment(ascii, name)).body(bytes)
}
