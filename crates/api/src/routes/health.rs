//! Liveness and readiness.

use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use diesel::connection::SimpleConnection;

/// The process is alive.
#[utoipa::path(tag = "operations", operation_id = "healthz", responses((status = 200, description = "Alive")))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// The database answers.
#[utoipa::path(tag = "operations", operation_id = "readyz", responses((status = 200, description = "Ready"), (status = 503, description = "Database unavailable")))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    state.db(|c| c.batch_execute("SELECT 1").map_err(Into::into)).await?;
    Ok(HttpResponse::Ok().content_type("text/plain").body("ready"))
}
