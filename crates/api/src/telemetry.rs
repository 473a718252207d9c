//! Structured logs to stderr, so that `kehu openapi > file` stays clean JSON.

use tracing_subscriber::{fmt, EnvFilter};

/// Logging from `KEHU_LOG` (a tracing filter) and `KEHU_LOG_FORMAT` (`text`
/// or `json`); a malformed value of either stops the start.
pub fn init() -> anyhow::Result<()> {
    let filter = match std::env::var("KEHU_LOG").ok().filter(|v| !v.trim().is_empty()) {
        Some(v) => EnvFilter::try_new(&v).map_err(|e| anyhow::anyhow!("KEHU_LOG is not a valid log filter (`{v}`): {e}"))?,
        None => EnvFilter::new("info,actix_server=warn"),
    };
    let json = match std::env::var("KEHU_LOG_FORMAT").ok().filter(|v| !v.trim().is_empty()).as_deref().map(str::trim) {
        None | Some("text") => false,
        Some("json") => true,
        Some(other) => anyhow::bail!("KEHU_LOG_FORMAT must be text or json, not `{other}`"),
    };
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = if json { builder.json().try_init() } else { builder.try_init() };
    Ok(())
}

/// The request span: method, route, path, status, request id, the client's
/// address (see `http::client`) and, once the credential is read, the
/// user. Unlike the default builder it looks up the route (a walk of the
/// router) and formats fields only when the span is recorded, and skips
/// host, scheme and user agent, which cost on every request and say little.
pub struct RequestSpan;

impl tracing_actix_web::RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        use actix_web::HttpMessage;
        use tracing::field::Empty;
        let span = tracing::info_span!(
            "HTTP request",
            http.method = %request.method(),
            http.route = Empty,
            http.target = %request.path(),
            http.status_code = Empty,
            otel.status_code = Empty,
            request_id = Empty,
            client.address = Empty,
            user_id = Empty,
            exception.message = Empty,
            exception.details = Empty,
        );
        // Decided whether or not the span records: limits and audit rows use it.
        let state = request.app_data::<actix_web::web::Data<crate::state::AppState>>();
        let client = crate::http::client::remember(request, state.map_or(&[][..], |s| &s.settings.trusted_proxies[..]));
        if !span.is_disabled() {
            if let Some(ip) = client {
                span.record("client.address", tracing::field::display(ip));
            }
            if let Some(route) = request.match_pattern() {
                span.record("http.route", route.as_str());
            }
            if let Some(id) = request.extensions().get::<tracing_actix_web::RequestId>() {
                span.record("request_id", tracing::field::display(id));
            }
        }
        span
    }

    fn on_request_end<B: actix_web::body::MessageBody>(span: tracing::Span, outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>) {
        tracing_actix_web::DefaultRootSpanBuilder::on_request_end(span, outcome)
    }
}
