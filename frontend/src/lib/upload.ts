/** A picked spreadsheet sent as an import's raw request body. */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What an import's file picker accepts. */
export const SHEET_ACCEPT = `.csv,.xlsx,text/csv,${XLSX_TYPE}`;

/** The file's content type as the import endpoints want it. */
export function importType(file: File): string {
  return /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv';
}

/** A picked file's content (FileReader: in every browser, and in the test DOM). */
export function readFile(file: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsArrayBuffer(file);
  });
}
