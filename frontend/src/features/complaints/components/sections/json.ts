/**
 * The case's recorded bodies (investigation, countermeasure, outcome,
 * containment) are free-form objects in openapi.json; read them defensively.
 */
export type Json = Record<string, unknown>;

export function asObject(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

export function str(o: Json | null, key: string): string | null {
  const v = o?.[key];
  return typeof v === 'string' && v.trim() ? v : null;
}

export function bool(o: Json | null, key: string): boolean | null {
  const v = o?.[key];
  return typeof v === 'boolean' ? v : null;
}

export function strings(o: Json | null, key: string): string[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
