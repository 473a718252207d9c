//! The OpenAPI document, generated from the same registration as the router.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "Kehu API", description = "Customer management and complaint handling for manufacturers. Conventions: problem+json errors, ETag/If-Match, Idempotency-Key on POST, keyset pagination. State and action names are public API (see the complaint workflow).", license(name = "Apache-2.0")),
    modifiers(&Security),
    tags(
        (name = "auth", description = "Login, tokens, the caller"),
        (name = "complaints", description = "Complaint intake, workflow actions, history, tasks"),
        (name = "customers", description = "Customers"),
        (name = "returns", description = "Return and exchange applications (退换货) and their approval chain"),
        (name = "people", description = "Departments and users"),
        (name = "notifications", description = "In-app notifications"),
        (name = "penalties", description = "The monthly penalty run: responsibility, sanctions, bonus deductions (客诉罚扣)"),
        (name = "policies", description = "Approval tiers, deadlines, working-day calendar"),
        (name = "webhooks", description = "Domain events delivered to other systems, signed, with a delivery log"),
        (name = "operations", description = "Health")
    )
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()));
    }
}
