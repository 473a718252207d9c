//! Writing the append-only audit log from handlers.

use crate::auth::Caller;
use crate::error::ApiResult;
use actix_web::{HttpMessage, HttpRequest};
use chrono::Utc;
use kehu_persistence::events::{self, Audit};
use kehu_persistence::DbConn;
use tracing_actix_web::RequestId;

pub fn request_id(req: &HttpRequest) -> Option<String> {
    req.extensions().get::<RequestId>().map(|r| r.to_string())
}

pub fn write(
    conn: &mut DbConn,
    caller: &Caller,
    action: &str,
    entity: &str,
    id: i64,
    request_id: &Option<String>,
    details: serde_json::Value,
) -> ApiResult<()> {
    events::audit(
        conn,
        &Audit {
            org_id: Some(caller.org_id),
            user_id: Some(caller.user_id),
            action,
            entity,
            entity_id: Some(id),
            request_id: request_id.as_deref(),
            details: details.to_string(),
            at: Utc::now().naive_utc(),
        },
    )?;
    Ok(())
}
