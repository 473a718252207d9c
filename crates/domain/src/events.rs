//! What the service tells the outside world (the outbox, for webhooks) and
//! its people (in-app notifications): the kinds, as stored codes.

use crate::coded_enum;

coded_enum! {
    /// The type of an outbox event, as webhooks subscribe to it.
    EventType {
        ComplaintCreated = "complaint.created",
        ComplaintSubmitted = "complaint.submitted",
        ComplaintStateChanged = "complaint.state_changed",
        ComplaintUpdated = "complaint.updated",
        ComplaintOverdue = "complaint.overdue",
        ComplaintMajorAlert = "complaint.major_alert",
        ComplaintLateCloseInquiry = "complaint.late_close_inquiry",
        /// A return or exchange application moved: submitted, approved, refused, withdrawn.
        ReturnStateChanged = "return.state_changed",
        /// A return note moved: issued, checked, received, booked (ERP books stock and credit from it).
        ReturnNoteChanged = "return.note_changed",
        /// The returned goods' handling moved: inspected, planned, approved,
        /// scheduled, reworked, received back (ERP and MES follow the rework).
        ReturnHandlingChanged = "return.handling_changed",
    }
}

coded_enum! {
    /// What an outbox event is about.
    Aggregate {
        Complaint = "complaint",
        Customer = "customer",
        Return = "return",
    }
}
