//! The intake form on the wire, checked and turned into rows.

use crate::error::FieldCode;
use crate::error::{ApiError, FieldError};
use chrono::NaiveDate;
use kehu_domain::intake::{Channel, CustomerRequest, Intake as DomainIntake};
use kehu_domain::Money;
use kehu_persistence::complaints::{ComplaintRow, IntakeRow};
use serde::Deserialize;
use utoipa::ToSchema;

/// The complaint form (客户抱怨处理表). A draft may leave fields empty;
/// `submit` requires the complete form.
#[derive(Deserialize, ToSchema, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct IntakeRequest {
    pub customer_id: i64,
    #[schema(max_length = 64, example = "SO-2611-0381")]
    pub order_number: Option<String>,
    #[schema(max_length = 64, example = "BRK-2207")]
    pub product_number: Option<String>,
    #[schema(max_length = 200, example = "Φ22×1.5 镀锌")]
    pub product_spec: Option<String>,
    pub ship_date: Option<NaiveDate>,
    #[schema(minimum = 0, maximum = 1000000000)]
    pub quantity_shipped: Option<i64>,
    #[schema(minimum = 0, maximum = 1000000000)]
    pub defective_quantity: Option<i64>,
    /// Where the customer found it (发现环节), e.g. incoming inspection.
    #[schema(max_length = 200, example = "来料检验")]
    pub found_at: Option<String>,
    #[schema(max_length = 4000, example = "边缘毛刺，装配卡滞")]
    pub description: Option<String>,
    /// What the customer asks for.
    #[serde(default)]
    #[schema(value_type = Vec<String>, example = json!(["return"]))]
    pub requests: Vec<CustomerRequest>,
    /// Quantity not known yet: the customer is still processing (客户加工中未确定).
    #[serde(default)]
    pub request_quantity_undetermined: bool,
    /// Amount the customer claims, CNY, decimal string.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "120000.00")]
    pub claim_amount: Option<String>,
    #[schema(value_type = Option<String>, example = "phone")]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub has_sample: bool,
    #[serde(default)]
    pub sample_return_required: bool,
    /// Domestic or foreign; defaults to the customer's.
    #[schema(value_type = Option<String>, example = "domestic")]
    pub market: Option<crate::routes::customers::MarketCode>,
}

fn text(errors: &mut Vec<FieldError>, field: &str, v: &Option<String>, max: usize) -> Option<String> {
    let t = v.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    if t.chars().count() > max {
        errors.push(FieldError { field: field.into(), code: FieldCode::TooLong, message: format!("at most {max} characters") });
    }
    Some(t.to_owned())
}

fn count(errors: &mut Vec<FieldError>, field: &str, v: Option<i64>) -> Option<i64> {
    if let Some(n) = v {
        if !(0..=1_000_000_000).contains(&n) {
            errors.push(FieldError { field: field.into(), code: FieldCode::OutOfRange, message: "must be between 0 and 1,000,000,000".into() });
        }
    }
    v
}

pub fn money_field(errors: &mut Vec<FieldError>, field: &str, v: &Option<String>) -> Option<Money> {
    let s = v.as_deref()?;
    match s.parse::<Money>() {
        Ok(m) => Some(m),
        Err(e) => {
            errors.push(FieldError { field: field.into(), code: FieldCode::InvalidMoney, message: e.to_string() });
            None
        }
    }
}

impl IntakeRequest {
    /// Checks field rules and builds the row and its domain form.
    pub fn to_row(&self) -> Result<(IntakeRow, DomainIntake), ApiError> {
        let mut errors = Vec::new();
        let row = IntakeRow {
            order_number: text(&mut errors, "order_number", &self.order_number, 64),
            product_number: text(&mut errors, "product_number", &self.product_number, 64),
            product_spec: text(&mut errors, "product_spec", &self.product_spec, 200),
            ship_date: self.ship_date,
            quantity_shipped: count(&mut errors, "quantity_shipped", self.quantity_shipped),
            defective_quantity: count(&mut errors, "defective_quantity", self.defective_quantity),
            found_at: text(&mut errors, "found_at", &self.found_at, 200),
            description: text(&mut errors, "description", &self.description, 4000),
            requests: {
                let mut r: Vec<&str> = self.requests.iter().map(|r| r.as_str()).collect();
                r.dedup();
                r.join(",")
            },
            request_quantity_undetermined: self.request_quantity_undetermined,
            claim_amount_fen: money_field(&mut errors, "claim_amount", &self.claim_amount).map(Money::fen),
            channel: self.channel.map(|c| c.as_str().to_owned()),
            has_sample: self.has_sample,
            sample_return_required: self.sample_return_required,
        };
        if self.ship_date.is_some_and(|d| d > chrono::Utc::now().date_naive() + chrono::Duration::days(1)) {
            errors.push(FieldError { field: "ship_date".into(), code: FieldCode::InFuture, message: "the ship date cannot be in the future".into() });
        }
        let domain = domain_of(&row);
        errors.extend(domain.consistency().into_iter().map(FieldError::from));
        if errors.is_empty() {
            Ok((row, domain))
        } else {
            Err(ApiError::validation(errors))
        }
    }
}

fn domain_of(row: &IntakeRow) -> DomainIntake {
    DomainIntake {
        order_number: row.order_number.clone(),
        product_number: row.product_number.clone(),
        product_spec: row.product_spec.clone(),
        ship_date: row.ship_date,
        quantity_shipped: row.quantity_shipped,
        defective_quantity: row.defective_quantity,
        found_at: row.found_at.clone(),
        description: row.description.clone(),
        requests: row.requests.split(',').filter_map(|s| s.parse().ok()).collect(),
        request_quantity_undetermined: row.request_quantity_undetermined,
        claim_amount: row.claim_amount_fen.and_then(|f| Money::from_fen(f).ok()),
        channel: row.channel.as_deref().and_then(|c| c.parse().ok()),
        has_sample: row.has_sample,
        sample_return_required: row.sample_return_required,
    }
}

pub fn row_of(c: &ComplaintRow) -> IntakeRow {
    IntakeRow {
        order_number: c.order_number.clone(),
        product_number: c.product_number.clone(),
        product_spec: c.product_spec.clone(),
        ship_date: c.ship_date,
        quantity_shipped: c.quantity_shipped,
        defective_quantity: c.defective_quantity,
        found_at: c.found_at.clone(),
        description: c.description.clone(),
        requests: c.requests.clone(),
        request_quantity_undetermined: c.request_quantity_undetermined,
        claim_amount_fen: c.claim_amount_fen,
        channel: c.channel.clone(),
        has_sample: c.has_sample,
        sample_return_required: c.sample_return_required,
    }
}

pub fn to_domain(c: &ComplaintRow) -> DomainIntake {
    domain_of(&row_of(c))
}
