/**
 * The customer archive's coded values (domain.md §2), in display order, and
 * who counts as sales. Labels come from the catalogs.
 */
import type { Schemas } from '../../../api/types';

export type CustomerStatus = Schemas['CustomerStatus'];

/** The list's status tabs: 已建档 · 待审核 · 已退回 · 已注销. */
export const STATUSES = ['active', 'pending_review', 'rejected', 'deregistered'] as const satisfies readonly CustomerStatus[];
export const CATEGORIES = ['target', 'general', 'key', 'potential'] as const satisfies readonly Schemas['CustomerCategory'][];
export const CLASSES = ['A', 'B', 'C'] as const satisfies readonly Schemas['CustomerClass'][];
export const GRADES = ['AAA', 'AA', 'A', 'B'] as const satisfies readonly Schemas['CreditGrade'][];
/** 密级, rising: 秘密 < 机密 < 绝密. */
export const LEVELS = ['secret', 'confidential', 'top_secret'] as const satisfies readonly Schemas['Confidentiality'][];
export const KINDS = ['legal', 'natural'] as const satisfies readonly Schemas['CustomerKind'][];
export const MARKETS = ['domestic', 'foreign'] as const;

/** Role::is_sales on the server: these own customers and may register them. */
export const SALES_ROLES = ['sales', 'sales_supervisor', 'sales_manager'] as const;

export function isSales(roles: readonly string[] | undefined): boolean {
  return !!roles?.some((r) => (SALES_ROLES as readonly string[]).includes(r));
}

/** Who may hand a leaver's customers over (handover.rs may_hand_over). */
export const HANDOVER_ROLES = ['admin', 'gm', 'sales_manager'] as const;

export function oneOf<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | undefined {
  return value != null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Tag colours: 绝密 red, 机密 orange, 秘密 plain. */
export const LEVEL_COLOR: Record<string, string | undefined> = { top_secret: 'red', confidential: 'orange', secret: undefined };
export const STATUS_COLOR: Record<string, string> = {
  active: 'success',
  pending_review: 'processing',
  rejected: 'error',
  deregistered: 'default',
};
