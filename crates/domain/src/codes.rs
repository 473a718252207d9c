//! String-coded enums: the codes are public API (JSON, database, URLs).

/// A closed set of snake_case codes, one per variant. Storage and the API
/// read and write these types through this trait alone, so an unknown stored
/// value is an error wherever it surfaces.
pub trait Code: Copy + Eq + std::fmt::Debug + Send + Sync + 'static {
    /// The type's name, for messages.
    const KIND: &'static str;
    /// Every value, in declaration order.
    fn all() -> &'static [Self];
    fn as_str(self) -> &'static str;
    fn from_code(s: &str) -> Result<Self, UnknownCode> {
        Self::all().iter().copied().find(|v| v.as_str() == s).ok_or_else(|| UnknownCode { kind: Self::KIND, code: s.to_owned() })
    }
}

/// Declares an enum whose variants map one-to-one to codes, with `as_str`,
/// `FromStr`, `ALL`, [`Code`], serde as the code and, with the `openapi`
/// feature, an OpenAPI schema listing the codes (described by the enum's doc;
/// `#[schema_name = "…"]` after the doc keeps a name clients already use).
#[macro_export]
macro_rules! coded_enum {
    ($(#[doc = $doc:literal])* $(#[schema_name = $schema_name:literal])? $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "diesel", derive(diesel::AsExpression, diesel::FromSqlRow))]
        #[cfg_attr(feature = "diesel", diesel(sql_type = diesel::sql_types::Text))]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }

        impl $crate::codes::Code for $name {
            const KIND: &'static str = stringify!($name);
            fn all() -> &'static [Self] {
                $name::ALL
            }
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }

        $crate::code_traits!($name);
        $crate::code_sql!($name);

        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::codes::schema(concat!($($doc, "\n",)* ""), &[$($code),+])
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {
            $(fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed($schema_name)
            })?
        }
    };
}

/// The OpenAPI schema of a coded enum: a string, one of `codes`.
#[cfg(feature = "openapi")]
pub fn schema(doc: &str, codes: &[&str]) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    let doc = doc.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    ObjectBuilder::new().schema_type(Type::String).description((!doc.is_empty()).then_some(doc)).enum_values(Some(codes.iter().copied())).into()
}

/// `FromStr`, `Display` and serde as the code, for a type that implements [`Code`].
#[macro_export]
macro_rules! code_traits {
    ($name:ident) => {
        impl std::str::FromStr for $name {
            type Err = $crate::codes::UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$name as $crate::codes::Code>::from_code(s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::codes::Code::as_str(*self))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::codes::Code::as_str(*self))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(|_| {
                    let codes: Vec<&str> = <$name as $crate::codes::Code>::all().iter().map(|v| $crate::codes::Code::as_str(*v)).collect();
                    serde::de::Error::custom(format!("unknown value `{}`, expected one of: {}", s, codes.join(", ")))
                })
            }
        }
    };
}

/// With the `diesel` feature: the code as a text column on any database
/// (the type must also derive `diesel::AsExpression` and `diesel::FromSqlRow`
/// with `sql_type = Text`). A stored value that is not a code is an error.
#[macro_export]
macro_rules! code_sql {
    ($name:ident) => {
        #[cfg(feature = "diesel")]
        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut diesel::serialize::Output<'b, '_, DB>) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, DB>>::to_sql($crate::codes::Code::as_str(*self), out)
            }
        }

        #[cfg(feature = "diesel")]
        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                let s = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, DB>>::from_sql(bytes)?;
                Ok(<$name as $crate::codes::Code>::from_code(&s)?)
            }
        }
    };
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{code}`")]
pub struct UnknownCode {
    pub kind: &'static str,
    pub code: String,
}
