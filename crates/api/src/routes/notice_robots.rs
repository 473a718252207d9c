//! Group robots (群机器人) of WeCom, DingTalk and Feishu (admin).

use crate::app::notice_robots::{self as robots, RobotInput, RobotPostView, RobotView};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use kehu_domain::channel::{Language, RobotPlatform};
use kehu_domain::notice::NoticeKind;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RobotBody {
    /// The group it posts to, e.g. 品保部群 (at most 100 characters).
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    pub platform: RobotPlatform,
    /// The robot's webhook address, as the platform shows it. Required when
    /// adding; absent on a change keeps the stored one.
    #[schema(max_length = 2000)]
    pub url: Option<String>,
    /// DingTalk's or Feishu's signing secret (加签). Absent on a change keeps
    /// the stored one; empty removes it.
    #[schema(max_length = 200)]
    pub secret: Option<String>,
    pub language: Language,
    /// Notice kinds the robot posts.
    #[schema(max_items = 100)]
    pub kinds: Vec<NoticeKind>,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

fn input(b: RobotBody) -> RobotInput {
    RobotInput { name: b.name, platform: b.platform, url: b.url, secret: b.secret, language: b.language, kinds: b.kinds, active: b.active }
}

#[derive(Serialize, ToSchema)]
pub struct RobotPage {
    pub items: Vec<RobotView>,
}

#[derive(Serialize, ToSchema)]
pub struct RobotPostPage {
    pub items: Vec<RobotPostView>,
}

/// The company's group robots (admin).
#[utoipa::path(tag = "notifications", operation_id = "listNoticeRobots", security(("bearer" = [])),
    responses((status = 200, body = RobotPage), (status = 403, body = Problem, content_type = "application/problem+json")))]
#[get("/notice-robots")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    let items = state.read(ctx, robots::list).await?;
    Ok(HttpResponse::Ok().json(RobotPage { items }))
}

/// Add a group robot (admin): its address must be one robots may reach.
#[utoipa::path(tag = "notifications", operation_id = "createNoticeRobot", security(("bearer" = [])), request_body = RobotBody,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = RobotView, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/notice-robots")]
pub async fn create(state: web::Data<AppState>, ctx: Ctx, body: Json<RobotBody>) -> ApiResult<HttpResponse> {
    let v = robots::create(&state, ctx, input(body.0)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), v.version, &v))
}

/// Change a group robot (admin) at the version read.
#[utoipa::path(tag = "notifications", operation_id = "updateNoticeRobot", security(("bearer" = [])), request_body = RobotBody,
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = RobotView, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/notice-robots/{id}")]
pub async fn update(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<RobotBody>) -> ApiResult<HttpResponse> {
    let v = robots::update(&state, ctx, (id.into_inner(), version.0, input(body.0))).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// A group robot's latest posts, newest first (admin).
#[utoipa::path(tag = "notifications", operation_id = "listNoticeRobotPosts", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = RobotPostPage), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/notice-robots/{id}/posts")]
pub async fn posts(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let items = state.read(ctx, move |c, ctx| robots::posts(c, ctx, id)).await?;
    Ok(HttpResponse::Ok().json(RobotPostPage { items }))
}
