/**
 * The server's field messages on an antd form: each at its field where the
 * form has one, the rest returned as lines for the form's alert, so none is lost.
 */
import type { FormInstance } from 'antd';
import { toAntdFields } from '../api/problem';

/** `contacts[0].name` -> `contacts`: the form field a server path belongs to. */
export function topField(path: string): string {
  return path.split(/[.[]/)[0] ?? path;
}

export interface Placement {
  /** Whether the form shows this server field. */
  isPlaced: (field: string) => boolean;
  /** How the alert names a field the form does not show. */
  label: (field: string) => string;
  /** The form's name for a server field, when it differs (default: the same). */
  fieldName?: (field: string) => string;
}

/** Sets the placed messages on their fields and returns the others as "label: message" lines. */
export function placeFieldErrors<V>(form: FormInstance<V>, fieldErrors: Record<string, string>, placement: Placement): string[] {
  const { isPlaced, label, fieldName = (f: string) => f } = placement;
  const placed: Record<string, string> = {};
  const rest: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (isPlaced(field)) {
      const name = fieldName(field);
      placed[name] = placed[name] ? `${placed[name]}; ${message}` : message;
    } else rest.push(`${label(field)}: ${message}`);
  }
  form.setFields(toAntdFields<V>(placed));
  return rest;
}
