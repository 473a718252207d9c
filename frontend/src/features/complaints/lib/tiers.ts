/**
 * Which approver a settlement total routes to under the approval policy
 * (核决权限, domain.md §4.5): the first tier whose inclusive upper bound
 * covers the total; the last tier has no bound. Exact money comparison.
 */
import { parseMoney } from '../../../lib/money';
import type { Schemas } from '../../../api/types';

export interface TierRoute {
  /** 1-based, as the case shows it. */
  tier: number;
  approverRole: string;
}

export function routeTier(total: string, tiers: readonly Schemas['TierView'][]): TierRoute | null {
  const fen = parseMoney(total);
  for (const [index, tier] of tiers.entries()) {
    if (tier.up_to === null || tier.up_to === undefined || fen <= parseMoney(tier.up_to)) {
      return { tier: index + 1, approverRole: tier.approver_role };
    }
  }
  return null;
}

/** The lower bound of a tier, for display: previous bound + 0.01. */
export function tierFloor(index: number, tiers: readonly Schemas['TierView'][]): string | null {
  const previous = index > 0 ? tiers[index - 1]?.up_to : null;
  if (!previous) return null;
  const fen = parseMoney(previous) + 1n;
  return `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;
}
