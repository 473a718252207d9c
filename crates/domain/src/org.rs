//! The company's departments.

use crate::coded_enum;

coded_enum! {
    /// What a department does; rules find departments by kind (e.g. a
    /// survey's low quality score goes to `quality`).
    DepartmentKind {
        Sales = "sales",
        GmOffice = "gm_office",
        Quality = "quality",
        Production = "production",
        Engineering = "engineering",
        Marketing = "marketing",
        CustomerService = "customer_service",
        Finance = "finance",
        Warehouse = "warehouse",
        Hr = "hr",
        Legal = "legal",
        Executive = "executive",
        It = "it",
    }
}
