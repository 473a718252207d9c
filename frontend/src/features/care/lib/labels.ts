/** The survey's six dimensions and five levels (5 很满意 … 1 不满意), in display order. */
export const DIMENSIONS = ['quality', 'delivery', 'price', 'service', 'comparison', 'other'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const LEVELS = [5, 4, 3, 2, 1] as const;

export const VISIT_METHODS = ['onsite', 'phone', 'video', 'mail'] as const;
export const CONFIRMED_VIA = ['mail', 'fax', 'phone', 'visit'] as const;

/** Who decides credit requests and reviews visit reports (the server checks again). */
export const DECIDER_ROLES = ['sales_manager', 'gm', 'deputy_gm'] as const;
/** May import and export the archive. */
export const IO_ROLES = ['marketing', 'marketing_manager', 'sales_manager'] as const;

export function hasAny(roles: readonly string[] | undefined, allowed: readonly string[]): boolean {
  return !!roles?.some((r) => allowed.includes(r));
}

/** Score colour: 4–5 green, 3 plain, 1–2 red. */
export function scoreColor(score: number): string | undefined {
  return score >= 4 ? 'green' : score <= 2 ? 'red' : undefined;
}

/** The current year's quarter, "2026-Q4". */
export function currentPeriod(now = new Date()): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}
