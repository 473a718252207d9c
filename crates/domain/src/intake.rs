//! The complaint form sales files (客户抱怨处理表, domain.md §4.1).

use crate::coded_enum;
pub use crate::issue::{FieldIssue, Rule};
use crate::money::Money;
use chrono::NaiveDate;

coded_enum! {
    Channel { Phone = "phone", Visit = "visit", Mail = "mail", Letter = "letter", Store = "store" }
}

coded_enum! {
    Severity { Severe = "severe", General = "general", Incidental = "incidental" }
}

coded_enum! {
    ComplaintKind { Quality = "quality", NonQuality = "non_quality" }
}

coded_enum! {
    /// Human causes of non-quality complaints (非品质).
    NonQualityCause {
        WrongDocuments = "wrong_documents",
        FinancialError = "financial_error",
        MaterialNotPerSpec = "material_not_per_spec",
        RejectsMixedIntoStock = "rejects_mixed_into_stock",
        OverDelivery = "over_delivery",
        OrderEntryError = "order_entry_error",
        LateDelivery = "late_delivery",
        WrongShipment = "wrong_shipment",
        WrongDeliveryNote = "wrong_delivery_note",
        StorageOrTransportDamage = "storage_or_transport_damage",
        LabelMismatch = "label_mismatch",
        InspectionDataMismatch = "inspection_data_mismatch",
        Other = "other",
    }
}

coded_enum! {
    CustomerRequest { Return = "return", Exchange = "exchange", Discount = "discount", Compensation = "compensation", Rework = "rework" }
}

/// The intake fields as filed; a draft may leave any of them empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Intake {
    pub order_number: Option<String>,
    pub product_number: Option<String>,
    pub product_spec: Option<String>,
    pub ship_date: Option<NaiveDate>,
    pub quantity_shipped: Option<i64>,
    pub defective_quantity: Option<i64>,
    pub found_at: Option<String>,
    pub description: Option<String>,
    pub requests: Vec<CustomerRequest>,
    pub request_quantity_undetermined: bool,
    pub claim_amount: Option<Money>,
    pub channel: Option<Channel>,
    pub has_sample: bool,
    pub sample_return_required: bool,
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|v| v.trim().is_empty())
}

impl Intake {
    /// Rules that hold for drafts too.
    pub fn consistency(&self) -> Vec<FieldIssue> {
        let mut out = Vec::new();
        if let (Some(shipped), Some(bad)) = (self.quantity_shipped, self.defective_quantity) {
            if bad > shipped {
                out.push(FieldIssue::new("defective_quantity", Rule::ExceedsShipped, "defective quantity cannot exceed the quantity shipped"));
            }
        }
        if self.sample_return_required && !self.has_sample {
            out.push(FieldIssue::new("sample_return_required", Rule::NoSample, "a sample can only be returned when there is one"));
        }
        out
    }

    /// The items an incomplete form lacks; coordinators return such forms to sales.
    pub fn missing_for_submit(&self) -> Vec<FieldIssue> {
        let req = |field: &str, message: &str| FieldIssue::new(field, Rule::Required, message);
        let mut out = Vec::new();
        if blank(&self.product_number) {
            out.push(req("product_number", "product / part number is required"));
        }
        if blank(&self.description) {
            out.push(req("description", "describe the defect or problem"));
        }
        if self.ship_date.is_none() {
            out.push(req("ship_date", "ship date is required"));
        }
        if self.quantity_shipped.is_none() {
            out.push(req("quantity_shipped", "quantity shipped is required"));
        }
        if self.defective_quantity.is_none() {
            out.push(req("defective_quantity", "defective quantity is required"));
        }
        if blank(&self.found_at) {
            out.push(req("found_at", "where the customer found it is required"));
        }
        if self.channel.is_none() {
            out.push(req("channel", "how the complaint was received is required"));
        }
        if self.requests.is_empty() {
            out.push(req("requests", "state what the customer asks for"));
        }
        out.extend(self.consistency());
        out
    }

    /// Defect rate in basis points (1/100 %), when both counts are known.
    pub fn defect_rate_bp(&self) -> Option<i64> {
        match (self.quantity_shipped, self.defective_quantity) {
            (Some(s), Some(d)) if s > 0 => Some((d * 10_000 + s / 2) / s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> Intake {
        Intake {
            order_number: Some("SO-1".into()),
            product_number: Some("P-100".into()),
            ship_date: NaiveDate::from_ymd_opt(2026, 11, 1),
            quantity_shipped: Some(1000),
            defective_quantity: Some(25),
            found_at: Some("incoming inspection".into()),
            description: Some("burrs on the edge".into()),
            requests: vec![CustomerRequest::Return],
            channel: Some(Channel::Phone),
            ..Intake::default()
        }
    }

    #[test]
    fn complete_form_has_nothing_missing() {
        assert!(complete().missing_for_submit().is_empty());
        assert_eq!(complete().defect_rate_bp(), Some(250));
    }

    #[test]
    fn missing_items_are_listed() {
        let i = Intake { product_number: Some("  ".into()), ship_date: None, ..complete() };
        let fields: Vec<_> = i.missing_for_submit().into_iter().map(|f| f.field).collect();
        assert_eq!(fields, ["product_number", "ship_date"]);
    }

    #[test]
    fn defective_cannot_exceed_shipped() {
        let i = Intake { defective_quantity: Some(1001), ..complete() };
        assert_eq!(i.consistency()[0].rule, Rule::ExceedsShipped);
    }
}
