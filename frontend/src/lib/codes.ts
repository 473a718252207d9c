/**
 * Lists of the server's codes (the enum schemas in schema.gen.ts) that the UI
 * shows in its own order. Checked against the generated union, so a code the
 * server adds or drops fails the typecheck here instead of going missing from
 * a select.
 */

/** The union's members the list leaves out; `never` when it has them all. */
export type MissingCodes<U, L extends readonly unknown[]> = Exclude<U, L[number]>;

type AllOf<U, L extends readonly unknown[]> = [MissingCodes<U, L>] extends [never] ? L : { missing: MissingCodes<U, L> };

/**
 * Every member of union `U`, in the order given:
 * `everyCode<Schemas['Severity']>()(['severe', 'general', 'incidental'])`.
 * Curried so that `U` is named while the list's literal type is inferred; a
 * member left out shows in the error as `missing`.
 */
export function everyCode<U extends string>() {
  return <const L extends readonly U[]>(list: L & AllOf<U, L>): L => list;
}

/** Whether `value` is one of `codes` (narrows a string from a URL or a form). */
export function isCode<T extends string>(value: unknown, codes: readonly T[]): value is T {
  return typeof value === 'string' && (codes as readonly string[]).includes(value);
}
