/** RFC 4180 CSV: every field quoted when it holds a comma, quote or line break. */
export function csvRow(fields: (string | number | null)[]): string {
  return fields
    .map((field) => {
      const text = field === null ? "" : String(field);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(",");
}
