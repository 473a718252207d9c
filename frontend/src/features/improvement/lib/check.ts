import type { Schemas } from '../../../api/types';

/** Seed 002 §5.4's three questions, in its order. */
export const QUESTIONS = ['works', 'no_new_problem', 'prevents_recurrence'] as const;
export type Question = (typeof QUESTIONS)[number];

export interface CheckValues {
  works?: boolean;
  no_new_problem?: boolean;
  prevents_recurrence?: boolean;
  evidence?: string;
}

/** The check passes only when all three hold; otherwise the server raises a follow-up case. */
export function passes(values: CheckValues): boolean {
  return QUESTIONS.every((q) => values[q] === true);
}

export function checkBody(values: CheckValues): Schemas['CheckResultBody'] {
  return {
    works: values.works ?? false,
    no_new_problem: values.no_new_problem ?? false,
    prevents_recurrence: values.prevents_recurrence ?? false,
    evidence: (values.evidence ?? '').trim(),
  };
}

/** Who records the checks (the server's may_check): quality. */
export function mayCheck(roles: readonly Schemas['Role'][] | undefined): boolean {
  return !!roles?.some((r) => r === 'qa' || r === 'qa_manager');
}
