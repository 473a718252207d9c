import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/types';
import { everyCode } from '../../lib/codes';
import { catalogs } from '../../test/i18n';

type Tree = { [key: string]: string | Tree };

/** Every code the server may send, and where the catalogs word it. */
const WORDED: [string, readonly string[]][] = [
  ['customers.reads.whats', everyCode<Schemas['ReadPurpose']>()([
    'record', 'edit', 'history', 'reads', 'review', 'resubmit', 'claim', 'transfer', 'credit', 'request', 'requests',
    'supply_hold', 'visit', 'visits', 'survey', 'surveys', 'verification', 'order', 'export', 'import', 'complaint', 'decision',
  ])],
  ['customers.basis', everyCode<Schemas['ReadBasis']>()([
    'owner', 'staff', 'department_manager', 'archive', 'executive', 'grant', 'claim_pool', 'integration',
  ])],
  ['returns.originals.kind', everyCode<Schemas['Original']>()(['contract', 'receipt', 'delivery_note', 'warranty_card', 'packing_list'])],
  ['returns.inspection.condition', everyCode<Schemas['Condition']>()(['good', 'defective'])],
  ['returns.event', everyCode<Schemas['ReturnEvent']>()([
    'create', 'edit', 'submit', 'approve', 'refuse', 'withdraw', 'extend', 'inspect', 'collect_originals',
    'issue_note', 'verify_note', 'receive', 'record_proof', 'book', 'accept_excess', 'refuse_excess',
    'qa_inspect', 'plan', 'approve_plan', 'reject_plan', 'schedule', 'complete_rework', 're_receive',
    'extend_note', 'extend_handling',
  ])],
  ['returns.handlingState', everyCode<Schemas['HandlingState']>()([
    'qa_inspection', 'analysis', 'plan_approval', 'scheduling', 'rework', 're_receipt', 'done',
  ])],
  // The server's spreadsheet of the returns summary words the note's state with these too.
  ['returns.noteState', everyCode<Schemas['NoteState']>()(['issued', 'to_receive', 'to_book', 'awaits_decision', 'booked'])],
  ['returns.noteTask', everyCode<Schemas['NoteState']>()(['issued', 'to_receive', 'to_book', 'awaits_decision', 'booked'])],
  ['returns.proof.kind', everyCode<Schemas['ProofKind']>()(['invoice_stamped', 'stamped_copy', 'return_certificate'])],
  ['returns.noteAction', everyCode<Schemas['NoteAction']>()(['verify', 'receive', 'book', 'accept_excess', 'refuse_excess', 'extend'])],
  ['returns.handlingAction', everyCode<Schemas['HandlingAction']>()([
    'inspect', 'plan', 'approve_plan', 'reject_plan', 'schedule', 'complete_rework', 're_receive', 'extend',
  ])],
  ['returns.disposition', everyCode<Schemas['Disposition']>()(['rework', 'restock', 'scrap'])],
  // My tasks words the handling step a row stands at, when the user's roles take it (every state but done).
  ['returns.handlingTask', everyCode<Exclude<Schemas['HandlingState'], 'done'>>()([
    'qa_inspection', 'analysis', 'plan_approval', 'scheduling', 'rework', 're_receipt',
  ])],
  // The case's history words the entries of its improvement tracking (HistoryTimeline).
  ['eventAction', everyCode<Extract<Schemas['EventAction'], `${string}_negligence` | `${string}_irrational` | `${string}_effectiveness_check`>>()([
    'mark_negligence', 'clear_negligence', 'mark_irrational', 'clear_irrational',
    'schedule_effectiveness_check', 'pass_effectiveness_check', 'fail_effectiveness_check',
  ])],
  // The case's history words its deferral requests and their decisions (HistoryTimeline).
  ['eventAction', everyCode<Extract<Schemas['EventAction'], `${string}_deferral`>>()(['request_deferral', 'approve_deferral', 'refuse_deferral'])],
  // …and its petitions (签呈) and the general manager's decisions.
  ['eventAction', everyCode<Extract<Schemas['EventAction'], `${string}_petition`>>()(['raise_petition', 'decide_petition', 'withdraw_petition'])],
  // …and its supplier corrective-action requests.
  ['eventAction', everyCode<Extract<Schemas['EventAction'], `${string}_supplier_request`>>()([
    'raise_supplier_request', 'answer_supplier_request', 'accept_supplier_request', 'reject_supplier_request', 'cancel_supplier_request',
  ])],
  // …and the answers to its late-close inquiries (洽办单).
  ['eventAction', everyCode<Extract<Schemas['EventAction'], `${string}_late_inquiry`>>()(['answer_late_inquiry'])],
  // …and the contacts with the customer (首次回复, 回访确认关闭): a rename on the server fails the typecheck here.
  ['eventAction', everyCode<Extract<Schemas['EventAction'], 'record_first_reply' | 'confirm_close'>>()(['record_first_reply', 'confirm_close'])],
  // 客户沟通 on the case: each contact's kind, where it stands, how the customer was reached; the record button, hint and feedback of each kind.
  ['contacts.kind', everyCode<Schemas['ContactKind']>()(['first_reply', 'close_confirmation'])],
  ['contacts.status', everyCode<Schemas['ContactStatus']>()(['open', 'late', 'done', 'done_late'])],
  ['contacts.method', everyCode<Schemas['ContactMethod']>()(['phone', 'email', 'visit', 'message', 'other'])],
  ['contacts.record', everyCode<Schemas['ContactKind']>()(['first_reply', 'close_confirmation'])],
  ['contacts.hint', everyCode<Schemas['ContactKind']>()(['first_reply', 'close_confirmation'])],
  ['contacts.saved', everyCode<Schemas['ContactKind']>()(['first_reply', 'close_confirmation'])],
  // 催办单 / 洽办单: their kinds, the deadline each chases, and where each stands.
  ['letters.kind', everyCode<Schemas['LetterKind']>()(['reminder', 'inquiry'])],
  ['letters.clock', everyCode<Schemas['LetterClock']>()(['step', 'case', 'containment'])],
  ['letters.state.reminder', ['pending', 'done']],
  ['letters.state.inquiry', ['pending', 'done']],
  // 通知设置 on 我的: every kind's short name (its e-mail checkbox, the delivery log), and where an e-mail stands.
  ['noticeKinds', everyCode<Schemas['NoticeKind']>()([
    'task', 'reminder', 'major_alert', 'late_inquiry', 'late_inquiry_answered', 'case_reminder', 'containment_reminder',
    'close_confirmation_due', 'first_reply_late', 'close_confirmation_late', 'close_not_confirmed', 'customer_review', 'customer_reviewed',
    'customer_claimed', 'customer_transferred', 'visit_report', 'visit_reviewed', 'customer_handover', 'survey_answered', 'survey_followup',
    'customer_access_request', 'customer_access_decided', 'customer_request', 'customer_request_decided', 'customer_supply_hold',
    'return_task', 'return_decided', 'return_reminder', 'return_note_task', 'allowance_task', 'return_handling_task', 'return_note_reminder',
    'return_handling_reminder', 'allowance_reminder', 'eight_d_review', 'eight_d_decided', 'effectiveness_due', 'effectiveness_failed',
    'deferral_request', 'deferral_decided', 'petition_raised', 'petition_decided', 'supplier_request', 'supplier_answered',
    'penalty_review', 'penalty_disputed', 'penalty_approval', 'penalty_returned', 'penalty_approved', 'penalty_published',
    'weekly_report', 'monthly_report',
  ])],
  ['pages.me.notices.status', everyCode<Schemas['DeliveryStatus']>()(['delivered', 'pending', 'failed'])],
  // 群机器人 in settings: each platform's name, and where its webhook address and secret are found.
  ['settings.robots.platforms', everyCode<Schemas['RobotPlatform']>()(['wecom', 'dingtalk', 'feishu'])],
  ['settings.robots.platformHelp', everyCode<Schemas['RobotPlatform']>()(['wecom', 'dingtalk', 'feishu'])],
  // 客诉罚则 and the monthly penalties word the administrative sanctions.
  ['penalty', everyCode<Schemas['SanctionKind']>()(['self_criticism', 'warning', 'minor_demerit', 'major_demerit'])],
  // 客诉罚扣: a run's states and steps, its items' states, kinds and steps, the kinds of charge.
  ['penalties.runState', everyCode<Schemas['RunState']>()(['confirming', 'submitted', 'approved', 'published'])],
  ['penalties.runAction', everyCode<Schemas['RunAction']>()(['submit', 'approve', 'send_back', 'publish'])],
  ['penalties.runDone', everyCode<Schemas['RunAction']>()(['submit', 'approve', 'send_back', 'publish'])],
  ['penalties.confirmRun', everyCode<Exclude<Schemas['RunAction'], 'send_back'>>()(['submit', 'approve', 'publish'])],
  ['penalties.itemState', everyCode<Schemas['ItemState']>()(['pending', 'confirmed', 'disputed', 'settled', 'deferred'])],
  ['penalties.itemKind', everyCode<Schemas['ItemKind']>()(['share', 'late_fine'])],
  ['penalties.itemAction', everyCode<Schemas['ItemAction']>()(['confirm', 'dispute', 'settle', 'defer'])],
  ['penalties.itemDone', everyCode<Schemas['ItemAction']>()(['confirm', 'dispute', 'settle', 'defer'])],
  ['penalties.chargeKind', everyCode<Schemas['ChargeKind']>()(['sanction', 'deduction', 'supervisor'])],
  ['petition.state', everyCode<Schemas['PetitionState']>()(['pending', 'decided', 'withdrawn'])],
  ['petition.action', everyCode<Schemas['PetitionAction']>()(['decide', 'withdraw'])],
  ['petition.drawer', everyCode<Schemas['PetitionAction']>()(['decide', 'withdraw'])],
  ['petition.submitAction', everyCode<Schemas['PetitionAction']>()(['decide', 'withdraw'])],
  ['petition.decidedBy', everyCode<Exclude<Schemas['PetitionState'], 'pending'>>()(['decided', 'withdrawn'])],
  ['supplier.state', everyCode<Schemas['SupplierRequestState']>()(['requested', 'answered', 'accepted', 'cancelled'])],
  ['supplier.action', everyCode<Schemas['SupplierRequestAction']>()(['record_answer', 'accept', 'reject', 'cancel'])],
  ['supplier.drawer', everyCode<Schemas['SupplierRequestAction']>()(['record_answer', 'accept', 'reject', 'cancel'])],
  ['supplier.submit', everyCode<Schemas['SupplierRequestAction']>()(['record_answer', 'accept', 'reject', 'cancel'])],
  ['supplier.hint', everyCode<Schemas['SupplierRequestAction']>()(['record_answer', 'accept', 'reject', 'cancel'])],
  // The panel's feedback words the state an action left the request in (a rejection's own words: back to requested).
  ['supplier.done', everyCode<Exclude<Schemas['SupplierRequestState'], 'requested'>>()(['answered', 'accepted', 'cancelled'])],
  // Every state and action of the route: the steps bar, tags, filters and drawers name them.
  ['state', everyCode<Schemas['State']>()([
    'draft', 'awaiting_registration', 'qa_investigation', 'production_countermeasure', 'engineering_review', 'coordinator_review',
    'sales_proposal', 'consolidation', 'pending_approval', 'customer_negotiation', 'awaiting_countersign', 'invalid_notice',
    'awaiting_close', 'closed',
  ])],
  ['action', everyCode<Schemas['Action']>()([
    'submit', 'register', 'return_to_sales', 'conclude_investigation', 'declare_invalid', 'record_containment', 'submit_countermeasure',
    'submit_engineering_opinion', 'forward_to_sales', 'propose_resolution', 'submit_for_approval', 'approve', 'reject', 'record_outcome',
    'countersign', 'confirm_invalid_notice', 'close', 'send_back', 'withdraw', 'remind',
  ])],
  // A petition's decision notice names the step the case went back to (any open one).
  ['notices.returnedTo', everyCode<Exclude<Schemas['State'], 'closed'>>()([
    'draft', 'awaiting_registration', 'qa_investigation', 'production_countermeasure', 'engineering_review', 'coordinator_review',
    'sales_proposal', 'consolidation', 'pending_approval', 'customer_negotiation', 'awaiting_countersign', 'invalid_notice', 'awaiting_close',
  ])],
  ['returns.handling.step', everyCode<Schemas['HandlingState']>()([
    'qa_inspection', 'analysis', 'plan_approval', 'scheduling', 'rework', 're_receipt', 'done',
  ])],
];

function at(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);
}

describe('codes the server sends', () => {
  it.each(WORDED)('have words in every catalog: %s', (prefix, codes) => {
    for (const [language, catalog] of Object.entries(catalogs)) {
      const missing = codes.filter((code) => typeof at(catalog as Tree, `${prefix}.${code}`) !== 'string');
      expect(missing, `${language} ${prefix}`).toEqual([]);
    }
  });
});
