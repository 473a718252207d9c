import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { changedPaths, withAncestors } from '../form-paths';

describe('changed form paths', () => {
  it('finds the edited leaf fields, also inside lists', () => {
    expect(changedPaths({ description: 'x' })).toEqual([['description']]);
    expect(changedPaths({ lines: [undefined, { amount: '1' }] })).toEqual([['lines', 1, 'amount']]);
    expect(changedPaths({ responsible: [{ department_id: 5, ratio_percent: 100 }] })).toEqual([
      ['responsible', 0, 'department_id'],
      ['responsible', 0, 'ratio_percent'],
    ]);
  });

  it('treats arrays of plain values and dayjs values as one field', () => {
    expect(changedPaths({ requests: ['return', 'rework'] })).toEqual([['requests']]);
    expect(changedPaths({ ship_date: dayjs('2026-11-20') })).toEqual([['ship_date']]);
    expect(changedPaths({ lines: [] })).toEqual([['lines']]);
  });

  it('adds the ancestors, where list-level errors sit', () => {
    expect(withAncestors([['lines', 1, 'amount'], ['lines', 0, 'kind']])).toEqual([
      ['lines'],
      ['lines', 1],
      ['lines', 1, 'amount'],
      ['lines', 0],
      ['lines', 0, 'kind'],
    ]);
  });
});
