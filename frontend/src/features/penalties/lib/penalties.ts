/**
 * 客诉罚扣: the codes of a month's run in the order the screens show them,
 * and the small sums and groupings the tables need (money stays exact).
 */
import type { Schemas } from '../../../api/types';
import { everyCode, isCode } from '../../../lib/codes';
import { sumMoney } from '../../../lib/money';

export type RunView = Schemas['RunView'];
export type RunSummary = Schemas['RunSummary'];
export type RunState = Schemas['RunState'];
export type RunAction = Schemas['RunAction'];
export type ItemView = Schemas['ItemView'];
export type ItemAction = Schemas['ItemAction'];
export type ItemState = Schemas['ItemState'];
export type ChargeView = Schemas['ChargeView'];
export type LedgerView = Schemas['LedgerView'];
export type ItemCounts = Schemas['ItemCounts'];

export const RUN_STATES = everyCode<RunState>()(['confirming', 'submitted', 'approved', 'published']);
export const RUN_ACTIONS = everyCode<RunAction>()(['submit', 'approve', 'send_back', 'publish']);
export const ITEM_STATES = everyCode<ItemState>()(['pending', 'confirmed', 'disputed', 'settled', 'deferred']);
export const ITEM_ACTIONS = everyCode<ItemAction>()(['confirm', 'dispute', 'settle', 'defer']);
export const CHARGE_KINDS = everyCode<Schemas['ChargeKind']>()(['sanction', 'deduction', 'supervisor']);

/** The item states in the order of the items tab's state filter: what waits first. */
export const ITEM_STATE_FILTER = everyCode<ItemState>()(['pending', 'disputed', 'confirmed', 'settled', 'deferred']);

/** Who starts a month's run and submits it (the server decides again). */
export const RUN_STARTER = 'coordinator' as const;

/** The item actions that need a reason, and so open a drawer. */
export type ReasonAction = Exclude<ItemAction, 'confirm'>;

/** An item waits while its department has not confirmed it or a dispute is open: the run cannot be submitted. */
export function isWaiting(item: ItemView): boolean {
  return item.state === 'pending' || item.state === 'disputed';
}

/** How many items wait, over the items the caller may read with the department filter (whatever the state filter). */
export function waitingCount(counts: ItemCounts): number {
  return counts.pending + counts.disputed;
}

/** The items tab's filters: sent to the server, kept in the URL as `?department=5&state=pending`. */
export interface ItemFilters {
  department_id?: number;
  item_state?: ItemState;
}

/** The filters in `params`; a value that is not one is left out. */
export function parseItemFilters(params: URLSearchParams): ItemFilters {
  const department = Number(params.get('department'));
  const state = params.get('state');
  return {
    ...(params.get('department') && Number.isSafeInteger(department) && department > 0 ? { department_id: department } : {}),
    ...(isCode(state, ITEM_STATES) ? { item_state: state } : {}),
  };
}

/** The search params that hold `filters` (undefined: the param goes). */
export function itemFilterParams(filters: ItemFilters): { department: string | undefined; state: string | undefined } {
  return { department: filters.department_id?.toString(), state: filters.item_state };
}

/**
 * The pages loaded so far as one run: the newest page's head (state,
 * version, actions, counts, ledger), every loaded item once, and the charges
 * once (each page repeats the caller's own).
 */
export function mergePages(pages: readonly [RunView, ...RunView[]]): RunView {
  const last = pages[pages.length - 1]!;
  if (pages.length === 1) return last;
  const items = new Map<number, ItemView>();
  const charges = new Map<string, ChargeView>();
  for (const page of pages) {
    for (const i of page.items) items.set(i.id, i);
    for (const c of page.charges) charges.set(JSON.stringify([c.user_id, c.item_id, c.kind, c.amount, c.sanction, c.sanction_count]), c);
  }
  return { ...last, items: [...items.values()], charges: [...charges.values()] };
}

/** The lists and the Excel files exist once the general manager approved the run. */
export function hasLists(state: RunState): boolean {
  return state === 'approved' || state === 'published';
}

/** The server's actions in the order of the buttons. */
export function ordered<T extends string>(available: readonly T[], order: readonly T[]): T[] {
  return order.filter((a) => available.includes(a));
}

/** "YYYY-MM" of the month before `today`'s (the month a run normally charges). */
export function lastMonth(today: Date = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Who bears an item: the person, else the team, else the department itself. */
export function partyOf(item: Pick<ItemView, 'person_name' | 'team_name' | 'department_name'>): string {
  return item.person_name ?? item.team_name ?? item.department_name;
}

/** The share items of the same case in this run: the ratios a settlement may change. */
export function caseShares(items: readonly ItemView[], item: ItemView): ItemView[] {
  return items.filter((i) => i.complaint_id === item.complaint_id && i.kind === 'share');
}

/**
 * Whether `shares` are every share of their case: a case's ratios add up to
 * 100, so less means some of them are filtered out or not loaded yet.
 */
export function isWholeCase(shares: readonly ItemView[]): boolean {
  return shares.reduce((acc, s) => acc + s.ratio_percent, 0) === 100;
}

/** A person's charges, in the order they first appear. */
export interface PersonCharges {
  user_id: number;
  display_name: string;
  department_name: string;
  charges: ChargeView[];
  total: string;
}

export function groupCharges(charges: readonly ChargeView[]): PersonCharges[] {
  const people = new Map<number, PersonCharges>();
  for (const c of charges) {
    const p = people.get(c.user_id) ?? { user_id: c.user_id, display_name: c.display_name, department_name: c.department_name, charges: [], total: '0.00' };
    p.charges.push(c);
    people.set(c.user_id, p);
  }
  return [...people.values()].map((p) => ({ ...p, total: sumMoney(p.charges.map((c) => c.amount)) }));
}

export const LEDGER_AMOUNTS = ['bonus', 'carried_in', 'charged', 'deducted', 'carried_on'] as const;
export type LedgerAmount = (typeof LEDGER_AMOUNTS)[number];

/** The ledger's column sums, exact. */
export function ledgerTotals(rows: readonly LedgerView[]): Record<LedgerAmount, string> {
  return Object.fromEntries(LEDGER_AMOUNTS.map((k) => [k, sumMoney(rows.map((r) => r[k]))])) as Record<LedgerAmount, string>;
}
