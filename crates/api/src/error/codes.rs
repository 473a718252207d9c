//! The codes the API answers with: one per problem (`Problem.code`) and one
//! per broken field rule (`FieldError.code`). Clients translate them; the
//! SPA's three catalogs must name every one (a test below checks).

use serde::Serialize;

macro_rules! answer_codes {
    ($(#[doc = $doc:literal])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
        pub enum $name { $($(#[$vmeta])* #[serde(rename = $code)] $variant),+ }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                kehu_domain::codes::schema(concat!($($doc, "\n",)* ""), &[$($code),+])
            }
        }

        impl utoipa::ToSchema for $name {}

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The variant as written in source, for the test that each is used.
            #[cfg(test)]
            fn variant_name(self) -> &'static str {
                match self { $($name::$variant => stringify!($variant)),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

answer_codes! {
    /// What went wrong, as a stable code (`errors.<code>` in the SPA's catalogs).
    ProblemCode {
        BadRequest = "bad_request",
        InvalidBody = "invalid_body",
        Unauthenticated = "unauthenticated",
        Forbidden = "forbidden",
        NotFound = "not_found",
        /// The state of the resource does not allow this.
        Conflict = "conflict",
        PreconditionRequired = "precondition_required",
        PreconditionFailed = "precondition_failed",
        ValidationFailed = "validation_failed",
        UnsupportedMediaType = "unsupported_media_type",
        PayloadTooLarge = "payload_too_large",
        RateLimited = "rate_limited",
        ServiceUnavailable = "service_unavailable",
        InternalError = "internal_error",
        /// Another registration of the same customer was archived (or filed) first.
        RegisteredFirst = "registered_first",
        AlreadyReadable = "already_readable",
        RequestPending = "request_pending",
        AlreadyDecided = "already_decided",
        NotArchived = "not_archived",
        StillProtected = "still_protected",
        AlreadyOwner = "already_owner",
        Deregistered = "deregistered",
        AlreadyOnHold = "already_on_hold",
        NotOnHold = "not_on_hold",
        WrongVisitStep = "wrong_visit_step",
        AlreadyDone = "already_done",
        AlreadyAnswered = "already_answered",
        LinkExpired = "link_expired",
        OrderExists = "order_exists",
        CodeTaken = "code_taken",
        NotPendingReview = "not_pending_review",
        NotRejected = "not_rejected",
        KeyCustomerStaff = "key_customer_staff",
        /// A live return application already covers this complaint line.
        AlreadyApplied = "already_applied",
        /// An exhibition or office sample unit comes back without an on-site inspection.
        InspectionNotNeeded = "inspection_not_needed",
    }
}

answer_codes! {
    /// Which rule a field broke (`validation.<code>` in the SPA's catalogs).
    FieldCode {
        Required = "required",
        TooLong = "too_long",
        /// Text outside its allowed length.
        Length = "length",
        OutOfRange = "out_of_range",
        InvalidFormat = "invalid_format",
        Format = "format",
        Invalid = "invalid",
        InvalidValue = "invalid_value",
        UnknownValue = "unknown_value",
        UnknownField = "unknown_field",
        WrongType = "wrong_type",
        InvalidMoney = "invalid_money",
        InvalidDate = "invalid_date",
        /// The consumer rule set does not offer this.
        NotOffered = "not_offered",
        /// The invoice does not match the goods.
        InvoiceMismatch = "invoice_mismatch",
        /// An opened package comes back only when defective.
        Opened = "opened",
        /// Past the rule set's period since the purchase.
        PeriodExpired = "period_expired",
        ShelfLifeExpired = "shelf_life_expired",
        InvalidLine = "invalid_line",
        InvalidPolicy = "invalid_policy",
        NotFound = "not_found",
        Count = "count",
        TooLarge = "too_large",
        TooMany = "too_many",
        TooManyRows = "too_many_rows",
        TooManyColumns = "too_many_columns",
        Empty = "empty",
        Duplicate = "duplicate",
        Reused = "reused",
        InFuture = "in_future",
        Future = "future",
        ExceedsShipped = "exceeds_shipped",
        NoSample = "no_sample",
        RatiosNot100 = "ratios_not_100",
        NotResponsible = "not_responsible",
        OwnsCustomers = "owns_customers",
        LegalEntityOnly = "legal_entity_only",
        KeyCustomerStaff = "key_customer_staff",
        NotSales = "not_sales",
        NotServiceAccount = "not_service_account",
        SameUser = "same_user",
        SameOwner = "same_owner",
        OneOf = "one_of",
        NotArchived = "not_archived",
        OverLimit = "over_limit",
        FirstVisitTwoSales = "first_visit_two_sales",
        DeregisterOnly = "deregister_only",
        MissingColumn = "missing_column",
        Unreadable = "unreadable",
        /// A password zxcvbn rates as easy to guess.
        WeakPassword = "weak_password",
        WrongPassword = "wrong_password",
        /// A webhook address in a range it may not reach.
        ForbiddenAddress = "forbidden_address",
        UnknownHost = "unknown_host",
        /// The complaint's resolution (or its 8D report) is not approved yet.
        NotApproved = "not_approved",
        /// A verification that did not pass (8D D6).
        NotVerified = "not_verified",
        /// A complaint line that sends nothing back (compensation, discount).
        NotReturnable = "not_returnable",
        /// A complaint line that allows nothing (return, resend, rework).
        NotAllowance = "not_allowance",
    }
}

impl FieldCode {
    pub fn parse(s: &str) -> Option<FieldCode> {
        FieldCode::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    fn sources(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((path.clone(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }

    /// Every code is answered somewhere: a code nobody returns is a
    /// translation nobody reads (and usually a misspelt one).
    #[test]
    fn every_code_is_used() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        sources(&root.join("src"), &mut files);
        let uses = |needle: &str| files.iter().any(|(p, text)| !p.ends_with("error/codes.rs") && text.contains(needle));
        let unused: Vec<String> = ProblemCode::ALL
            .iter()
            .map(|c| format!("ProblemCode::{}", c.variant_name()))
            .chain(FieldCode::ALL.iter().map(|c| format!("FieldCode::{}", c.variant_name())))
            .filter(|n| !uses(n))
            .collect();
        assert!(unused.is_empty(), "codes never answered: {unused:?}");
    }

    /// Every code has its text in every catalog of the SPA, so no user reads
    /// the server's English detail instead.
    #[test]
    fn every_code_is_in_every_catalog() {
        let catalogs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../frontend/src/i18n");
        for lang in ["zh-CN", "zh-TW", "en"] {
            let text = std::fs::read_to_string(catalogs.join(format!("{lang}.json"))).unwrap();
            let catalog: serde_json::Value = serde_json::from_str(&text).unwrap();
            let missing: Vec<String> = ProblemCode::ALL
                .iter()
                .filter(|c| !catalog["errors"][c.as_str()].is_string())
                .map(|c| format!("errors.{c}"))
                .chain(FieldCode::ALL.iter().filter(|c| !catalog["validation"][c.as_str()].is_string()).map(|c| format!("validation.{c}")))
                .collect();
            assert!(missing.is_empty(), "{lang}.json lacks {missing:?}");
        }
    }

    #[test]
    fn codes_are_distinct() {
        for list in [ProblemCode::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(), FieldCode::ALL.iter().map(|c| c.as_str()).collect()] {
            let mut sorted = list.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len());
        }
    }
}
