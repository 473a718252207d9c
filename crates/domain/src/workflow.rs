//! The complaint state machine (workflow.md). State and action codes are public API.

use crate::coded_enum;

coded_enum! {
    State {
        Draft = "draft",
        AwaitingRegistration = "awaiting_registration",
        QaInvestigation = "qa_investigation",
        ProductionCountermeasure = "production_countermeasure",
        EngineeringReview = "engineering_review",
        CoordinatorReview = "coordinator_review",
        SalesProposal = "sales_proposal",
        Consolidation = "consolidation",
        PendingApproval = "pending_approval",
        CustomerNegotiation = "customer_negotiation",
        AwaitingCountersign = "awaiting_countersign",
        InvalidNotice = "invalid_notice",
        AwaitingClose = "awaiting_close",
        Closed = "closed",
    }
}

coded_enum! {
    Closure {
        Resolved = "resolved",
        Invalid = "invalid",
        Withdrawn = "withdrawn",
        Superseded = "superseded",
    }
}

coded_enum! {
    Action {
        Submit = "submit",
        Register = "register",
        ReturnToSales = "return_to_sales",
        ConcludeInvestigation = "conclude_investigation",
        DeclareInvalid = "declare_invalid",
        RecordContainment = "record_containment",
        SubmitCountermeasure = "submit_countermeasure",
        SubmitEngineeringOpinion = "submit_engineering_opinion",
        ForwardToSales = "forward_to_sales",
        ProposeResolution = "propose_resolution",
        SubmitForApproval = "submit_for_approval",
        Approve = "approve",
        Reject = "reject",
        RecordOutcome = "record_outcome",
        Countersign = "countersign",
        ConfirmInvalidNotice = "confirm_invalid_notice",
        Close = "close",
        SendBack = "send_back",
        Withdraw = "withdraw",
        Remind = "remind",
    }
}

/// What a history event records: a workflow action, or a change around
/// the route (the case filed, its draft edited, moved to another department).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "diesel", derive(diesel::AsExpression, diesel::FromSqlRow))]
#[cfg_attr(feature = "diesel", diesel(sql_type = diesel::sql_types::Text))]
pub enum EventAction {
    Create,
    Edit,
    Reassign,
    Act(Action),
    /// A step of the case's 8D report.
    EightD(crate::eightd::EightDEvent),
    /// A mark or an effectiveness check of its improvement tracking.
    Tracking(crate::improvement::TrackingEvent),
    /// A petition (签呈) raised, decided or withdrawn.
    Petition(crate::petition::PetitionEvent),
    /// A supplier corrective-action request raised, answered or settled.
    Supplier(crate::supplier::SupplierEvent),
    /// A letter chasing the case answered (洽办单).
    Letter(crate::letter::LetterEvent),
    /// A contact with the customer recorded (first reply, close confirmation).
    Contact(crate::contact::ContactEvent),
}

impl crate::codes::Code for EventAction {
    const KIND: &'static str = "EventAction";
    fn all() -> &'static [Self] {
        static ALL: std::sync::OnceLock<Vec<EventAction>> = std::sync::OnceLock::new();
        ALL.get_or_init(|| {
            [EventAction::Create, EventAction::Edit, EventAction::Reassign]
                .into_iter()
                .chain(Action::ALL.iter().map(|a| EventAction::Act(*a)))
                .chain(crate::eightd::EightDEvent::ALL.iter().map(|e| EventAction::EightD(*e)))
                .chain(crate::improvement::TrackingEvent::ALL.iter().map(|e| EventAction::Tracking(*e)))
                .chain(crate::petition::PetitionEvent::ALL.iter().map(|e| EventAction::Petition(*e)))
                .chain(crate::supplier::SupplierEvent::ALL.iter().map(|e| EventAction::Supplier(*e)))
                .chain(crate::letter::LetterEvent::ALL.iter().map(|e| EventAction::Letter(*e)))
                .chain(crate::contact::ContactEvent::ALL.iter().map(|e| EventAction::Contact(*e)))
                .collect()
        })
    }
    fn as_str(self) -> &'static str {
        match self {
            EventAction::Create => "create",
            EventAction::Edit => "edit",
            EventAction::Reassign => "reassign",
            EventAction::Act(a) => a.as_str(),
            EventAction::EightD(e) => e.as_str(),
            EventAction::Tracking(e) => e.as_str(),
            EventAction::Petition(e) => e.as_str(),
            EventAction::Supplier(e) => e.as_str(),
            EventAction::Letter(e) => e.as_str(),
            EventAction::Contact(e) => e.as_str(),
        }
    }
}

crate::code_traits!(EventAction);
crate::code_sql!(EventAction);

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for EventAction {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use crate::codes::Code;
        let codes: Vec<&str> = EventAction::all().iter().map(|a| a.as_str()).collect();
        crate::codes::schema("A workflow action, or create (filed), edit (draft edited), reassign (moved to another sales department).", &codes)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for EventAction {}

impl From<Action> for EventAction {
    fn from(a: Action) -> Self {
        EventAction::Act(a)
    }
}

impl From<crate::improvement::TrackingEvent> for EventAction {
    fn from(e: crate::improvement::TrackingEvent) -> Self {
        EventAction::Tracking(e)
    }
}

impl From<crate::petition::PetitionEvent> for EventAction {
    fn from(e: crate::petition::PetitionEvent) -> Self {
        EventAction::Petition(e)
    }
}

impl From<crate::letter::LetterEvent> for EventAction {
    fn from(e: crate::letter::LetterEvent) -> Self {
        EventAction::Letter(e)
    }
}

impl From<crate::contact::ContactEvent> for EventAction {
    fn from(e: crate::contact::ContactEvent) -> Self {
        EventAction::Contact(e)
    }
}

impl From<crate::supplier::SupplierEvent> for EventAction {
    fn from(e: crate::supplier::SupplierEvent) -> Self {
        EventAction::Supplier(e)
    }
}

impl State {
    pub fn is_open(self) -> bool {
        self != State::Closed
    }

    /// Registered cases are visible beyond the sales department.
    pub fn is_registered(self) -> bool {
        !matches!(self, State::Draft | State::AwaitingRegistration | State::Closed)
    }

    /// The step before this one on the route, where `send_back` leads.
    /// From customer negotiation it leads to the proposal: an approved
    /// resolution can only change by being proposed and routed again.
    pub fn previous(self, engineering_requested: bool) -> Option<State> {
        use State::*;
        Some(match self {
            QaInvestigation => AwaitingRegistration,
            ProductionCountermeasure => QaInvestigation,
            EngineeringReview => ProductionCountermeasure,
            CoordinatorReview if engineering_requested => EngineeringReview,
            CoordinatorReview => ProductionCountermeasure,
            SalesProposal => CoordinatorReview,
            Consolidation => SalesProposal,
            PendingApproval => Consolidation,
            CustomerNegotiation => SalesProposal,
            InvalidNotice => QaInvestigation,
            AwaitingCountersign => CustomerNegotiation,
            AwaitingClose => AwaitingCountersign,
            Draft | AwaitingRegistration | Closed => return None,
        })
    }
}

/// Where an action leads. `Closed` carries how the case closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Stay,
    To(State),
    Close(Closure),
}

/// The facts of a case that decide where an action leads.
#[derive(Clone, Copy, Debug, Default)]
pub struct Route {
    pub engineering_requested: bool,
    /// For `record_outcome`: did the customer accept?
    pub customer_accepted: bool,
}

/// Whether `action` may start from `state`, and where it leads.
/// `None` means the state does not allow the action (409).
pub fn target(state: State, action: Action, route: Route) -> Option<Target> {
    use Action::*;
    use State::*;
    let t = match (action, state) {
        (_, Closed) => return None,
        (Submit, Draft) => Target::To(AwaitingRegistration),
        (Register, AwaitingRegistration) => Target::To(QaInvestigation),
        (ReturnToSales, AwaitingRegistration | QaInvestigation) => Target::To(Draft),
        (ConcludeInvestigation, QaInvestigation) => Target::To(ProductionCountermeasure),
        (DeclareInvalid, QaInvestigation) => Target::To(InvalidNotice),
        (RecordContainment, QaInvestigation | ProductionCountermeasure) => Target::Stay,
        (SubmitCountermeasure, ProductionCountermeasure) if route.engineering_requested => Target::To(EngineeringReview),
        (SubmitCountermeasure, ProductionCountermeasure) => Target::To(CoordinatorReview),
        (SubmitEngineeringOpinion, EngineeringReview) => Target::To(CoordinatorReview),
        (ForwardToSales, CoordinatorReview) => Target::To(SalesProposal),
        (ProposeResolution, SalesProposal) => Target::To(Consolidation),
        (SubmitForApproval, Consolidation) => Target::To(PendingApproval),
        (Approve, PendingApproval) => Target::To(CustomerNegotiation),
        (Reject, PendingApproval) => Target::To(SalesProposal),
        (RecordOutcome, CustomerNegotiation) if route.customer_accepted => Target::To(AwaitingCountersign),
        (RecordOutcome, CustomerNegotiation) => Target::Close(Closure::Superseded),
        (Countersign, AwaitingCountersign) => Target::To(AwaitingClose),
        (ConfirmInvalidNotice, InvalidNotice) => Target::Close(Closure::Invalid),
        (Close, AwaitingClose) => Target::Close(Closure::Resolved),
        (SendBack, s) => Target::To(s.previous(route.engineering_requested)?),
        (Withdraw, _) => Target::Close(Closure::Withdrawn),
        (Remind, s) if s != Draft => Target::Stay,
        _ => return None,
    };
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for s in State::ALL {
            assert_eq!(s.as_str().parse::<State>().unwrap(), *s);
        }
        for a in Action::ALL {
            assert_eq!(a.as_str().parse::<Action>().unwrap(), *a);
        }
        assert_eq!(Action::ALL.len(), 20);
        use crate::codes::Code;
        for e in EventAction::all() {
            assert_eq!(e.as_str().parse::<EventAction>().unwrap(), *e);
        }
        assert_eq!(EventAction::all().len(), 48);
        assert_eq!(State::ALL.len(), 14);
    }

    #[test]
    fn main_route_in_order() {
        use Action::*;
        let r = Route::default();
        let mut s = State::Draft;
        for a in [Submit, Register, ConcludeInvestigation, SubmitCountermeasure, ForwardToSales, ProposeResolution, SubmitForApproval, Approve] {
            match target(s, a, r) {
                Some(Target::To(n)) => s = n,
                other => panic!("{a} from {s}: {other:?}"),
            }
        }
        assert_eq!(s, State::CustomerNegotiation);
        let accepted = Route { customer_accepted: true, ..r };
        assert_eq!(target(s, RecordOutcome, accepted), Some(Target::To(State::AwaitingCountersign)));
        assert_eq!(target(s, RecordOutcome, r), Some(Target::Close(Closure::Superseded)));
        assert_eq!(target(State::AwaitingCountersign, Countersign, r), Some(Target::To(State::AwaitingClose)));
        assert_eq!(target(State::AwaitingCountersign, Close, r), None);
        assert_eq!(State::AwaitingCountersign.previous(false), Some(State::CustomerNegotiation));
        assert_eq!(State::AwaitingClose.previous(false), Some(State::AwaitingCountersign));
        assert_eq!(target(State::AwaitingClose, Close, r), Some(Target::Close(Closure::Resolved)));
    }

    #[test]
    fn engineering_detour_only_when_asked() {
        let asked = Route { engineering_requested: true, ..Route::default() };
        assert_eq!(target(State::ProductionCountermeasure, Action::SubmitCountermeasure, asked), Some(Target::To(State::EngineeringReview)));
        assert_eq!(State::CoordinatorReview.previous(true), Some(State::EngineeringReview));
        assert_eq!(State::CoordinatorReview.previous(false), Some(State::ProductionCountermeasure));
    }

    #[test]
    fn closed_allows_nothing_and_wrong_states_refuse() {
        for a in Action::ALL {
            assert_eq!(target(State::Closed, *a, Route::default()), None, "{a}");
        }
        assert_eq!(target(State::Draft, Action::Approve, Route::default()), None);
        assert_eq!(target(State::Draft, Action::SendBack, Route::default()), None);
        assert_eq!(target(State::Draft, Action::Remind, Route::default()), None);
        assert_eq!(target(State::AwaitingRegistration, Action::SendBack, Route::default()), None);
    }
}
