import type { Role, Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';

/** The survey's six dimensions and five levels (5 很满意 … 1 不满意), in display order. */
export const DIMENSIONS = everyCode<keyof Schemas['FollowupKinds']>()(['quality', 'delivery', 'price', 'service', 'comparison', 'other']);
export type Dimension = (typeof DIMENSIONS)[number];
export const LEVELS = [5, 4, 3, 2, 1] as const;

export const VISIT_METHODS = everyCode<Schemas['VisitMethod']>()(['onsite', 'phone', 'video', 'mail']);
export const CONFIRMED_VIA = everyCode<Schemas['ConfirmedVia']>()(['mail', 'fax', 'phone', 'visit']);

/** Who decides credit requests and reviews visit reports (the server checks again). */
export const DECIDER_ROLES: readonly Role[] = ['sales_manager', 'gm', 'deputy_gm'];

/** Score colour: 4–5 green, 3 plain, 1–2 red. */
export function scoreColor(score: number): string | undefined {
  return score >= 4 ? 'green' : score <= 2 ? 'red' : undefined;
}

/** The current year's quarter, "2026-Q4". */
export function currentPeriod(now = new Date()): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}
