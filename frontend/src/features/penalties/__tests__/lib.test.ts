import { describe, expect, it } from 'vitest';
import { isWholeCase, itemFilterParams, mergePages, parseItemFilters } from '../lib/penalties';
import { charges, item, items, runView } from './fixtures';

describe('the items tab’s filters in the URL', () => {
  it('reads a department and a state, and leaves out what is not one', () => {
    expect(parseItemFilters(new URLSearchParams('tab=items&department=5&state=pending'))).toEqual({ department_id: 5, item_state: 'pending' });
    expect(parseItemFilters(new URLSearchParams('department=abc&state=closed'))).toEqual({});
    expect(parseItemFilters(new URLSearchParams('department=0&state='))).toEqual({});
    expect(parseItemFilters(new URLSearchParams('department=-3'))).toEqual({});
  });

  it('writes them back, an unset one as a param to remove', () => {
    expect(itemFilterParams({ department_id: 8, item_state: 'disputed' })).toEqual({ department: '8', state: 'disputed' });
    expect(itemFilterParams({})).toEqual({ department: undefined, state: undefined });
  });
});

describe('the pages of a run as one', () => {
  it('takes the head of the newest page, every item once and every charge once', () => {
    const mine = charges[0]!;
    const first = runView({ version: 4, items: items.slice(0, 2), items_next: 12, charges: [charges[1]!, mine] });
    const second = runView({ version: 5, items: items.slice(2), items_next: null, charges: [mine, charges[2]!] });
    const run = mergePages([first, second]);
    expect(run.version).toBe(5);
    expect(run.items_next).toBeNull();
    expect(run.items.map((i) => i.id)).toEqual([11, 12, 13, 14]);
    expect(run.charges).toEqual([charges[1], mine, charges[2]]);
  });

  it('knows when a case’s shares are all there (their ratios add up to 100)', () => {
    expect(isWholeCase(items.slice(0, 2))).toBe(true);
    expect(isWholeCase([item()])).toBe(false);
  });
});
