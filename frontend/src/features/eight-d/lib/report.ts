/**
 * The 8D report (8D 问题处理报告) on the client: its sections in order, the
 * codes each section offers in the manual's order, and the form's values
 * to and from the report the server keeps. The server judges completeness
 * (sections[].complete / missing); the form only requires what a row needs
 * to exist at all (a member's person and part, an action's owner and date).
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';

export type EightDView = Schemas['EightDView'];
export type EightDReport = Schemas['EightDReport'];
export type EightDAction = Schemas['EightDAction'];
export type EightDState = Schemas['EightDState'];

/** D1–D8, as the server names them in `sections[].section` and the report's fields. */
export const SECTIONS = ['team', 'problem', 'containment', 'root_cause', 'actions', 'verification', 'prevention', 'closure'] as const;
export type SectionName = (typeof SECTIONS)[number];

export const TEAM_ROLES = everyCode<Schemas['TeamRole']>()(['leader', 'sales_rep', 'quality', 'engineering', 'responsible', 'member']);
export const CONTAINMENT_MEASURES = everyCode<Schemas['ContainmentMeasure']>()([
  'recall',
  'reinspection',
  'stop_production',
  'quarantine',
  'process_change',
  'send_engineer',
  'other',
]);
export const CAUSE_METHODS = everyCode<Schemas['CauseMethod']>()(['sample_analysis', 'production_records', 'testing', 'fishbone', 'swap_test', 'brainstorm']);
export const PREVENTION_DOCUMENTS = everyCode<Schemas['PreventionDocument']>()(['fmea', 'control_plan', 'flow_chart', 'work_instruction', 'inspection_instruction']);
/** D6's three questions (seed 002 §5.4). */
export const CHECKS = ['works', 'no_new_problem', 'prevents_recurrence'] as const;
export type CheckName = (typeof CHECKS)[number];

/** "D1" for `team`. */
export function sectionCode(section: string): string {
  const i = (SECTIONS as readonly string[]).indexOf(section);
  return i < 0 ? '' : `D${i + 1}`;
}

/** The section a server field path belongs to: `actions[0].done_on` -> `actions`. */
export function sectionOf(field: string): string {
  return field.split(/[.[]/)[0] ?? field;
}

interface CheckValues {
  passed?: boolean;
  evidence?: string;
}

/** What the form holds: dates as dayjs, rows' fields optional while being typed. */
export interface ReportValues {
  team?: { user_id?: number; role?: Schemas['TeamRole'] }[];
  problem?: string;
  containment?: { measure?: Schemas['ContainmentMeasure']; description?: string; done_on?: Dayjs | null }[];
  root_cause?: { methods?: Schemas['CauseMethod'][]; cause?: string };
  actions?: { action?: string; owner_id?: number; due_on?: Dayjs | null; done_on?: Dayjs | null }[];
  verification?: Partial<Record<CheckName, CheckValues>>;
  prevention?: { documents?: Schemas['PreventionDocument'][]; note?: string };
  closure?: { summary?: string; closed_on?: Dayjs | null };
}

const toDay = (value: string | null | undefined) => (value ? dayjs(value) : null);
const fromDay = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const text = (value: string | null | undefined) => value?.trim() ?? '';

export function toValues(r: EightDReport): ReportValues {
  return {
    team: r.team.map((m) => ({ ...m })),
    problem: r.problem,
    containment: r.containment.map((c) => ({ measure: c.measure, description: c.description, done_on: toDay(c.done_on) })),
    root_cause: { methods: [...r.root_cause.methods], cause: r.root_cause.cause },
    actions: r.actions.map((a) => ({ action: a.action, owner_id: a.owner_id, due_on: toDay(a.due_on), done_on: toDay(a.done_on) })),
    verification: Object.fromEntries(
      CHECKS.map((name) => {
        const check = r.verification[name];
        return [name, { passed: check?.passed ?? false, evidence: check?.evidence ?? '' }];
      }),
    ),
    prevention: { documents: [...r.prevention.documents], note: r.prevention.note ?? '' },
    closure: { summary: r.closure?.summary ?? '', closed_on: toDay(r.closure?.closed_on) },
  };
}

/** A check not answered at all (not passed, no evidence) is sent as null: the server then names it missing. */
function toCheck(v: CheckValues | undefined): Schemas['VerificationCheck'] | null {
  const evidence = text(v?.evidence);
  if (!v?.passed && !evidence) return null;
  return { passed: v?.passed ?? false, evidence };
}

/** The whole report for PUT (the form's rules have required each row's person, part, owner and dates). */
export function toReport(v: ReportValues): EightDReport {
  const summary = text(v.closure?.summary);
  const closedOn = fromDay(v.closure?.closed_on);
  return {
    team: (v.team ?? []).map((m) => ({ user_id: m.user_id ?? 0, role: m.role ?? 'member' })),
    problem: text(v.problem),
    containment: (v.containment ?? []).map((c) => ({ measure: c.measure ?? 'other', description: text(c.description), done_on: fromDay(c.done_on) })),
    root_cause: { methods: v.root_cause?.methods ?? [], cause: text(v.root_cause?.cause) },
    actions: (v.actions ?? []).map((a) => ({
      action: text(a.action),
      owner_id: a.owner_id ?? 0,
      due_on: fromDay(a.due_on) ?? '',
      done_on: fromDay(a.done_on),
    })),
    verification: { works: toCheck(v.verification?.works), no_new_problem: toCheck(v.verification?.no_new_problem), prevents_recurrence: toCheck(v.verification?.prevents_recurrence) },
    prevention: { documents: v.prevention?.documents ?? [], note: text(v.prevention?.note) || null },
    // D8 is one summary and its day: nothing written is no closure yet.
    closure: summary || closedOn ? { summary, closed_on: closedOn ?? '' } : null,
  };
}
