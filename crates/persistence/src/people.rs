//! Organizations, departments, users and their roles.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{departments, organizations, user_roles, users};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use kehu_domain::org::DepartmentKind;
use kehu_domain::Role;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = organizations)]
pub struct Organization {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub timezone: String,
    pub created_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = departments)]
pub struct Department {
    pub id: i64,
    pub org_id: i64,
    pub code: String,
    pub name: String,
    pub kind: DepartmentKind,
    pub active: bool,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = departments)]
pub struct NewDepartment<'a> {
    pub org_id: i64,
    pub code: &'a str,
    pub name: &'a str,
    pub kind: DepartmentKind,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub org_id: i64,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub password_hash: String,
    pub department_id: i64,
    pub active: bool,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub org_id: i64,
    pub username: &'a str,
    pub display_name: &'a str,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub password_hash: &'a str,
    pub department_id: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(AsChangeset, Default)]
#[diesel(table_name = users)]
pub struct UserChanges {
    pub display_name: Option<String>,
    pub email: Option<Option<String>>,
    pub phone: Option<Option<String>>,
    pub department_id: Option<i64>,
    pub password_hash: Option<String>,
    pub active: Option<bool>,
}

pub fn default_org(conn: &mut DbConn) -> DbResult<Option<Organization>> {
    Ok(organizations::table.order(organizations::id).select(Organization::as_select()).first(conn).optional()?)
}

pub fn org(conn: &mut DbConn, id: i64) -> DbResult<Organization> {
    Ok(organizations::table.find(id).select(Organization::as_select()).first(conn)?)
}

pub fn insert_org(conn: &mut DbConn, code: &str, name: &str, now: NaiveDateTime) -> DbResult<Organization> {
    Ok(diesel::insert_into(organizations::table)
        .values((organizations::code.eq(code), organizations::name.eq(name), organizations::created_at.eq(now)))
        .returning(organizations::all_columns)
        .get_result::<Organization>(conn)?)
}

pub fn departments(conn: &mut DbConn, org_id: i64) -> DbResult<Vec<Department>> {
    Ok(departments::table.filter(departments::org_id.eq(org_id)).order(departments::id).select(Department::as_select()).load(conn)?)
}

pub fn department(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Department> {
    Ok(departments::table.filter(departments::org_id.eq(org_id)).find(id).select(Department::as_select()).first(conn)?)
}

pub fn department_by_code(conn: &mut DbConn, org_id: i64, code: &str) -> DbResult<Option<Department>> {
    Ok(departments::table.filter(departments::org_id.eq(org_id).and(departments::code.eq(code))).select(Department::as_select()).first(conn).optional()?)
}

pub fn insert_department(conn: &mut DbConn, d: &NewDepartment) -> DbResult<Department> {
    Ok(diesel::insert_into(departments::table).values(d).returning(departments::all_columns).get_result::<Department>(conn)?)
}

/// Renames or (de)activates a department if its version still matches.
pub fn update_department(
    conn: &mut DbConn,
    id: i64,
    version: i64,
    name: Option<&str>,
    active: Option<bool>,
    now: NaiveDateTime,
) -> DbResult<Option<Department>> {
    let target = departments::table.filter(departments::id.eq(id).and(departments::version.eq(version)));
    Ok(diesel::update(target)
        .set((
            name.map(|n| departments::name.eq(n.to_owned())),
            active.map(|a| departments::active.eq(a)),
            departments::version.eq(departments::version + 1),
            departments::updated_at.eq(now),
        ))
        .returning(departments::all_columns)
        .get_result::<Department>(conn)
        .optional()?)
}

pub fn user(conn: &mut DbConn, id: i64) -> DbResult<User> {
    Ok(users::table.find(id).select(User::as_select()).first(conn)?)
}

pub fn user_by_username(conn: &mut DbConn, username: &str) -> DbResult<Option<User>> {
    Ok(users::table.filter(users::username.eq(username)).select(User::as_select()).first(conn).optional()?)
}

pub struct UserFilter<'a> {
    pub q: Option<&'a str>,
    pub department_id: Option<i64>,
    pub role: Option<Role>,
    pub active: Option<bool>,
}

pub fn users_page(conn: &mut DbConn, org_id: i64, after_id: i64, limit: i64, f: &UserFilter) -> DbResult<Vec<User>> {
    let mut query =
        users::table.filter(users::org_id.eq(org_id).and(users::id.gt(after_id))).order(users::id).limit(limit).select(User::as_select()).into_boxed();
    if let Some(q) = f.q {
        let pattern = format!("%{}%", crate::like_escape(q));
        query = query.filter(users::username.like(pattern.clone()).escape('\\').or(users::display_name.like(pattern).escape('\\')));
    }
    if let Some(d) = f.department_id {
        query = query.filter(users::department_id.eq(d));
    }
    if let Some(r) = f.role {
        query = query.filter(users::id.eq_any(user_roles::table.filter(user_roles::role.eq(r)).select(user_roles::user_id)));
    }
    if let Some(a) = f.active {
        query = query.filter(users::active.eq(a));
    }
    Ok(query.load(conn)?)
}

pub fn insert_user(conn: &mut DbConn, u: &NewUser) -> DbResult<User> {
    Ok(diesel::insert_into(users::table).values(u).returning(users::all_columns).get_result::<User>(conn)?)
}

/// Applies `changes` if the version still matches; `None` when it does not.
pub fn update_user(conn: &mut DbConn, id: i64, version: i64, changes: &UserChanges, now: NaiveDateTime) -> DbResult<Option<User>> {
    let target = users::table.filter(users::id.eq(id).and(users::version.eq(version)));
    Ok(diesel::update(target)
        .set((changes, users::version.eq(users::version + 1), users::updated_at.eq(now)))
        .returning(users::all_columns)
        .get_result::<User>(conn)
        .optional()?)
}

pub fn roles_of(conn: &mut DbConn, user_id: i64) -> DbResult<Vec<Role>> {
    Ok(user_roles::table.filter(user_roles::user_id.eq(user_id)).order(user_roles::role).select(user_roles::role).load(conn)?)
}

/// Roles of many users at once, to avoid a query per row in lists.
pub fn roles_of_many(conn: &mut DbConn, ids: &[i64]) -> DbResult<Vec<(i64, Role)>> {
    Ok(user_roles::table
        .filter(user_roles::user_id.eq_any(ids))
        .order((user_roles::user_id, user_roles::role))
        .select((user_roles::user_id, user_roles::role))
        .load(conn)?)
}

pub fn set_roles(conn: &mut DbConn, user_id: i64, roles: &[Role]) -> DbResult<()> {
    diesel::delete(user_roles::table.filter(user_roles::user_id.eq(user_id))).execute(conn)?;
    // One statement per row: multi-row VALUES does not compile for both backends.
    for r in roles {
        diesel::insert_into(user_roles::table).values((user_roles::user_id.eq(user_id), user_roles::role.eq(*r))).execute(conn)?;
    }
    Ok(())
}

/// Active users holding `role`, optionally within one department.
pub fn users_with_role(conn: &mut DbConn, org_id: i64, role: Role, department_id: Option<i64>) -> DbResult<Vec<i64>> {
    let mut q = users::table
        .inner_join(user_roles::table)
        .filter(users::org_id.eq(org_id).and(users::active.eq(true)).and(user_roles::role.eq(role)))
        .select(users::id)
        .into_boxed();
    if let Some(d) = department_id {
        q = q.filter(users::department_id.eq(d));
    }
    Ok(q.load(conn)?)
}

pub fn active_users_in_department(conn: &mut DbConn, department_id: i64) -> DbResult<Vec<i64>> {
    Ok(users::table.filter(users::department_id.eq(department_id).and(users::active.eq(true))).select(users::id).load(conn)?)
}

pub fn display_names(conn: &mut DbConn, ids: &[i64]) -> DbResult<Vec<(i64, String)>> {
    Ok(users::table.filter(users::id.eq_any(ids)).select((users::id, users::display_name)).load(conn)?)
}

/// (id, display name, department) of each listed user.
pub fn brief(conn: &mut DbConn, ids: &[i64]) -> DbResult<Vec<(i64, String, i64)>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        out.extend(
            users::table.filter(users::id.eq_any(chunk)).select((users::id, users::display_name, users::department_id)).load::<(i64, String, i64)>(conn)?,
        );
    }
    Ok(out)
}

pub fn department_names(conn: &mut DbConn, ids: &[i64]) -> DbResult<Vec<(i64, String)>> {
    Ok(departments::table.filter(departments::id.eq_any(ids)).select((departments::id, departments::name)).load(conn)?)
}

/// Which of `ids` are users of the organisation.
pub fn in_org(conn: &mut DbConn, org_id: i64, ids: &[i64]) -> DbResult<Vec<i64>> {
    Ok(users::table.filter(users::org_id.eq(org_id).and(users::id.eq_any(ids))).select(users::id).load(conn)?)
}
