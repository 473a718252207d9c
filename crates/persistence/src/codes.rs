//! Stored sets of codes: a comma-separated text column read and written as
//! a list of one domain enum. (Single codes are the enums themselves: the
//! domain's `coded_enum!` makes them text columns.)

use crate::db::MultiBackend;
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::Text;
use diesel::sqlite::Sqlite;
use kehu_domain::codes::Code;

/// A set of codes as stored: in declaration order, no repeats.
#[derive(Clone, Debug, PartialEq, Eq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = Text)]
pub struct Codes<T: Code>(pub Vec<T>);

impl<T: Code> Codes<T> {
    pub fn new(mut items: Vec<T>) -> Codes<T> {
        items.sort_by_key(|v| T::all().iter().position(|x| x == v));
        items.dedup();
        Codes(items)
    }
}

impl<T: Code> Codes<T> {
    fn text(&self) -> String {
        self.0.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(",")
    }
}

impl<T: Code> Default for Codes<T> {
    fn default() -> Self {
        Codes(Vec::new())
    }
}

impl<T: Code> ToSql<Text, Pg> for Codes<T> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        std::io::Write::write_all(out, self.text().as_bytes())?;
        Ok(IsNull::No)
    }
}

impl<T: Code> ToSql<Text, Sqlite> for Codes<T> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.text());
        Ok(IsNull::No)
    }
}

impl<T: Code> ToSql<Text, MultiBackend> for Codes<T> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((Text, self));
        Ok(IsNull::No)
    }
}

impl<T: Code, DB> FromSql<Text, DB> for Codes<T>
where
    DB: Backend,
    String: FromSql<Text, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
        let s = <String as FromSql<Text, DB>>::from_sql(bytes)?;
        Ok(Codes(s.split(',').filter(|p| !p.is_empty()).map(T::from_code).collect::<Result<Vec<_>, _>>()?))
    }
}
