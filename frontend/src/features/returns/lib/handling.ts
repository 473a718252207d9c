/**
 * 客户退换货处理单: the internal handling of the returned goods once the
 * warehouse has received them — 品保检验标识, 研发分析及整改方案 (with its
 * cost), 总经理审批, PMC排产, 制造整改, 成品仓验收入库. What a user may do
 * comes from `handling.available_actions`; the server checks everything again.
 */
import type { Dayjs } from 'dayjs';
import type { Role, Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';
import { fenToDecimal, parseMoney } from '../../../lib/money';
import { requiredValue } from '../../../lib/required';
import { MONEY_INPUT } from '../../complaints/lib/resolution';

type ReturnView = Schemas['ReturnView'];
export type HandlingView = Schemas['HandlingView'];
export type HandlingState = Schemas['HandlingState'];
export type HandlingAction = Schemas['HandlingAction'];
export type HandlingLine = Schemas['HandlingLineView'];
export type Disposition = Schemas['Disposition'];

/** The steps in their order (the step bar shows all seven). */
export const HANDLING_STATES = everyCode<HandlingState>()(['qa_inspection', 'analysis', 'plan_approval', 'scheduling', 'rework', 're_receipt', 'done']);
/**
 * Buttons in this order: the step forward first, then asking for more time,
 * sending the plan back last (each step offers its own forward action, so
 * `extend` after all of them keeps it second wherever it shows).
 */
export const HANDLING_ACTIONS = everyCode<HandlingAction>()(['inspect', 'plan', 'approve_plan', 'schedule', 'complete_rework', 're_receive', 'extend', 'reject_plan']);
/** 整改, 原样入库, 报废. */
export const DISPOSITIONS = everyCode<Disposition>()(['rework', 'restock', 'scrap']);

export function orderHandlingActions(available: readonly HandlingAction[]): HandlingAction[] {
  return HANDLING_ACTIONS.filter((a) => available.includes(a));
}

/** Who takes each step (the server's `HandlingState::may`); PMC (生管) sits with the production manager. */
const TAKEN_BY: Record<Exclude<HandlingState, 'done'>, readonly Role[]> = {
  qa_inspection: ['qa', 'qa_manager'],
  analysis: ['engineering'],
  plan_approval: ['gm'],
  scheduling: ['production_manager'],
  rework: ['production', 'production_manager'],
  re_receipt: ['warehouse'],
};

/** The handling steps a user with `roles` takes, in order (what brings an application to their "to act" box). */
export function handlingSteps(roles: readonly Role[] | undefined): HandlingState[] {
  return HANDLING_STATES.filter((s) => s !== 'done' && TAKEN_BY[s].some((r) => roles?.includes(r)));
}

/** A plan that is not a rework skips PMC and production: approved, it goes straight to the warehouse. */
export function skipsRework(h: Pick<HandlingView, 'disposition'>): boolean {
  return !!h.disposition && h.disposition !== 'rework';
}

/**
 * The most each item's count may be: production reworks up to what was
 * received; the warehouse takes back what production reworked (a rework),
 * else what was received (put back as it is, or written off).
 */
export function quantityLimits(action: 'complete_rework' | 're_receive', h: HandlingView): number[] {
  if (action === 're_receive' && h.disposition === 'rework') return h.lines.map((l) => l.reworked ?? l.received);
  return h.lines.map((l) => l.received);
}

/** The drawer's form; each action fills its own part (the names are the server's, so its messages land in place). */
export interface HandlingValues {
  qa?: { finding?: string; label?: string };
  plan?: { analysis?: string; disposition?: Disposition; plan?: string; cost?: string };
  schedule?: { start_on?: Dayjs | null; finish_on?: Dayjs | null; production_unit?: string; material_issue?: string };
  /** `complete_rework`, `re_receive`: one count per item, in the application's order. */
  quantities?: (number | null)[];
  comment?: string;
}

/** The parts the form shows, as the server names them (before any `.` or `[`). */
export const HANDLING_FIELDS = ['qa', 'plan', 'schedule', 'quantities', 'comment'] as const;

/** A whole part or the whole list missing (`plan`, `quantities`) has no field of its own: it goes to the alert. */
export function handlingFieldName(field: string): string {
  return (HANDLING_FIELDS as readonly string[]).includes(field) && field !== 'comment' ? `_${field}` : field;
}

const trimmed = (v: string | undefined) => v?.trim() || null;
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** "1200" -> "1200.00": the API's money string (the form's rule has already checked the shape). */
export function moneyString(typed: string | undefined): string {
  const text = typed?.trim() ?? '';
  return MONEY_INPUT.test(text) ? fenToDecimal(parseMoney(text)) : text;
}

/** What the form holds when the drawer opens: a new plan starts from the one sent back; counts start at their most. */
export function initialHandlingValues(action: HandlingAction, h: HandlingView): HandlingValues {
  switch (action) {
    case 'plan':
      return {
        plan: {
          analysis: h.analysis ?? '',
          disposition: h.disposition ?? undefined,
          plan: h.plan ?? '',
          cost: h.cost?.amount ?? '',
        },
      };
    case 'complete_rework':
    case 're_receive':
      return { quantities: quantityLimits(action, h) };
    default:
      return {};
  }
}

/** The validated form as the action's body: its own part only, and the remark when one was written. */
export function handlingBody(action: HandlingAction, v: HandlingValues, h: HandlingView): Schemas['HandlingActionBody'] {
  const body: Schemas['HandlingActionBody'] = {};
  switch (action) {
    case 'inspect':
      body.qa = { finding: v.qa?.finding?.trim() ?? '', label: v.qa?.label?.trim() ?? '' };
      break;
    case 'plan': {
      const disposition = requiredValue(v.plan?.disposition, 'plan.disposition');
      body.plan = { analysis: v.plan?.analysis?.trim() ?? '', disposition, plan: trimmed(v.plan?.plan), cost: moneyString(v.plan?.cost) };
      break;
    }
    case 'schedule':
      body.schedule = {
        start_on: day(requiredValue(v.schedule?.start_on, 'schedule.start_on')),
        finish_on: day(requiredValue(v.schedule?.finish_on, 'schedule.finish_on')),
        production_unit: v.schedule?.production_unit?.trim() ?? '',
        material_issue: trimmed(v.schedule?.material_issue),
      };
      break;
    case 'complete_rework':
    case 're_receive':
      body.quantities = h.lines.map((_, i) => v.quantities?.[i] ?? 0);
      break;
    case 'approve_plan':
    case 'reject_plan':
    case 'extend':
      break;
  }
  const comment = trimmed(v.comment);
  if (comment) body.comment = comment;
  return body;
}

export type HandlingEvent = Extract<Schemas['ReturnEvent'], 'qa_inspect' | 'plan' | 'approve_plan' | 'reject_plan' | 'schedule' | 'complete_rework' | 're_receive'>;
/** The history events of the handling that sign a step, in order (a rejection is shown with its reason instead). */
export const HANDLING_SIGNED: readonly HandlingEvent[] = ['qa_inspect', 'plan', 'approve_plan', 'schedule', 'complete_rework', 're_receive'];

export interface HandlingSignature {
  event: HandlingEvent;
  name: string | null;
  at: string;
}

/** Who took each step of the handling and when (the latest time each), from the history; steps not taken are left out. */
export function handlingSignatures(r: Pick<ReturnView, 'history'>): HandlingSignature[] {
  const events = [...r.history].sort((a, b) => b.seq - a.seq);
  return HANDLING_SIGNED.flatMap((signed) => {
    const e = events.find((x) => x.action === signed);
    return e ? [{ event: signed, name: e.actor?.name ?? null, at: e.at }] : [];
  });
}
