/**
 * What a drawer's form shows when its action fails: the server's field
 * messages at their fields, one alert for the rest, and the statuses the page
 * handles itself (409: the record moved on; 412: someone changed it).
 */
import type { FormInstance } from 'antd';
import { ApiError, problemToFormErrors, type Translate } from '../../api/problem';
import { placeFieldErrors, topField } from '../../lib/form-errors';

export interface DrawerProblem {
  message: string;
  details?: string[];
  /** A warning, not an error: the record changed (412) or moved on. */
  stale?: boolean;
}

export interface ActionOutcome {
  /** 409: the record moved on; the page explains (the server's words in `detail`) and refreshes. */
  onConflict: (message: string, detail?: string) => void;
  /** 412: someone changed the record; the page refetches it, the drawer stays open. */
  onStale: () => void;
}

export interface FailureRules {
  /** The server's names of the fields the form shows (before any `.` or `[`); default: the form's own fields. */
  fields?: readonly string[];
  /** The form's name for a server field, when it differs. */
  fieldName?: (field: string) => string;
  /** How the alert names a field the form does not show (default: as the server names it). */
  fieldLabel?: (field: string) => string;
  /** With it, a 409 goes to the page (the drawer shows nothing) and a 412 makes the page refetch. */
  outcome?: ActionOutcome;
  /** The drawer's own words for some statuses, e.g. `{ 412: t('customers.stale') }`; else the server's. */
  messages?: Partial<Record<number, string>>;
  /** Statuses shown as a warning rather than an error (default: 412). */
  warn?: readonly number[];
}

/** A failed action in a drawer: the problem to show in it, or null when the page took over (409). */
export function drawerProblem<V>(failure: unknown, t: Translate, form: FormInstance<V>, rules: FailureRules = {}): DrawerProblem | null {
  const { outcome, fieldName = (f: string) => f, fieldLabel = (f: string) => f, messages = {}, warn = [412] } = rules;
  const p = problemToFormErrors(failure, t);
  if (outcome && p.status === 409) {
    outcome.onConflict(p.message, failure instanceof ApiError ? (failure.problem?.detail ?? undefined) : undefined);
    return null;
  }
  if (outcome && p.status === 412) outcome.onStale();
  const fields: readonly string[] = rules.fields ?? Object.keys(form.getFieldsValue() ?? {});
  const details = placeFieldErrors(form, p.fieldErrors, {
    isPlaced: (f) => fields.includes(topField(fieldName(f))),
    label: fieldLabel,
    fieldName,
  });
  const status = p.status ?? 0;
  return { message: messages[status] ?? p.message, details, stale: warn.includes(status) };
}
