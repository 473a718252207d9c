/**
 * The customer archive's coded values (domain.md §2), in display order, and
 * who counts as sales. Labels come from the catalogs.
 */
import type { Role, Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';

export type CustomerStatus = Schemas['CustomerStatus'];

/** The list's status tabs: 已建档 · 待审核 · 已退回 · 已注销. */
export const STATUSES = everyCode<CustomerStatus>()(['active', 'pending_review', 'rejected', 'deregistered']);
export const CATEGORIES = everyCode<Schemas['CustomerCategory']>()(['target', 'general', 'key', 'potential']);
export const CLASSES = everyCode<Schemas['CustomerClass']>()(['A', 'B', 'C']);
export const GRADES = everyCode<Schemas['CreditGrade']>()(['AAA', 'AA', 'A', 'B']);
/** 密级, rising: 秘密 < 机密 < 绝密. */
export const LEVELS = everyCode<Schemas['Confidentiality']>()(['secret', 'confidential', 'top_secret']);
export const KINDS = everyCode<Schemas['CustomerKind']>()(['legal', 'natural']);
export const MARKETS = everyCode<Schemas['MarketCode']>()(['domestic', 'foreign']);

// Complaints ask too (who may raise a return): the groups live in src/lib.
export { SALES_ROLES, hasAny, isSales } from '../../../lib/roles';

/** May import and export the archive. */
export const IO_ROLES: readonly Role[] = ['marketing', 'marketing_manager', 'sales_manager'];

/** Who may hand a leaver's customers over (handover.rs may_hand_over). */
export const HANDOVER_ROLES: readonly Role[] = ['admin', 'gm', 'sales_manager'];

export function oneOf<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | undefined {
  return value != null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Tag colours: 绝密 red, 机密 orange, 秘密 plain. */
export const LEVEL_COLOR: Record<Schemas['Confidentiality'], string | undefined> = { top_secret: 'red', confidential: 'orange', secret: undefined };
export const STATUS_COLOR: Record<CustomerStatus, string> = {
  active: 'success',
  pending_review: 'processing',
  rejected: 'error',
  deregistered: 'default',
};
