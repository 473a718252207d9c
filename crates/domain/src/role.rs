//! Roles people hold (domain.md §1). A person may hold several.

use crate::coded_enum;

coded_enum! {
    Role {
        Sales = "sales",
        SalesSupervisor = "sales_supervisor",
        SalesManager = "sales_manager",
        Coordinator = "coordinator",
        Qa = "qa",
        QaManager = "qa_manager",
        Production = "production",
        ProductionManager = "production_manager",
        Engineering = "engineering",
        Marketing = "marketing",
        MarketingManager = "marketing_manager",
        CustomerService = "customer_service",
        Finance = "finance",
        Warehouse = "warehouse",
        Hr = "hr",
        /// 法务: told of major complaints (seed 001 §2.5: 向法务部预警报备).
        Legal = "legal",
        DeputyGm = "deputy_gm",
        Gm = "gm",
        Admin = "admin",
        Integration = "integration",
    }
}

impl Role {
    pub fn is_sales(self) -> bool {
        matches!(self, Role::Sales | Role::SalesSupervisor | Role::SalesManager)
    }

    pub fn is_qa(self) -> bool {
        matches!(self, Role::Qa | Role::QaManager)
    }

    pub fn is_executive(self) -> bool {
        matches!(self, Role::DeputyGm | Role::Gm)
    }
}

/// Who is acting: the caller's identity as far as the rules need it.
#[derive(Clone, Debug)]
pub struct Actor {
    pub user_id: i64,
    pub department_id: i64,
    pub roles: Vec<Role>,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn any(&self, pred: impl Fn(Role) -> bool) -> bool {
        self.roles.iter().any(|r| pred(*r))
    }
}
