//! The intake form on the wire, its field rules, and the command it becomes.

use crate::app::complaints::IntakeCmd;
use crate::error::{broken_rules, ApiError, FieldCode, FieldError};
use chrono::NaiveDate;
use kehu_domain::deadline::Market;
use kehu_domain::intake::{Channel, CustomerRequest, Intake};
use kehu_domain::Money;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

/// The complaint form (客户抱怨处理表). A draft may leave fields empty;
/// `submit` requires the complete form.
#[derive(Deserialize, ToSchema, Validate, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct IntakeRequest {
    pub customer_id: i64,
    #[schema(max_length = 64, example = "SO-2611-0381")]
    #[validate(length(max = 64, code = "too_long"))]
    pub order_number: Option<String>,
    #[schema(max_length = 64, example = "BRK-2207")]
    #[validate(length(max = 64, code = "too_long"))]
    pub product_number: Option<String>,
    #[schema(max_length = 200, example = "Φ22×1.5 镀锌")]
    #[validate(length(max = 200, code = "too_long"))]
    pub product_spec: Option<String>,
    pub ship_date: Option<NaiveDate>,
    #[schema(minimum = 0, maximum = 1000000000)]
    #[validate(range(min = 0, max = 1_000_000_000, code = "out_of_range"))]
    pub quantity_shipped: Option<i64>,
    #[schema(minimum = 0, maximum = 1000000000)]
    #[validate(range(min = 0, max = 1_000_000_000, code = "out_of_range"))]
    pub defective_quantity: Option<i64>,
    /// Where the customer found it (发现环节), e.g. incoming inspection.
    #[schema(max_length = 200, example = "来料检验")]
    #[validate(length(max = 200, code = "too_long"))]
    pub found_at: Option<String>,
    #[schema(max_length = 4000, example = "边缘毛刺，装配卡滞")]
    #[validate(length(max = 4000, code = "too_long"))]
    pub description: Option<String>,
    /// What the customer asks for.
    #[serde(default)]
    pub requests: Vec<CustomerRequest>,
    /// Quantity not known yet: the customer is still processing (客户加工中未确定).
    #[serde(default)]
    pub request_quantity_undetermined: bool,
    /// Amount the customer claims, CNY, decimal string.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "120000.00")]
    pub claim_amount: Option<String>,
    pub channel: Option<Channel>,
    #[serde(default)]
    pub has_sample: bool,
    #[serde(default)]
    pub sample_return_required: bool,
    /// Domestic or foreign; defaults to the customer's.
    pub market: Option<Market>,
}

/// Trimmed text, or nothing when blank.
fn text(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

impl TryFrom<IntakeRequest> for IntakeCmd {
    type Error = ApiError;

    fn try_from(b: IntakeRequest) -> Result<IntakeCmd, ApiError> {
        let mut errors = broken_rules(b.validate());
        let claim_amount = match b.claim_amount.as_deref().map(str::parse::<Money>) {
            Some(Ok(m)) => Some(m),
            Some(Err(e)) => {
                errors.push(FieldError::new("claim_amount", FieldCode::InvalidMoney, e.to_string()));
                None
            }
            None => None,
        };
        if b.ship_date.is_some_and(|d| d > chrono::Utc::now().date_naive() + chrono::Duration::days(1)) {
            errors.push(FieldError::new("ship_date", FieldCode::InFuture, "the ship date cannot be in the future"));
        }
        let mut requests = b.requests;
        requests.dedup();
        let intake = Intake {
            order_number: text(b.order_number),
            product_number: text(b.product_number),
            product_spec: text(b.product_spec),
            ship_date: b.ship_date,
            quantity_shipped: b.quantity_shipped,
            defective_quantity: b.defective_quantity,
            found_at: text(b.found_at),
            description: text(b.description),
            requests,
            request_quantity_undetermined: b.request_quantity_undetermined,
            claim_amount,
            channel: b.channel,
            has_sample: b.has_sample,
            sample_return_required: b.sample_return_required,
        };
        errors.extend(intake.consistency().into_iter().map(FieldError::from));
        ApiError::check(errors)?;
        Ok(IntakeCmd { customer_id: b.customer_id, market: b.market, intake })
    }
}
