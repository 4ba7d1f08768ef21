/**
 * CSV for the audit export (RFC 4180: every cell quoted, quotes doubled, CRLF line ends). Cells that a spreadsheet
 * would run as a formula (starting with = + - @, or a tab or carriage return) get a leading apostrophe, so an
 * attacker-chosen value in the log (an email typed at sign-in, say) cannot become a formula on an admin's machine.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : typeof value === "string" ? value : JSON.stringify(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
