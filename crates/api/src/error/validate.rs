//! `validator`'s field errors as the API's: one `FieldError` per broken
//! rule, with the JSON path (`lines[0].amount`) and a [`FieldCode`].

use super::{ApiError, FieldCode, FieldError};
use serde_json::Value;
use validator::{Validate, ValidationError, ValidationErrors, ValidationErrorsKind};

/// A request body that passed its declared rules.
pub trait Validated: Validate + Sized {
    fn validated(self) -> Result<Self, ApiError> {
        self.validate()?;
        Ok(self)
    }
}

impl<T: Validate> Validated for T {}

impl From<ValidationErrors> for ApiError {
    fn from(e: ValidationErrors) -> Self {
        ApiError::validation(broken_rules(Err(e)))
    }
}

/// The rules a `validate()` found broken, as field errors (none for `Ok`),
/// for merging with the checks that follow.
pub fn broken_rules(r: Result<(), ValidationErrors>) -> Vec<FieldError> {
    let mut out = Vec::new();
    if let Err(e) = r {
        flatten("", &e, &mut out);
        // validator keeps fields in a hash map: order them for stable answers.
        out.sort_by(|a, b| a.field.cmp(&b.field));
    }
    out
}

fn flatten(prefix: &str, errors: &ValidationErrors, out: &mut Vec<FieldError>) {
    for (name, kind) in errors.errors() {
        let path = match (prefix.is_empty(), name.as_ref()) {
            (_, "__all__") => prefix.to_owned(),
            (true, n) => n.to_owned(),
            (false, n) => format!("{prefix}.{n}"),
        };
        match kind {
            ValidationErrorsKind::Field(list) => out.extend(list.iter().map(|e| field_error(&path, e))),
            ValidationErrorsKind::Struct(inner) => flatten(&path, inner, out),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    flatten(&format!("{path}[{i}]"), inner, out);
                }
            }
        }
    }
}

fn field_error(field: &str, e: &ValidationError) -> FieldError {
    let code = FieldCode::parse(&e.code).unwrap_or(match e.code.as_ref() {
        "range" => FieldCode::OutOfRange,
        "regex" => FieldCode::Format,
        "email" | "url" => FieldCode::InvalidFormat,
        other => {
            tracing::error!(code = other, field, "validation rule without a field code");
            FieldCode::InvalidValue
        }
    });
    let message = match &e.message {
        Some(m) => m.to_string(),
        None => describe(e),
    };
    FieldError::new(field, code, message)
}

fn describe(e: &ValidationError) -> String {
    let p = |k: &str| e.params.get(k).filter(|v| !v.is_null()).map(Value::to_string);
    match (e.code.as_ref(), p("min"), p("max")) {
        ("required", ..) => "must not be empty".into(),
        ("range" | "out_of_range", Some(min), Some(max)) => format!("must be between {min} and {max}"),
        ("range" | "out_of_range", Some(min), None) => format!("must be at least {min}"),
        ("range" | "out_of_range", None, Some(max)) => format!("must be at most {max}"),
        (_, Some(min), Some(max)) => format!("must be {min} to {max} characters"),
        (_, None, Some(max)) => format!("at most {max} characters"),
        (_, Some(min), None) => format!("at least {min} characters"),
        (code, ..) => format!("breaks the rule `{code}`"),
    }
}

/// Text that is not only white space (`#[validate(custom(function = "not_blank"))]`).
pub fn not_blank(s: &str) -> Result<(), ValidationError> {
    if s.trim().is_empty() {
        Err(ValidationError::new("required"))
    } else {
        Ok(())
    }
}
