//! `Caller`: the authenticated user of a request, from its bearer token.

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::{ready, Ready};
use kehu_domain::{Actor, Role};

#[derive(Clone, Debug)]
pub struct Caller {
    pub user_id: i64,
    pub org_id: i64,
    pub department_id: i64,
    pub roles: Vec<Role>,
    pub display_name: String,
}

impl Caller {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.user_id,
            department_id: self.department_id,
            roles: self.roles.clone(),
        }
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn require(&self, role: Role) -> Result<(), ApiError> {
        if self.has(role) {
            Ok(())
        } else {
            Err(ApiError::Forbidden("your role may not do this"))
        }
    }

    /// The role recorded in history: the first of the caller's roles that the
    /// step needed, else their first role.
    pub fn main_role(&self) -> Option<Role> {
        self.roles.first().copied()
    }
}

pub fn bearer(req: &HttpRequest) -> Option<&str> {
    req.headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

pub fn caller_from(req: &HttpRequest) -> Result<Caller, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::Internal("state missing".into()))?;
    let token = bearer(req).ok_or(ApiError::Unauthenticated(
        "send `Authorization: Bearer <access token>`",
    ))?;
    let claims = state.keys.verify(token).ok_or(ApiError::Unauthenticated(
        "the access token is invalid or expired",
    ))?;
    let user_id = claims
        .sub
        .parse()
        .map_err(|_| ApiError::Unauthenticated("the access token is invalid"))?;
    Ok(Caller {
        user_id,
        org_id: claims.org,
        department_id: claims.dept,
        roles: claims.roles.iter().filter_map(|r| r.parse().ok()).collect(),
        display_name: claims.name,
    })
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Ready<Result<Caller, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(caller_from(req))
    }
}
