import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  columnSortOrder,
  filtersToParams,
  parseFilters,
  sortFor,
  toApiQuery,
  toFilterQuery,
  type ComplaintFilters,
} from '../lib/filters';

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe('complaint filters in the URL', () => {
  it('round-trips every filter through the query string', () => {
    const filters: ComplaintFilters = {
      state: ['qa_investigation', 'pending_approval'],
      customer_id: 12,
      severity: 'severe',
      kind: 'non_quality',
      major: true,
      overdue: true,
      mine: true,
      created_from: '2026-11-01',
      created_to: '2026-11-30',
      registered_from: '2026-11-02',
      registered_to: '2026-11-29',
      number: '2611-0007',
      q: '毛刺',
      sort: 'step_due_at',
    };
    const query = filtersToParams(filters).toString();
    expect(parse(query)).toEqual(filters);
  });

  it('writes a canonical query: fixed order, empty values and the default sort left out', () => {
    const params = filtersToParams({ sort: '-created_at', q: ' ', state: [], overdue: true, number: '2611-0001', major: false });
    expect(params.toString()).toBe('number=2611-0001&overdue=true');
    expect(filtersToParams({ state: ['closed', 'draft'], q: 'a b' }).toString()).toBe('q=a+b&state=closed%2Cdraft');
  });

  it('keeps 我发起的 (mine) like the other switches: only "true" counts, after overdue in the query', () => {
    expect(parse('mine=true')).toEqual({ state: [], mine: true });
    expect(parse('mine=yes')).toEqual({ state: [] });
    expect(parse('mine=false')).toEqual({ state: [] });
    expect(filtersToParams({ state: [], mine: true, overdue: true, major: true, created_from: '2026-11-01' }).toString()).toBe(
      'major=true&overdue=true&mine=true&created_from=2026-11-01',
    );
    expect(filtersToParams({ state: [], mine: false }).toString()).toBe('');
    expect(filtersToParams({ state: [], mine: undefined }).toString()).toBe('');
    const filters: ComplaintFilters = { state: ['draft'], mine: true, sort: 'updated_at' };
    expect(parse(filtersToParams(filters).toString())).toEqual(filters);
  });

  it('drops unknown states, malformed dates and ids, and sorts off the allow-list', () => {
    expect(
      parse('state=draft,bogus,draft&customer_id=-3&created_from=2026-13&severity=huge&kind=x&sort=name&overdue=yes&q=%20%20'),
    ).toEqual({ state: ['draft'] });
    expect(parse('customer_id=abc')).toEqual({ state: [] });
  });

  it('builds the API query with a limit, the sort and typed values', () => {
    expect(toApiQuery(parse('state=draft,closed&customer_id=4&overdue=true'), 'CUR', 20)).toEqual({
      limit: 20,
      sort: '-created_at',
      state: 'draft,closed',
      customer_id: 4,
      overdue: true,
      cursor: 'CUR',
    });
    expect(toApiQuery({ state: [], sort: 'updated_at' })).toEqual({ limit: 20, sort: 'updated_at' });
    expect(toApiQuery(parse('mine=true&q=毛刺'), null, 50)).toEqual({ limit: 50, sort: '-created_at', q: '毛刺', mine: true });
    expect(toApiQuery({ state: [], mine: false })).toEqual({ limit: 20, sort: '-created_at' });
  });

  it('builds the count and export query from the filters alone (no sort, limit or cursor)', () => {
    expect(toFilterQuery(parse('mine=true&customer_id=4&major=true&sort=updated_at'))).toEqual({ customer_id: 4, major: true, mine: true });
    expect(toFilterQuery({ state: [], sort: 'step_due_at' })).toEqual({});
  });

  it('counts the filters that are set (not the sort)', () => {
    expect(activeFilterCount({ state: [], sort: 'updated_at' })).toBe(0);
    expect(activeFilterCount({ state: ['draft'], q: 'x', customer_id: 1 })).toBe(3);
    expect(activeFilterCount({ state: [], mine: true })).toBe(1);
    expect(activeFilterCount({ state: [], mine: true, overdue: true, major: true })).toBe(3);
    expect(activeFilterCount({ state: [], mine: false })).toBe(0);
  });

  it('maps table sorting to the sort param and back', () => {
    expect(sortFor('step_due_at', 'ascend')).toBe('step_due_at');
    expect(sortFor('updated_at', 'descend')).toBe('-updated_at');
    expect(sortFor('customer', 'ascend')).toBeUndefined();
    expect(sortFor('created_at', null)).toBeUndefined();
    expect(columnSortOrder(undefined, 'created_at')).toBe('descend');
    expect(columnSortOrder('step_due_at', 'step_due_at')).toBe('ascend');
    expect(columnSortOrder('step_due_at', 'created_at')).toBeNull();
  });
});
