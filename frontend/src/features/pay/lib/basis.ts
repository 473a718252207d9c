/** The pay basis list's filters and the form's client checks (the server checks again). */

export interface PayFilters {
  department_id?: number;
  /** Part of a name or account. */
  q?: string;
  /** Only people HR has not set a basis for yet. */
  missing?: boolean;
}

/** How many filters are set besides the search (the phone's filter button shows it). */
export function activePayFilters(f: PayFilters): number {
  return (f.department_id !== undefined ? 1 : 0) + (f.missing ? 1 : 0);
}

/** 基点数 as people type it: 1, 1.5, 1.25 (the server keeps hundredths). */
const POINTS = /^\d{1,6}(\.\d{1,2})?$/;
/** The most base points the server takes. */
export const MAX_POINTS = 1000;

/** Whether `text` is a valid 基点数: a number above 0, at most 1000, with at most two decimals. */
export function isBasePoints(text: string | undefined | null): boolean {
  const s = text?.trim() ?? '';
  if (!POINTS.test(s)) return false;
  const n = Number(s);
  return n > 0 && n <= MAX_POINTS;
}

/** The sheet's columns, in order (the catalog words each as `pay.field.<code>`); 姓名 and 部门 are for reading. */
export const SHEET_COLUMNS = ['username', 'display_name', 'department', 'team', 'base_points', 'monthly_bonus'] as const;
