import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { routeTier, tierFloor } from '../lib/tiers';

const tiers: Schemas['TierView'][] = [
  { up_to: '100000.00', approver_role: 'sales_manager' },
  { up_to: '150000.00', approver_role: 'deputy_gm' },
  { up_to: null, approver_role: 'gm' },
];

describe('approval tier preview (workflow.md default policy)', () => {
  it('routes by the settlement total, bounds inclusive', () => {
    expect(routeTier('0.00', tiers)).toEqual({ tier: 1, approverRole: 'sales_manager' });
    expect(routeTier('100000.00', tiers)).toEqual({ tier: 1, approverRole: 'sales_manager' });
    expect(routeTier('100000.01', tiers)).toEqual({ tier: 2, approverRole: 'deputy_gm' });
    expect(routeTier('120000.00', tiers)).toEqual({ tier: 2, approverRole: 'deputy_gm' });
    expect(routeTier('150000.00', tiers)).toEqual({ tier: 2, approverRole: 'deputy_gm' });
    expect(routeTier('150000.01', tiers)).toEqual({ tier: 3, approverRole: 'gm' });
    expect(routeTier('99999999999.99', tiers)).toEqual({ tier: 3, approverRole: 'gm' });
  });

  it('finds no route when every tier is bounded below the total', () => {
    expect(routeTier('10.00', [{ up_to: '5.00', approver_role: 'gm' as const }])).toBeNull();
  });

  it('shows each tier from the previous bound plus one fen', () => {
    expect(tierFloor(0, tiers)).toBeNull();
    expect(tierFloor(1, tiers)).toBe('100000.01');
    expect(tierFloor(2, tiers)).toBe('150000.01');
  });
});
