/**
 * Workflow actions on the client: which form each action opens, and turning
 * that form's values into the action's body (workflow.md "body carries").
 * Which actions a user may take always comes from the server.
 */
import type { Dayjs } from 'dayjs';
import type { Schemas } from '../../../api/types';
import { everyCode, isCode } from '../../../lib/codes';
import { requiredValue } from '../../../lib/required';
import { toLineRequest, type LineDraft } from './resolution';
import type { State } from './states';

export type ActionName = Schemas['Action'];

/** Every workflow action; the order ranks buttons within their group. */
export const ACTIONS = everyCode<ActionName>()([
  'submit',
  'register',
  'return_to_sales',
  'conclude_investigation',
  'declare_invalid',
  'record_containment',
  'submit_countermeasure',
  'submit_engineering_opinion',
  'forward_to_sales',
  'propose_resolution',
  'submit_for_approval',
  'approve',
  'reject',
  'record_outcome',
  'countersign',
  'confirm_invalid_notice',
  'close',
  'send_back',
  'withdraw',
  'remind',
]);

/** The form (and body schema) of each action. */
export type FormKind =
  | 'note'
  | 'register'
  | 'returnToSales'
  | 'conclude'
  | 'reason'
  | 'containment'
  | 'countermeasure'
  | 'opinion'
  | 'remarks'
  | 'propose'
  | 'consolidate'
  | 'approve'
  | 'outcome'
  | 'invalidNotice';

export const ACTION_FORM: Record<ActionName, FormKind> = {
  submit: 'note',
  register: 'register',
  return_to_sales: 'returnToSales',
  conclude_investigation: 'conclude',
  declare_invalid: 'reason',
  record_containment: 'containment',
  submit_countermeasure: 'countermeasure',
  submit_engineering_opinion: 'opinion',
  forward_to_sales: 'remarks',
  propose_resolution: 'propose',
  submit_for_approval: 'consolidate',
  approve: 'approve',
  reject: 'reason',
  record_outcome: 'outcome',
  countersign: 'remarks',
  confirm_invalid_notice: 'invalidNotice',
  close: 'remarks',
  send_back: 'reason',
  withdraw: 'reason',
  remind: 'note',
};

export function isAction(value: unknown): value is ActionName {
  return isCode(value, ACTIONS);
}

/** Actions that move the case backwards or end it: shown as danger. */
const DANGER: readonly ActionName[] = ['reject', 'return_to_sales', 'declare_invalid', 'send_back', 'withdraw'];
/** Side actions: never the primary button. */
const SECONDARY: readonly ActionName[] = ['record_containment', 'remind', 'send_back', 'withdraw'];

export type ActionTone = 'primary' | 'danger' | 'default';

/** Button tone: the forward step is primary, going back is danger. */
export function actionTone(action: ActionName): ActionTone {
  if (DANGER.includes(action)) return 'danger';
  if (SECONDARY.includes(action)) return 'default';
  return 'primary';
}

/** The server's list, known actions only: forward step, going back, side actions, then send back / withdraw. */
export function orderActions(available: readonly string[]): ActionName[] {
  const group = (a: ActionName) => {
    const tone = actionTone(a);
    if (tone === 'primary') return 0;
    if (tone === 'danger') return SECONDARY.includes(a) ? 3 : 1;
    return 2;
  };
  const rank = (a: ActionName) => group(a) * 100 + ACTIONS.indexOf(a);
  return available.filter(isAction).sort((a, b) => rank(a) - rank(b));
}

/** Where the action takes the case (for the drawer's "what happens next" line). */
export function nextState(action: ActionName, engineeringRequested: boolean, accepted?: boolean): State | null {
  switch (action) {
    case 'submit':
      return 'awaiting_registration';
    case 'register':
      return 'qa_investigation';
    case 'return_to_sales':
      return 'draft';
    case 'conclude_investigation':
      return 'production_countermeasure';
    case 'declare_invalid':
      return 'invalid_notice';
    case 'submit_countermeasure':
      return engineeringRequested ? 'engineering_review' : 'coordinator_review';
    case 'submit_engineering_opinion':
      return 'coordinator_review';
    case 'forward_to_sales':
    case 'reject':
      return 'sales_proposal';
    case 'propose_resolution':
      return 'consolidation';
    case 'submit_for_approval':
      return 'pending_approval';
    case 'approve':
      return 'customer_negotiation';
    case 'record_outcome':
      return accepted === false ? 'closed' : 'awaiting_countersign';
    case 'countersign':
      return 'awaiting_close';
    case 'confirm_invalid_notice':
    case 'close':
    case 'withdraw':
      return 'closed';
    default:
      return null;
  }
}

/** What the drawers' forms hold; dates are dayjs values from antd pickers. */
export interface ActionFormValues {
  note?: string;
  severity?: Schemas['Severity'];
  kind?: Schemas['ComplaintKind'];
  non_quality_cause?: Schemas['NonQualityCause'];
  is_major?: boolean;
  /** The customer asks for an 8D report: the case then needs one approved to close. */
  eight_d_requested?: boolean;
  /** The same customer's earlier complaint of the product this one repeats (重复投诉). */
  repeat_of?: number | null;
  reason?: string;
  missing_items?: Schemas['IntakeField'][];
  defect_verified?: boolean;
  cause?: string;
  findings?: string;
  /** `team` is the team's name (as the server keeps it on the share); `person_id` a person of the department. */
  responsible?: { department_id?: number; team?: string | null; person_id?: number | null; ratio_percent?: number; supplier?: string }[];
  countermeasure_department_id?: number;
  engineering_needed?: boolean;
  measures?: Schemas['ContainmentMeasure'][];
  description?: string;
  taken_at?: Dayjs | null;
  cause_analysis?: string;
  containment?: string;
  permanent_actions?: string;
  opinion?: string;
  remarks?: string;
  lines?: LineDraft[];
  comment?: string;
  accepted?: boolean;
  answered_on?: Dayjs | null;
  method?: string;
  informed_on?: Dayjs | null;
}

function optional(value: string | undefined | null): string | null {
  const text = value?.trim();
  return text ? text : null;
}

function required(value: string | undefined | null): string {
  return value?.trim() ?? '';
}

function day(value: Dayjs | null | undefined): string {
  return value ? value.format('YYYY-MM-DD') : '';
}

/** Sum of the responsibility ratios entered so far. */
export function ratioSum(units: ActionFormValues['responsible']): number {
  return (units ?? []).reduce((sum, u) => sum + (typeof u?.ratio_percent === 'number' ? u.ratio_percent : 0), 0);
}

type Body =
  | Schemas['NoteBody']
  | Schemas['RegisterBody']
  | Schemas['ReturnToSalesBody']
  | Schemas['ConcludeBody']
  | Schemas['ReasonBody']
  | Schemas['ContainmentBody']
  | Schemas['CountermeasureBody']
  | Schemas['OpinionBody']
  | Schemas['RemarksBody']
  | Schemas['ProposeBody']
  | Schemas['ApproveBody']
  | Schemas['OutcomeBody']
  | Schemas['InvalidNoticeBody'];

/** The JSON body of `POST /complaints/{id}/actions/{action}` for the form's values. */
export function buildActionBody(action: ActionName, v: ActionFormValues): Body {
  switch (ACTION_FORM[action]) {
    case 'note':
      return { note: optional(v.note) };
    case 'register':
      return {
        severity: requiredValue(v.severity, 'severity'),
        kind: requiredValue(v.kind, 'kind'),
        non_quality_cause: v.kind === 'non_quality' ? requiredValue(v.non_quality_cause, 'non_quality_cause') : null,
        is_major: v.is_major ?? false,
        eight_d_requested: v.eight_d_requested ?? false,
        repeat_of: v.repeat_of ?? null,
        note: optional(v.note),
      };
    case 'returnToSales':
      return { reason: required(v.reason), missing_items: v.missing_items ?? [] };
    case 'conclude':
      return {
        defect_verified: v.defect_verified ?? false,
        cause: required(v.cause),
        findings: optional(v.findings),
        responsible: (v.responsible ?? []).map((u) => ({
          department_id: u.department_id ?? 0,
          team: optional(u.team),
          // A person of the department, for sales and service faults.
          person_id: u.person_id ?? null,
          ratio_percent: u.ratio_percent ?? 0,
          // The external company behind the share: concluding raises a corrective-action request to it.
          supplier: optional(u.supplier),
        })),
        countermeasure_department_id: v.countermeasure_department_id ?? null,
        engineering_needed: v.engineering_needed ?? false,
      };
    case 'reason':
      return { reason: required(v.reason) };
    case 'containment':
      return {
        measures: v.measures ?? [],
        description: required(v.description),
        taken_at: v.taken_at ? v.taken_at.toISOString() : null,
      };
    case 'countermeasure':
      return {
        cause_analysis: required(v.cause_analysis),
        containment: required(v.containment),
        permanent_actions: required(v.permanent_actions),
      };
    case 'opinion':
    case 'consolidate':
      return { opinion: required(v.opinion) };
    case 'remarks':
      return { remarks: optional(v.remarks) };
    case 'propose':
      return { lines: (v.lines ?? []).map(toLineRequest), note: optional(v.note) };
    case 'approve':
      return { comment: optional(v.comment) };
    case 'outcome':
      return { accepted: v.accepted ?? false, answered_on: day(v.answered_on), remarks: optional(v.remarks) };
    case 'invalidNotice':
      return { method: required(v.method), informed_on: day(v.informed_on), remarks: optional(v.remarks) };
  }
}
