/** One row of the import's error table. */
export interface ImportRowError {
  key: string;
  /** The sheet's row number (as the server counts it), or null for a file-level error. */
  row: number | null;
  field: string;
  message: string;
}

/** `rows[3].tax_id` → row 3, field tax_id; anything else is about the file as a whole. */
export function importRowErrors(fieldErrors: Record<string, string>): ImportRowError[] {
  return Object.entries(fieldErrors)
    .map(([path, message]) => {
      const m = /^rows\[(\d+)\]\.(.+)$/.exec(path);
      return m ? { key: path, row: Number(m[1]), field: m[2] ?? '', message } : { key: path, row: null, field: path, message };
    })
    .sort((a, b) => (a.row ?? -1) - (b.row ?? -1) || a.field.localeCompare(b.field));
}
