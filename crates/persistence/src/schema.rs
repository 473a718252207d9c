// Diesel schema shared by PostgreSQL and SQLite; kept in step with migrations/.
// Stored codes are text, read and written as the domain's coded enums.
diesel::table! {
    organizations (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        timezone -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    departments (id) {
        id -> BigInt,
        org_id -> BigInt,
        code -> Text,
        name -> Text,
        kind -> Text,
        active -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        org_id -> BigInt,
        username -> Text,
        display_name -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        password_hash -> Text,
        department_id -> BigInt,
        active -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    user_roles (user_id, role) {
        user_id -> BigInt,
        role -> Text,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        family -> Text,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    login_failures (id) {
        id -> BigInt,
        username -> Text,
        address -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    customers (id) {
        id -> BigInt,
        org_id -> BigInt,
        code -> Text,
        name -> Text,
        kind -> Text,
        market -> Text,
        owner_id -> BigInt,
        department_id -> BigInt,
        contact_name -> Nullable<Text>,
        contact_phone -> Nullable<Text>,
        address -> Nullable<Text>,
        status -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        category -> Text,
        customer_class -> Nullable<Text>,
        credit_grade -> Nullable<Text>,
        credit_limit_fen -> Nullable<BigInt>,
        payment_term_days -> BigInt,
        region -> Nullable<Text>,
        industry -> Nullable<Text>,
        company_nature -> Nullable<Text>,
        supervising_unit -> Nullable<Text>,
        legal_representative -> Nullable<Text>,
        tax_id -> Nullable<Text>,
        bank_name -> Nullable<Text>,
        bank_account -> Nullable<Text>,
        confidentiality -> Text,
        supply_hold -> Bool,
        name_key -> Text,
        tax_key -> Nullable<Text>,
        search_text -> Text,
        first_contact_on -> Nullable<Date>,
        registration_due -> Nullable<Date>,
        submitted_by -> Nullable<BigInt>,
        submitted_at -> Nullable<Timestamp>,
        reviewed_by -> Nullable<BigInt>,
        reviewed_at -> Nullable<Timestamp>,
        review_reason -> Nullable<Text>,
        archived_at -> Nullable<Timestamp>,
        protected_until -> Nullable<Date>,
        last_deal_on -> Nullable<Date>,
        supply_hold_reason -> Nullable<Text>,
    }
}

diesel::table! {
    customer_contacts (id) {
        id -> BigInt,
        customer_id -> BigInt,
        position -> BigInt,
        name -> Text,
        title -> Nullable<Text>,
        phone -> Nullable<Text>,
        mobile -> Nullable<Text>,
        email -> Nullable<Text>,
    }
}

diesel::table! {
    customer_staff (customer_id, user_id) {
        customer_id -> BigInt,
        user_id -> BigInt,
        assigned_by -> Nullable<BigInt>,
        assigned_at -> Timestamp,
    }
}

diesel::table! {
    customer_changes (id) {
        id -> BigInt,
        customer_id -> BigInt,
        field -> Text,
        old_value -> Nullable<Text>,
        new_value -> Nullable<Text>,
        source -> Text,
        changed_by -> Nullable<BigInt>,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    customer_access_requests (id) {
        id -> BigInt,
        org_id -> BigInt,
        customer_id -> BigInt,
        requester_id -> BigInt,
        reason -> Text,
        approver_role -> Text,
        approver_department_id -> Nullable<BigInt>,
        status -> Text,
        decided_by -> Nullable<BigInt>,
        decided_at -> Nullable<Timestamp>,
        decision_reason -> Nullable<Text>,
        valid_until -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    customer_reads (id) {
        id -> BigInt,
        customer_id -> BigInt,
        user_id -> BigInt,
        basis -> Text,
        what -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    complaints (id) {
        id -> BigInt,
        org_id -> BigInt,
        number -> Nullable<Text>,
        state -> Text,
        closure -> Nullable<Text>,
        version -> BigInt,
        customer_id -> BigInt,
        sales_department_id -> BigInt,
        created_by -> BigInt,
        market -> Text,
        order_number -> Nullable<Text>,
        product_number -> Nullable<Text>,
        product_spec -> Nullable<Text>,
        ship_date -> Nullable<Date>,
        quantity_shipped -> Nullable<BigInt>,
        defective_quantity -> Nullable<BigInt>,
        found_at -> Nullable<Text>,
        description -> Nullable<Text>,
        requests -> Text,
        request_quantity_undetermined -> Bool,
        claim_amount_fen -> Nullable<BigInt>,
        channel -> Nullable<Text>,
        has_sample -> Bool,
        sample_return_required -> Bool,
        severity -> Nullable<Text>,
        kind -> Nullable<Text>,
        non_quality_cause -> Nullable<Text>,
        is_major -> Bool,
        registered_at -> Nullable<Timestamp>,
        step_entered_at -> Timestamp,
        step_due_at -> Nullable<Timestamp>,
        case_due_at -> Nullable<Timestamp>,
        containment_due_at -> Nullable<Timestamp>,
        containment_recorded_at -> Nullable<Timestamp>,
        reminded_at -> Nullable<Timestamp>,
        engineering_requested -> Bool,
        countermeasure_department_id -> Nullable<BigInt>,
        investigation -> Nullable<Text>,
        containment -> Nullable<Text>,
        countermeasure -> Nullable<Text>,
        engineering_opinion -> Nullable<Text>,
        coordinator_remarks -> Nullable<Text>,
        settlement_total_fen -> Nullable<BigInt>,
        loss_total_fen -> Nullable<BigInt>,
        proposed_by -> Nullable<BigInt>,
        proposed_at -> Nullable<Timestamp>,
        consolidated_opinion -> Nullable<Text>,
        approval_tier -> Nullable<Integer>,
        approver_role -> Nullable<Text>,
        approval_policy_version -> Nullable<BigInt>,
        approved_by -> Nullable<BigInt>,
        approved_at -> Nullable<Timestamp>,
        approval_comment -> Nullable<Text>,
        outcome -> Nullable<Text>,
        closed_at -> Nullable<Timestamp>,
        first_closure -> Nullable<Bool>,
        supersedes_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        lines_json -> Nullable<Text>,
        responsibilities_json -> Nullable<Text>,
        eight_d_required -> Bool,
        eight_d_state -> Nullable<Text>,
        repeat_of_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    name_generation (id) {
        id -> Integer,
        generation -> BigInt,
    }
}

diesel::table! {
    complaint_responsibilities (id) {
        id -> BigInt,
        complaint_id -> BigInt,
        department_id -> BigInt,
        team -> Nullable<Text>,
        person_id -> Nullable<BigInt>,
        ratio_percent -> Integer,
        supplier -> Nullable<Text>,
    }
}

// Both databases also have `search_text`, generated from the two texts and
// read only by `complaint_search::TextMatch`.
diesel::table! {
    complaint_search (complaint_id) {
        complaint_id -> BigInt,
        customer_id -> BigInt,
        case_text -> Text,
        customer_text -> Text,
    }
}

diesel::table! {
    resolution_lines (id) {
        id -> BigInt,
        complaint_id -> BigInt,
        position -> Integer,
        kind -> Text,
        quantity -> Nullable<BigInt>,
        unit_price_fen -> Nullable<BigInt>,
        amount_fen -> Nullable<BigInt>,
        transport_cost_fen -> Nullable<BigInt>,
        settlement_fen -> BigInt,
        loss_fen -> BigInt,
        remarks -> Nullable<Text>,
    }
}

diesel::table! {
    complaint_events (id) {
        id -> BigInt,
        complaint_id -> BigInt,
        seq -> BigInt,
        action -> Text,
        from_state -> Nullable<Text>,
        to_state -> Text,
        actor_id -> Nullable<BigInt>,
        actor_role -> Nullable<Text>,
        at -> Timestamp,
        body -> Text,
        step_due_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    complaint_counters (org_id, period) {
        org_id -> BigInt,
        period -> Text,
        last_serial -> BigInt,
    }
}

diesel::table! {
    notifications (id) {
        id -> BigInt,
        org_id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        complaint_id -> Nullable<BigInt>,
        title -> Text,
        body -> Text,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
        params -> Text,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        org_id -> BigInt,
        event_type -> Text,
        aggregate -> Text,
        aggregate_id -> BigInt,
        payload -> Text,
        created_at -> Timestamp,
        delivered_at -> Nullable<Timestamp>,
        attempts -> Integer,
    }
}

diesel::table! {
    webhooks (id) {
        id -> BigInt,
        org_id -> BigInt,
        url -> Text,
        secret -> Text,
        event_types -> Text,
        description -> Nullable<Text>,
        active -> Bool,
        version -> BigInt,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> BigInt,
        webhook_id -> BigInt,
        outbox_id -> BigInt,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        leased_until -> Nullable<Timestamp>,
        last_status_code -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        delivered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        org_id -> Nullable<BigInt>,
        at -> Timestamp,
        user_id -> Nullable<BigInt>,
        action -> Text,
        entity -> Text,
        entity_id -> Nullable<BigInt>,
        request_id -> Nullable<Text>,
        details -> Text,
    }
}

diesel::table! {
    idempotency_keys (id) {
        id -> BigInt,
        owner -> Text,
        idem_key -> Text,
        method -> Text,
        path -> Text,
        body_hash -> Text,
        status -> Nullable<Integer>,
        content_type -> Nullable<Text>,
        response_body -> Nullable<Binary>,
        created_at -> Timestamp,
        etag -> Nullable<Text>,
        applied_location -> Nullable<Text>,
    }
}

diesel::table! {
    api_keys (id) {
        id -> BigInt,
        org_id -> BigInt,
        user_id -> BigInt,
        name -> Text,
        prefix -> Text,
        key_hash -> Text,
        scopes -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    policies (id) {
        id -> BigInt,
        org_id -> BigInt,
        name -> Text,
        version -> BigInt,
        body -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    calendar_days (org_id, day) {
        org_id -> BigInt,
        day -> Date,
        working -> Bool,
        name -> Text,
    }
}

diesel::table! {
    customer_credit_checks (id) {
        id -> BigInt,
        customer_id -> BigInt,
        investigated_by -> BigInt,
        investigated_on -> Date,
        summary -> Text,
        recommended_grade -> Nullable<Text>,
        recommended_limit_fen -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    customer_requests (id) {
        id -> BigInt,
        org_id -> BigInt,
        customer_id -> BigInt,
        kind -> Text,
        requested_by -> BigInt,
        credit_grade -> Nullable<Text>,
        credit_limit_fen -> Nullable<BigInt>,
        payment_term_days -> Nullable<BigInt>,
        credit_check_id -> Nullable<BigInt>,
        reason -> Text,
        approver_role -> Text,
        approver_department_id -> Nullable<BigInt>,
        status -> Text,
        decided_by -> Nullable<BigInt>,
        decided_at -> Nullable<Timestamp>,
        decision_reason -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    customer_verifications (id) {
        id -> BigInt,
        org_id -> BigInt,
        customer_id -> BigInt,
        period -> Text,
        due_on -> Date,
        assignee_id -> BigInt,
        status -> Text,
        confirmed_via -> Nullable<Text>,
        changes -> Nullable<Text>,
        note -> Nullable<Text>,
        completed_by -> Nullable<BigInt>,
        completed_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    visits (id) {
        id -> BigInt,
        org_id -> BigInt,
        customer_id -> BigInt,
        planned_by -> BigInt,
        planned_on -> Date,
        purpose -> Text,
        content -> Nullable<Text>,
        method -> Text,
        status -> Text,
        visited_on -> Nullable<Date>,
        record -> Nullable<Text>,
        recorded_by -> Nullable<BigInt>,
        recorded_at -> Nullable<Timestamp>,
        report -> Nullable<Text>,
        reported_at -> Nullable<Timestamp>,
        report_due_on -> Nullable<Date>,
        expense_fen -> Nullable<BigInt>,
        expense_note -> Nullable<Text>,
        reviewed_by -> Nullable<BigInt>,
        reviewed_at -> Nullable<Timestamp>,
        review_comment -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    visit_participants (visit_id, user_id) {
        visit_id -> BigInt,
        user_id -> BigInt,
    }
}

diesel::table! {
    surveys (id) {
        id -> BigInt,
        org_id -> BigInt,
        customer_id -> BigInt,
        product -> Nullable<Text>,
        period -> Text,
        channel -> Text,
        token_hash -> Nullable<Text>,
        token_expires_at -> Nullable<Timestamp>,
        created_by -> BigInt,
        respondent -> Nullable<Text>,
        submitted_at -> Nullable<Timestamp>,
        score_quality -> Nullable<BigInt>,
        score_delivery -> Nullable<BigInt>,
        score_price -> Nullable<BigInt>,
        score_service -> Nullable<BigInt>,
        score_comparison -> Nullable<BigInt>,
        score_other -> Nullable<BigInt>,
        remarks -> Text,
        created_at -> Timestamp,
        complaint_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    survey_followups (id) {
        id -> BigInt,
        org_id -> BigInt,
        survey_id -> BigInt,
        customer_id -> BigInt,
        dimension -> Text,
        score -> BigInt,
        department_id -> BigInt,
        status -> Text,
        resolution -> Nullable<Text>,
        closed_by -> Nullable<BigInt>,
        closed_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    customer_orders (id) {
        id -> BigInt,
        org_id -> BigInt,
        customer_id -> BigInt,
        order_number -> Text,
        ordered_on -> Date,
        amount_fen -> BigInt,
        discount_fen -> BigInt,
        cost_fen -> Nullable<BigInt>,
        entered_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    return_applications (id) {
        id -> BigInt,
        org_id -> BigInt,
        number -> Text,
        kind -> Text,
        state -> Text,
        customer_id -> BigInt,
        complaint_id -> Nullable<BigInt>,
        complaint_line -> Nullable<Integer>,
        order_number -> Nullable<Text>,
        sales_department_id -> BigInt,
        raised_by -> BigInt,
        reason -> Text,
        sample_unit -> Bool,
        lines_json -> Text,
        total_fen -> BigInt,
        within_warranty -> Nullable<Text>,
        below_standard -> Nullable<Text>,
        cannot_pay -> Nullable<Text>,
        major_change -> Nullable<Text>,
        retention_note -> Nullable<Text>,
        step_entered_at -> Timestamp,
        step_due_at -> Nullable<Timestamp>,
        extended -> Bool,
        extension_reason -> Nullable<Text>,
        refusal_reason -> Nullable<Text>,
        reminded_at -> Nullable<Timestamp>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
        inspection_json -> Nullable<Text>,
        inspected_by -> Nullable<BigInt>,
        inspected_at -> Nullable<Timestamp>,
        originals -> Text,
        approved_by -> Nullable<BigInt>,
        note_number -> Nullable<Text>,
        note_state -> Nullable<Text>,
        note_json -> Nullable<Text>,
        note_issued_by -> Nullable<BigInt>,
        note_issued_at -> Nullable<Timestamp>,
        received_json -> Nullable<Text>,
        received_quantity -> Nullable<BigInt>,
        received_by -> Nullable<BigInt>,
        received_at -> Nullable<Timestamp>,
        proof_kind -> Nullable<Text>,
        proof_reference -> Nullable<Text>,
        proof_by -> Nullable<BigInt>,
        proof_at -> Nullable<Timestamp>,
        booked_json -> Nullable<Text>,
        booked_by -> Nullable<BigInt>,
        booked_at -> Nullable<Timestamp>,
        handling_state -> Nullable<Text>,
        handling_json -> Nullable<Text>,
        exchange_order_id -> Nullable<BigInt>,
        rule_set -> Text,
        retail_json -> Nullable<Text>,
        refund_due_on -> Nullable<Date>,
    }
}

diesel::table! {
    return_events (id) {
        id -> BigInt,
        application_id -> BigInt,
        seq -> BigInt,
        action -> Text,
        from_state -> Nullable<Text>,
        to_state -> Text,
        actor_id -> Nullable<BigInt>,
        at -> Timestamp,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    stock_ledger (id) {
        id -> BigInt,
        org_id -> BigInt,
        return_id -> BigInt,
        line_no -> Integer,
        movement -> Text,
        document -> Text,
        product_number -> Text,
        quantity -> BigInt,
        actor_id -> BigInt,
        at -> Timestamp,
    }
}

diesel::table! {
    document_deadlines (id) {
        id -> BigInt,
        org_id -> BigInt,
        document -> Text,
        document_id -> BigInt,
        step -> Text,
        entered_at -> Timestamp,
        due_at -> Timestamp,
        reminded_at -> Nullable<Timestamp>,
        extended_at -> Nullable<Timestamp>,
        extension_reason -> Nullable<Text>,
    }
}

diesel::table! {
    allowances (id) {
        id -> BigInt,
        org_id -> BigInt,
        number -> Text,
        state -> Text,
        kind -> Text,
        complaint_id -> BigInt,
        complaint_line -> Integer,
        customer_id -> BigInt,
        sales_department_id -> BigInt,
        raised_by -> BigInt,
        amount_fen -> BigInt,
        invoice_number -> Nullable<Text>,
        reason -> Text,
        refusal_reason -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        signer -> Nullable<Text>,
        signed_on -> Nullable<Date>,
        proof_kind -> Nullable<Text>,
        proof_reference -> Nullable<Text>,
        voucher -> Nullable<Text>,
        booked_by -> Nullable<BigInt>,
        booked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    allowance_events (id) {
        id -> BigInt,
        allowance_id -> BigInt,
        seq -> BigInt,
        action -> Text,
        from_state -> Nullable<Text>,
        to_state -> Text,
        actor_id -> Nullable<BigInt>,
        at -> Timestamp,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    case_marks (complaint_id) {
        complaint_id -> BigInt,
        org_id -> BigInt,
        negligence_reason -> Nullable<Text>,
        negligence_by -> Nullable<BigInt>,
        negligence_at -> Nullable<Timestamp>,
        irrational_level -> Nullable<Text>,
        irrational_follow -> Nullable<Text>,
        irrational_reason -> Nullable<Text>,
        irrational_by -> Nullable<BigInt>,
        irrational_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    closure_deferrals (id) {
        id -> BigInt,
        org_id -> BigInt,
        complaint_id -> BigInt,
        state -> Text,
        reason -> Text,
        follow -> Text,
        until_on -> Date,
        requested_by -> BigInt,
        requested_at -> Timestamp,
        decided_by -> Nullable<BigInt>,
        decided_at -> Nullable<Timestamp>,
        comment -> Nullable<Text>,
        version -> BigInt,
    }
}

diesel::table! {
    effectiveness_checks (id) {
        id -> BigInt,
        org_id -> BigInt,
        complaint_id -> BigInt,
        state -> Text,
        due_on -> Date,
        actions -> Text,
        works -> Nullable<Bool>,
        no_new_problem -> Nullable<Bool>,
        prevents_recurrence -> Nullable<Bool>,
        evidence -> Nullable<Text>,
        checked_by -> Nullable<BigInt>,
        checked_at -> Nullable<Timestamp>,
        follow_up_id -> Nullable<BigInt>,
        reminded_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::joinable!(complaints -> customers (customer_id));
diesel::joinable!(customer_staff -> customers (customer_id));
diesel::joinable!(customer_contacts -> customers (customer_id));
diesel::joinable!(customer_changes -> customers (customer_id));
diesel::joinable!(customer_access_requests -> customers (customer_id));
diesel::joinable!(complaint_events -> complaints (complaint_id));
diesel::joinable!(resolution_lines -> complaints (complaint_id));
diesel::joinable!(complaint_responsibilities -> complaints (complaint_id));
diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(webhook_deliveries -> webhooks (webhook_id));
diesel::joinable!(webhook_deliveries -> outbox (outbox_id));
diesel::joinable!(customers -> departments (department_id));
diesel::joinable!(return_events -> return_applications (application_id));
diesel::joinable!(stock_ledger -> return_applications (return_id));
diesel::joinable!(allowance_events -> allowances (allowance_id));
diesel::joinable!(penalty_items -> penalty_runs (run_id));
diesel::joinable!(return_applications -> customers (customer_id));

diesel::table! {
    eight_d_reports (id) {
        id -> BigInt,
        org_id -> BigInt,
        complaint_id -> BigInt,
        name -> Text,
        state -> Text,
        report_json -> Text,
        prefilled -> Text,
        review_comment -> Nullable<Text>,
        created_by -> BigInt,
        submitted_by -> Nullable<BigInt>,
        submitted_at -> Nullable<Timestamp>,
        approved_by -> Nullable<BigInt>,
        approved_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    petitions (id) {
        id -> BigInt,
        org_id -> BigInt,
        complaint_id -> BigInt,
        department_id -> BigInt,
        state -> Text,
        subject -> Text,
        content -> Text,
        return_to -> Nullable<Text>,
        raised_by -> BigInt,
        raised_at -> Timestamp,
        decided_by -> Nullable<BigInt>,
        decided_at -> Nullable<Timestamp>,
        decision -> Nullable<Text>,
        returned_to -> Nullable<Text>,
        version -> BigInt,
    }
}

diesel::table! {
    supplier_requests (id) {
        id -> BigInt,
        org_id -> BigInt,
        complaint_id -> BigInt,
        supplier -> Text,
        state -> Text,
        problem -> Text,
        ratio_percent -> Integer,
        due_on -> Date,
        root_cause -> Nullable<Text>,
        actions -> Nullable<Text>,
        answered_on -> Nullable<Date>,
        answered_by -> Nullable<BigInt>,
        decided_by -> Nullable<BigInt>,
        decided_at -> Nullable<Timestamp>,
        comment -> Nullable<Text>,
        raised_by -> BigInt,
        raised_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    teams (id) {
        id -> BigInt,
        org_id -> BigInt,
        department_id -> BigInt,
        name -> Text,
        active -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    pay_basis (user_id) {
        user_id -> BigInt,
        org_id -> BigInt,
        team_id -> Nullable<BigInt>,
        base_points -> BigInt,
        monthly_bonus_fen -> BigInt,
        version -> BigInt,
        updated_by -> BigInt,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    personal_data_reads (id) {
        id -> BigInt,
        org_id -> BigInt,
        reader_id -> BigInt,
        path -> Text,
        subject_ids -> Text,
        read_at -> Timestamp,
    }
}

diesel::table! {
    penalty_runs (id) {
        id -> BigInt,
        org_id -> BigInt,
        month -> Text,
        state -> Text,
        policy_version -> BigInt,
        policy -> Text,
        comment -> Nullable<Text>,
        created_by -> BigInt,
        created_at -> Timestamp,
        approved_by -> Nullable<BigInt>,
        approved_at -> Nullable<Timestamp>,
        published_by -> Nullable<BigInt>,
        published_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    penalty_items (id) {
        id -> BigInt,
        run_id -> BigInt,
        complaint_id -> BigInt,
        kind -> Text,
        share_id -> Nullable<BigInt>,
        department_id -> BigInt,
        team_id -> Nullable<BigInt>,
        person_id -> Nullable<BigInt>,
        ratio_percent -> Integer,
        loss_fen -> BigInt,
        burden_fen -> BigInt,
        sanction -> Nullable<Text>,
        sanction_count -> Nullable<Integer>,
        state -> Text,
        dispute_reason -> Nullable<Text>,
        decision -> Nullable<Text>,
        deferred_to -> Nullable<Text>,
        decided_by -> Nullable<BigInt>,
        decided_at -> Nullable<Timestamp>,
        version -> BigInt,
    }
}

diesel::table! {
    penalty_charges (id) {
        id -> BigInt,
        run_id -> BigInt,
        item_id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        sanction -> Nullable<Text>,
        sanction_count -> Nullable<Integer>,
        amount_fen -> BigInt,
    }
}

diesel::table! {
    bonus_ledger (id) {
        id -> BigInt,
        org_id -> BigInt,
        user_id -> BigInt,
        month -> Text,
        run_id -> BigInt,
        bonus_fen -> BigInt,
        carried_in_fen -> BigInt,
        charged_fen -> BigInt,
        deducted_fen -> BigInt,
        carried_on_fen -> BigInt,
    }
}

diesel::table! {
    case_letters (id) {
        id -> BigInt,
        org_id -> BigInt,
        complaint_id -> BigInt,
        kind -> Text,
        number -> Text,
        clock -> Text,
        level -> Integer,
        step -> Text,
        department_id -> Nullable<BigInt>,
        due_at -> Timestamp,
        late_at -> Timestamp,
        issued_by -> Nullable<BigInt>,
        issued_at -> Timestamp,
        answer -> Nullable<Text>,
        answered_by -> Nullable<BigInt>,
        answered_at -> Nullable<Timestamp>,
        version -> BigInt,
    }
}

diesel::joinable!(case_letters -> complaints (complaint_id));

diesel::table! {
    case_chases (complaint_id, clock, level, due_at) {
        complaint_id -> BigInt,
        clock -> Text,
        due_at -> Timestamp,
        level -> Integer,
        claimed_at -> Timestamp,
    }
}

diesel::table! {
    case_contacts (id) {
        id -> BigInt,
        org_id -> BigInt,
        complaint_id -> BigInt,
        kind -> Text,
        opened_at -> Timestamp,
        due_at -> Timestamp,
        contacted_at -> Nullable<Timestamp>,
        method -> Nullable<Text>,
        summary -> Nullable<Text>,
        promised_on -> Nullable<Date>,
        confirmed -> Nullable<Bool>,
        survey_id -> Nullable<BigInt>,
        recorded_by -> Nullable<BigInt>,
        recorded_at -> Nullable<Timestamp>,
        reminded_at -> Nullable<Timestamp>,
        version -> BigInt,
    }
}

diesel::joinable!(case_contacts -> complaints (complaint_id));

diesel::table! {
    notice_preferences (user_id) {
        user_id -> BigInt,
        language -> Text,
        email_kinds -> Text,
        version -> BigInt,
        updated_at -> Timestamp,
        digest_kinds -> Text,
        digest_hour -> Integer,
        digest_cut_at -> Nullable<Timestamp>,
        digest_after_id -> BigInt,
    }
}

diesel::table! {
    notice_digests (id) {
        id -> BigInt,
        org_id -> BigInt,
        user_id -> BigInt,
        covers_from -> Timestamp,
        covers_until -> Timestamp,
        after_id -> BigInt,
        through_id -> BigInt,
        kinds -> Text,
        item_count -> Integer,
        address -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        leased_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    notice_deliveries (id) {
        id -> BigInt,
        org_id -> BigInt,
        notification_id -> BigInt,
        user_id -> BigInt,
        channel -> Text,
        address -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        leased_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(notice_deliveries -> notifications (notification_id));

diesel::table! {
    notice_robots (id) {
        id -> BigInt,
        org_id -> BigInt,
        name -> Text,
        platform -> Text,
        url -> Text,
        secret -> Nullable<Text>,
        language -> Text,
        kinds -> Text,
        active -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    robot_deliveries (id) {
        id -> BigInt,
        org_id -> BigInt,
        robot_id -> BigInt,
        kind -> Text,
        complaint_id -> Nullable<BigInt>,
        params -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        leased_until -> Nullable<Timestamp>,
        last_status_code -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(robot_deliveries -> notice_robots (robot_id));

diesel::allow_tables_to_appear_in_same_query!(
    name_generation,
    api_keys,
    organizations,
    departments,
    users,
    user_roles,
    refresh_tokens,
    login_failures,
    customers,
    customer_contacts,
    customer_staff,
    customer_changes,
    customer_access_requests,
    customer_reads,
    customer_credit_checks,
    customer_requests,
    customer_verifications,
    visits,
    visit_participants,
    surveys,
    survey_followups,
    customer_orders,
    complaints,
    complaint_responsibilities,
    complaint_search,
    resolution_lines,
    complaint_events,
    complaint_counters,
    notifications,
    outbox,
    webhooks,
    webhook_deliveries,
    audit_log,
    idempotency_keys,
    policies,
    calendar_days,
    return_applications,
    return_events,
    stock_ledger,
    allowances,
    allowance_events,
    eight_d_reports,
    case_marks,
    effectiveness_checks,
    closure_deferrals,
    petitions,
    supplier_requests,
    teams,
    pay_basis,
    personal_data_reads,
    penalty_runs,
    penalty_items,
    penalty_charges,
    bonus_ledger,
    case_letters,
    case_chases,
    case_contacts,
    notice_preferences,
    notice_digests,
    notice_deliveries,
    notice_robots,
    robot_deliveries,
);
