/**
 * antd Form helper: the leaf field paths of an `onValuesChange` payload, so a
 * server error set on a field can be cleared as soon as the user edits it.
 * `{ lines: [undefined, { amount: '1' }] }` -> `[['lines', 1, 'amount']]`.
 */
export type FieldPath = (string | number)[];

export function changedPaths(changed: unknown, prefix: FieldPath = []): FieldPath[] {
  // A Form.List holds objects (unchanged rows are undefined); an array of
  // plain values (checkbox group, multi-select) is one field's value.
  if (Array.isArray(changed) && changed.every((item) => item === undefined || isRow(item))) {
    const out: FieldPath[] = [];
    changed.forEach((item, index) => {
      if (item !== undefined) out.push(...changedPaths(item, [...prefix, index]));
    });
    return out.length ? out : [prefix];
  }
  if (changed !== null && typeof changed === 'object' && !isValueObject(changed)) {
    const out: FieldPath[] = [];
    for (const [key, value] of Object.entries(changed)) out.push(...changedPaths(value, [...prefix, key]));
    return out.length ? out : [prefix];
  }
  return prefix.length ? [prefix] : [];
}

function isRow(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isValueObject(value);
}

/** dayjs values (and other class instances) are field values, not nested fields. */
function isValueObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto !== Object.prototype && proto !== null;
}

/** Paths plus their ancestors (a list's own error sits on the list's path). */
export function withAncestors(paths: FieldPath[]): FieldPath[] {
  const seen = new Set<string>();
  const out: FieldPath[] = [];
  for (const path of paths) {
    for (let n = 1; n <= path.length; n++) {
      const p = path.slice(0, n);
      const key = JSON.stringify(p);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(p);
      }
    }
  }
  return out;
}
