//! Kehu's HTTP service: routes, auth, background work and the `kehu` binary.

pub mod app;
pub mod auth;
pub mod breaker;
pub mod config;
pub mod delivery;
pub mod error;
pub mod grid;
pub mod http;
pub mod i18n;
pub mod mail;
pub mod net;
pub mod openapi;
pub mod robots;
pub mod routes;
pub mod state;
pub mod telemetry;
pub mod worker;

use crate::error::FieldCode;
use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpServer};
use config::Settings;
use state::AppState;
use std::net::TcpListener;
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

/// A server bound and ready to run, with the port it got.
pub struct Application {
    pub port: u16,
    pub server: Server,
}

/// The OpenAPI document, built from the route registration alone.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    let (_, api) = App::new()
        .into_utoipa_app()
        .openapi(openapi::ApiDoc::openapi())
        .service(utoipa_actix_web::scope("/api/v1").configure(routes::api))
        .service(routes::health::healthz)
        .service(routes::health::readyz)
        .split_for_parts();
    api
}

impl Application {
    /// Migrates, makes sure a company exists, binds (port 0 picks a free one).
    pub fn build(settings: Settings) -> anyhow::Result<Application> {
        let pool = kehu_persistence::build_pool(&settings.database_url, settings.pool_size)?;
        {
            let mut conn = pool.get()?;
            app::bootstrap::ensure_company(&mut conn).map_err(|e| anyhow::anyhow!("bootstrap: {e}"))?;
        }
        let listener = TcpListener::bind(settings.bind)?;
        let port = listener.local_addr()?.port();
        if settings.workers {
            worker::spawn(pool.clone(), settings.worker_interval_secs);
            let sender = delivery::Sender::new(settings.webhook_networks.clone())?;
            delivery::spawn(pool.clone(), sender, std::time::Duration::from_millis(settings.delivery_interval_ms.max(10)));
            let poster = delivery::Sender::new(settings.webhook_networks.clone())?;
            robots::spawn(pool.clone(), poster, settings.public_url.clone(), std::time::Duration::from_millis(settings.delivery_interval_ms.max(10)));
            if let Some(smtp) = &settings.smtp {
                let mailer = mail::Mailer::new(smtp, settings.public_url.clone())?;
                mail::spawn(pool.clone(), mailer, std::time::Duration::from_millis(settings.delivery_interval_ms.max(10)));
            }
        }
        let state = web::Data::new(AppState {
            keys: auth::jwt::Keys::new(&settings.jwt_secret),
            pool,
            settings: settings.clone(),
            breaker: std::sync::Arc::new(breaker::Breaker::new(std::time::Duration::from_secs(1))),
            names: Default::default(),
            login_gate: Default::default(),
        });
        let static_dir = settings.static_dir.clone();
        // Database work runs on the workers' blocking threads and waits for a
        // pooled connection there: more threads than connections only queue
        // on the pool, and each thread keeps its own allocator arena.
        let http_workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let blocking_threads = (settings.pool_size as usize).div_ceil(http_workers).max(1);
        let document = openapi_document();
        // Request counts and latency histograms by route pattern, at /metrics.
        let metrics = actix_web_prom::PrometheusMetricsBuilder::new("kehu")
            .endpoint("/metrics")
            .exclude("/metrics")
            .mask_unmatched_patterns("UNKNOWN")
            .build()
            .map_err(|e| anyhow::anyhow!("metrics: {e}"))?;
        let server = HttpServer::new(move || {
            // The spec and its UI go first: the `/api/v1` scope would otherwise
            // answer 404 for `/api/v1/openapi.json`.
            let (app, _) = App::new()
                .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/v1/openapi.json", document.clone()))
                .into_utoipa_app()
                .openapi(openapi::ApiDoc::openapi())
                .app_data(state.clone())
                .app_data(web::PayloadConfig::new(http::body::MAX_JSON_BYTES))
                .app_data(web::QueryConfig::default().error_handler(|e, _| error::ApiError::field("query", FieldCode::Invalid, e.to_string()).into()))
                .app_data(web::PathConfig::default().error_handler(|_, _| error::ApiError::NotFound.into()))
                .service(utoipa_actix_web::scope("/api/v1").configure(routes::api))
                .service(routes::health::healthz)
                .service(routes::health::readyz)
                .split_for_parts();
            app.wrap(from_fn(http::idempotency::idempotency))
                .wrap(from_fn(auth::extractor::api_keys))
                .wrap(from_fn(http::problems::problem_details))
                .wrap(from_fn(http::audit::refusals))
                .wrap(tracing_actix_web::TracingLogger::<telemetry::RequestSpan>::new())
                .wrap(metrics.clone())
                .wrap(from_fn(http::edge::edge))
                .configure(|cfg| spa(cfg, &static_dir))
        })
        .listen(listener)?
        .workers(http_workers)
        .worker_max_blocking_threads(blocking_threads)
        .shutdown_timeout(20)
        .run();
        Ok(Application { port, server })
    }
}

/// Serves the built SPA at `/`, sending unknown paths to `index.html` so that
/// client-side routes survive a reload.
fn spa(cfg: &mut web::ServiceConfig, dir: &std::path::Path) {
    let index = dir.join("index.html");
    if !index.exists() {
        return;
    }
    cfg.service(actix_files::Files::new("/", dir).index_file("index.html").default_handler(actix_web::dev::fn_service(
        move |req: actix_web::dev::ServiceRequest| {
            let index = index.clone();
            async move {
                let (req, _) = req.into_parts();
                if req.path().starts_with("/api/") {
                    return Ok(actix_web::dev::ServiceResponse::new(req, actix_web::ResponseError::error_response(&error::ApiError::NotFound)));
                }
                let file = actix_files::NamedFile::open_async(index).await?;
                let res = file.into_response(&req);
                Ok(actix_web::dev::ServiceResponse::new(req, res))
            }
        },
    )));
}
