/**
 * Role groups more than one feature asks about. The server decides again;
 * these only choose what the screens offer.
 */
import type { Role } from '../api/types';

/** Role::is_sales on the server: these own customers, register them and raise return applications. */
export const SALES_ROLES: readonly Role[] = ['sales', 'sales_supervisor', 'sales_manager'];

export function hasAny(roles: readonly Role[] | undefined, allowed: readonly Role[]): boolean {
  return !!roles?.some((r) => allowed.includes(r));
}

export function isSales(roles: readonly Role[] | undefined): boolean {
  return hasAny(roles, SALES_ROLES);
}

/** Who reads the complaint amounts kept out of the collection-rate bonus (a sales manager his department's). */
export const COLLECTION_EXCLUSION_ROLES: readonly Role[] = ['finance', 'deputy_gm', 'gm', 'integration', 'sales_manager'];

/**
 * Who reads other people's pay basis (人员基点): HR, finance, the coordinator and
 * the executives everyone's, a department head his department's. The nav
 * shows the page to them; anyone else may still open it for his own.
 */
export const PAY_BASIS_READER_ROLES: readonly Role[] = [
  'hr',
  'finance',
  'coordinator',
  'gm',
  'deputy_gm',
  'sales_manager',
  'sales_supervisor',
  'qa_manager',
  'production_manager',
  'marketing_manager',
];

/** Who keeps the production teams (班组): HR and the administrator. */
export const TEAM_KEEPER_ROLES: readonly Role[] = ['hr', 'admin'];
