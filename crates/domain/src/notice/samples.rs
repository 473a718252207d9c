//! One notice of every kind, for the checks that the catalogs word them all.

use super::{Notice, NoticeKind};
use crate::care::Dimension;
use crate::customer::RequestKind;
use crate::State;

impl Notice {
    /// One notice of every kind, with made-up values: the catalogs are
    /// checked against these.
    pub fn samples() -> Vec<Notice> {
        let v = vec![
            Notice::task(1, "KS-2026-0001", State::QaInvestigation),
            Notice::reminder(1, "KS-2026-0001", State::ProductionCountermeasure, (5, "CB2612-0001")),
            Notice::major_alert(1, "KS-2026-0001", "批量退货"),
            Notice::late_inquiry(1, "KS-2026-0001", State::SalesProposal, (6, "QB2612-0001")),
            Notice::late_inquiry_answered(1, "KS-2026-0001", State::SalesProposal, (6, "QB2612-0001"), "客户春节停工, 无法确认方案"),
            Notice::chase(crate::letter::LetterClock::Case, 1, "KS-2026-0001", State::SalesProposal, (7, "CB2612-0002"), 2),
            Notice::chase(crate::letter::LetterClock::Containment, 1, "KS-2026-0001", State::QaInvestigation, (8, "CB2612-0003"), 1),
            Notice::close_confirmation_due(1, "KS-2026-0001", 12),
            Notice::contact_late(crate::contact::ContactKind::FirstReply, 1, "KS-2026-0001"),
            Notice::contact_late(crate::contact::ContactKind::CloseConfirmation, 1, "KS-2026-0001"),
            Notice::close_not_confirmed(1, "KS-2026-0001", "客户认为补货数量不足"),
            Notice::customer_review(2, "苏州精密机械", "C-0001"),
            Notice::customer_reviewed(2, "苏州精密机械", false, Some("税号有误")),
            Notice::customer_claimed(2, "苏州精密机械", "钱业务"),
            Notice::customer_transferred(2, "苏州精密机械", "区域调整"),
            Notice::visit_report(2, "苏州精密机械", "季度回访"),
            Notice::visit_reviewed(2, "苏州精密机械", "已阅"),
            Notice::customer_handover(3, "张业务"),
            Notice::survey_answered(2, "苏州精密机械", "2026Q4"),
            Notice::survey_followup(2, "苏州精密机械", Dimension::Delivery, 2),
            Notice::access_request(2, "苏州精密机械", "客户来电询价"),
            Notice::access_decided(2, "苏州精密机械", true, None),
            Notice::change_request(2, "苏州精密机械", RequestKind::Credit, "年度调整"),
            Notice::change_request_decided(2, "苏州精密机械", RequestKind::Deregister, false, Some("仍有未结货款")),
            Notice::supply_hold(2, "苏州精密机械", true, "货款逾期 90 天"),
            Notice::return_task(4, "TH2612-0001", "苏州精密机械", crate::returns::ReturnState::MarketingReview),
            Notice::return_decided(4, "TH2612-0001", "苏州精密机械", false, Some("客户同意改为折让")),
            Notice::return_reminder(4, "TH2612-0001", "苏州精密机械", crate::returns::ReturnState::SupervisorReview),
            Notice::return_note_task(4, "CT2612-0001", "苏州精密机械", crate::returns::note::NoteState::ToReceive),
            Notice::allowance_task(2, "ZR2612-0001", "苏州精密机械", crate::returns::allowance::AllowanceState::GmReview),
            Notice::return_handling_task(4, "TH2612-0001", "苏州精密机械", crate::returns::handling::HandlingState::Scheduling),
            Notice::return_note_reminder(4, "CT2612-0001", "苏州精密机械", crate::returns::note::NoteState::ToBook),
            Notice::return_handling_reminder(4, "TH2612-0001", "苏州精密机械", crate::returns::handling::HandlingState::Analysis),
            Notice::allowance_reminder(2, "ZR2612-0001", "苏州精密机械", crate::returns::allowance::AllowanceState::Signed),
            Notice::eight_d_review(1, "KS2612-0001", "KS2612-0001-BRK-2207"),
            Notice::eight_d_decided(1, "KS2612-0001", "KS2612-0001-BRK-2207", false, Some("D4 证据不足")),
            Notice::effectiveness_due(1, "KS2612-0001", chrono::NaiveDate::from_ymd_opt(2027, 1, 19).unwrap_or_default()),
            Notice::effectiveness_failed(1, "KS2612-0001", 2, "第 13 批仍有同样的毛刺"),
            Notice::deferral_request(1, "KS2612-0001", chrono::NaiveDate::from_ymd_opt(2027, 3, 31).unwrap_or_default(), "等待客户下批来料验证"),
            Notice::deferral_decided(1, "KS2612-0001", true, chrono::NaiveDate::from_ymd_opt(2027, 3, 31).unwrap_or_default(), None),
            Notice::petition_raised(1, "KS2612-0001", "品保部", "责任判定异议"),
            Notice::petition_decided(1, "KS2612-0001", "责任判定异议", "退回品保重新判定", Some(crate::State::QaInvestigation)),
            Notice::supplier_request(1, "KS2612-0001", "江苏华力铸造有限公司", chrono::NaiveDate::from_ymd_opt(2027, 1, 6).unwrap_or_default()),
            Notice::supplier_answered(1, "KS2612-0001", "江苏华力铸造有限公司"),
            Notice::penalty_review(9, "2026-11"),
            Notice::penalty_disputed(9, "2026-11", "生产部", "模具寿命到期属设备部门"),
            Notice::penalty_approval(9, "2026-11"),
            Notice::penalty_returned(9, "2026-11", "请重新核对"),
            Notice::penalty_approved(9, "2026-11"),
            Notice::penalty_published(9, "2026-11"),
            Notice::weekly_report(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()),
            Notice::monthly_report(chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default()),
        ];
        debug_assert!(NoticeKind::ALL.iter().all(|k| v.iter().any(|n| n.kind == *k)));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    #[test]
    fn every_kind_has_a_sample() {
        let samples = Notice::samples();
        for kind in NoticeKind::ALL {
            assert!(samples.iter().any(|n| n.kind == *kind), "{kind}");
        }
    }

    #[test]
    fn case_notices_name_their_case_customer_notices_their_customer_reports_their_period() {
        for n in Notice::samples() {
            if n.complaint_id.is_some() || n.params.contains_key("return_id") || n.params.contains_key("allowance_id") {
                assert!(n.params.contains_key("number"), "{}", n.kind);
            } else if n.params.contains_key("run_id") {
                assert!(n.params.contains_key("month"), "{}", n.kind);
            } else if matches!(n.kind, NoticeKind::WeeklyReport | NoticeKind::MonthlyReport) {
                assert!(n.params.contains_key("week") || n.params.contains_key("month"), "{}", n.kind);
            } else if n.kind != NoticeKind::CustomerHandover {
                assert!(n.params.contains_key("customer_id") && n.params.contains_key("customer"), "{}", n.kind);
            }
        }
    }
}
