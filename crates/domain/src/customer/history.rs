//! What a record's history and read log say: which field changed, through
//! which procedure, and what a logged read was for.

use crate::coded_enum;

coded_enum! {
    /// The procedure a change of the record came through.
    ChangeSource {
        Registration = "registration",
        Review = "review",
        Edit = "edit",
        Claim = "claim",
        Transfer = "transfer",
        Handover = "handover",
        CreditApproval = "credit_approval",
        Deregistration = "deregistration",
        SupplyHold = "supply_hold",
        Verification = "verification",
        Import = "import",
        Order = "order",
    }
}

coded_enum! {
    /// A field of the record whose changes are kept (the material fields,
    /// and what the procedures add to them).
    ChangeField {
        Name = "name",
        Kind = "kind",
        Market = "market",
        Address = "address",
        Category = "category",
        CustomerClass = "customer_class",
        CreditGrade = "credit_grade",
        CreditLimitFen = "credit_limit_fen",
        PaymentTermDays = "payment_term_days",
        Region = "region",
        Industry = "industry",
        CompanyNature = "company_nature",
        SupervisingUnit = "supervising_unit",
        LegalRepresentative = "legal_representative",
        TaxId = "tax_id",
        BankName = "bank_name",
        BankAccount = "bank_account",
        Confidentiality = "confidentiality",
        SupplyHold = "supply_hold",
        SupplyHoldReason = "supply_hold_reason",
        FirstContactOn = "first_contact_on",
        OwnerId = "owner_id",
        DepartmentId = "department_id",
        Status = "status",
        LastDealOn = "last_deal_on",
        Contacts = "contacts",
        Staff = "staff",
        TransferReason = "transfer_reason",
        Verified = "verified",
    }
}

coded_enum! {
    /// What a logged read of a record was for.
    ReadPurpose {
        Record = "record",
        Edit = "edit",
        History = "history",
        Reads = "reads",
        Review = "review",
        Resubmit = "resubmit",
        Claim = "claim",
        Transfer = "transfer",
        Credit = "credit",
        Request = "request",
        Requests = "requests",
        SupplyHold = "supply_hold",
        Visit = "visit",
        Visits = "visits",
        Survey = "survey",
        Surveys = "surveys",
        Verification = "verification",
        Order = "order",
        Export = "export",
        Import = "import",
        Complaint = "complaint",
        Decision = "decision",
    }
}
