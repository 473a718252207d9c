//! The complaint list's query parameters and the page request they become.

use crate::app::complaints::list::{ListCursor, ListQuery};
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::http::cursor;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use kehu_domain::intake::{ComplaintKind, Severity};
use kehu_domain::State;
use kehu_persistence::complaint_lists::{ComplaintFilter, Sort, SortKey};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintQuery {
    /// Comma-separated states.
    #[param(example = "qa_investigation,pending_approval")]
    pub state: Option<String>,
    pub customer_id: Option<i64>,
    pub department_id: Option<i64>,
    #[param(value_type = Option<Severity>)]
    pub severity: Option<String>,
    #[param(value_type = Option<ComplaintKind>)]
    pub kind: Option<String>,
    pub major: Option<bool>,
    /// Only cases whose current step is past its deadline.
    pub overdue: Option<bool>,
    pub created_from: Option<NaiveDate>,
    pub created_to: Option<NaiveDate>,
    pub registered_from: Option<NaiveDate>,
    pub registered_to: Option<NaiveDate>,
    #[param(example = "2611-0007")]
    pub number: Option<String>,
    /// Free text over number, order, product, description and customer name.
    pub q: Option<String>,
    /// Only the complaints the caller filed (我发起的).
    pub mine: Option<bool>,
    /// `created_at`, `-created_at` (default), `updated_at`, `-updated_at`, `step_due_at`, `-step_due_at`.
    pub sort: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

fn code<T: std::str::FromStr>(field: &str, v: Option<&str>) -> ApiResult<Option<T>> {
    v.map(|s| s.parse().map_err(|_| ApiError::field(field, FieldCode::UnknownValue, format!("unknown {field} `{s}`")))).transpose()
}

fn day_start(d: Option<NaiveDate>) -> Option<NaiveDateTime> {
    d.map(|d| d.and_time(NaiveTime::MIN))
}

impl ComplaintQuery {
    /// The page request; `now` decides what is overdue, `me` whose are mine.
    pub fn into_list(self, now: NaiveDateTime, me: i64) -> ApiResult<ListQuery> {
        let limit = cursor::limit(self.limit)?;
        let sort = match self.sort.as_deref().unwrap_or("-created_at") {
            "created_at" => Sort { key: SortKey::CreatedAt, descending: false },
            "-created_at" => Sort { key: SortKey::CreatedAt, descending: true },
            "updated_at" => Sort { key: SortKey::UpdatedAt, descending: false },
            "-updated_at" => Sort { key: SortKey::UpdatedAt, descending: true },
            "step_due_at" => Sort { key: SortKey::StepDueAt, descending: false },
            "-step_due_at" => Sort { key: SortKey::StepDueAt, descending: true },
            _ => return Err(ApiError::field("sort", FieldCode::UnknownValue, "sort by created_at, updated_at or step_due_at, with - for descending")),
        };
        let after = self.cursor.as_deref().map(cursor::decode::<ListCursor>).transpose()?;
        let states = self
            .state
            .iter()
            .flat_map(|r| r.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<State>().map_err(|_| ApiError::field("state", FieldCode::UnknownValue, format!("unknown state `{s}`"))))
            .collect::<ApiResult<Vec<_>>>()?;
        let filter = ComplaintFilter {
            states,
            customer_id: self.customer_id,
            sales_department_id: self.department_id,
            severity: code("severity", self.severity.as_deref())?,
            kind: code("kind", self.kind.as_deref())?,
            is_major: self.major,
            overdue_at: self.overdue.filter(|o| *o).map(|_| now),
            created_from: day_start(self.created_from),
            created_to: day_start(self.created_to.and_then(|d| d.succ_opt())),
            registered_from: day_start(self.registered_from),
            registered_to: day_start(self.registered_to.and_then(|d| d.succ_opt())),
            number: self.number.filter(|s| !s.is_empty()),
            q: self.q.filter(|s| !s.trim().is_empty()).map(|s| s.trim().to_owned()),
            created_by: self.mine.filter(|m| *m).map(|_| me),
            ..Default::default()
        };
        Ok(ListQuery { filter, sort, after, limit })
    }
}
