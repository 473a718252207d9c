//! Every refusal (403) lands in the audit log: who asked, from which
//! address, for what, under which request id. Written after the answer is
//! decided, in its own statement: the refused request changed nothing else.

use crate::auth::extractor::Signed;
use crate::http::client;
use crate::state::AppState;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage};
use kehu_persistence::events::{self, Audit};
use tracing_actix_web::RequestId;

pub async fn refusals(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    // Taken now, cheaply (this runs on every request): the request is the
    // router's alone while it is served, so no clone of it may be kept here.
    // (A `Uri` clone shares its bytes.)
    let (method, uri) = (req.method().clone(), req.uri().clone());
    let address = client::ip(req.request());
    let request_id = req.extensions().get::<RequestId>().copied();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let result = next.call(req).await.map(ServiceResponse::map_into_boxed_body);
    let (status, signed) = match &result {
        Ok(res) => (res.status(), res.request().extensions().get::<Signed>().copied()),
        Err(e) => (e.as_response_error().status_code(), None),
    };
    if let (StatusCode::FORBIDDEN, Some(state)) = (status, state) {
        let details = serde_json::json!({"method": method.as_str(), "path": uri.path(), "address": client::shown(address)}).to_string();
        let written = state
            .db(move |c| {
                let at = chrono::Utc::now().naive_utc();
                let (org_id, user_id) = (signed.map(|s| s.org_id), signed.map(|s| s.user_id));
                let request_id = request_id.map(|r| r.to_string());
                let row = Audit { org_id, user_id, action: "auth.denied", entity: "user", entity_id: user_id, request_id: request_id.as_deref(), details, at };
                Ok(events::audit(c, &row)?)
            })
            .await;
        if let Err(e) = written {
            tracing::warn!(error = %e, "a refusal could not be audited");
        }
    }
    result
}
