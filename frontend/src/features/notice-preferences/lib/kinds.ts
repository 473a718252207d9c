/**
 * The e-mail choices in the notification centre's groups, and how a
 * delivery's status shows.
 */
import type { Schemas } from '../../../api/types';
import { GROUP_FILTERS, NOTICE_KINDS, kindsOf, type NoticeGroup, type NoticeKind } from '../../notifications/lib/groups';

export type DeliveryStatus = Schemas['DeliveryStatus'];

/** The groups, in the notification centre's order, each with its kinds. */
export const KIND_GROUPS: readonly { group: NoticeGroup; kinds: NoticeKind[] }[] = GROUP_FILTERS.filter(
  (g): g is NoticeGroup => g !== 'all',
).map((group) => ({ group, kinds: kindsOf(group) }));

/** The kinds chosen, once each, in a stable order (the groups'), whatever order they were ticked in. */
export function orderedKinds(chosen: readonly string[]): NoticeKind[] {
  const set = new Set(chosen);
  return NOTICE_KINDS.filter((kind) => set.has(kind));
}

/** The tag's colour (contrast kept by notice-preferences.css). */
export const STATUS_COLOR: Record<DeliveryStatus, string> = { delivered: 'green', pending: 'orange', failed: 'red' };
