import ExcelJS from 'exceljs';
import type { Locale } from '../../../common/enums';
import { translate } from '../../../common/i18n/translate';
import { type AuditEntry, MASKED } from '../../../common/schemas/audit';

const t = (locale: Locale, key: string, params?: Record<string, string | number>) =>
  translate(locale, `server.audit.${key}`, params);

const COLUMNS = ['at', 'person', 'ip', 'route', 'object', 'objectId', 'op', 'changes'] as const;

/** One line per changed field: `field: before → after`; masked fields say only that they changed. */
export function changeLines(locale: Locale, entry: AuditEntry): string {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  const value = (v: unknown) =>
    v === MASKED
      ? t(locale, 'masked')
      : v === null || v === undefined
        ? '—'
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  return keys
    .map((key) => {
      const before = entry.before ? value(entry.before[key]) : null;
      const after = entry.after ? value(entry.after[key]) : null;
      return `${key}: ${[before, after].filter((v) => v !== null).join(' → ')}`;
    })
    .join('\n');
}

/** China wall-clock time, as the rest of the workbooks show it. */
const chinaTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

export async function auditWorkbook(
  items: AuditEntry[],
  total: number,
  locale: Locale,
): Promise<{ name: string; file: Buffer }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t(locale, 'sheet'));
  sheet.columns = COLUMNS.map((key) => ({
    header: t(locale, key),
    key,
    width: key === 'changes' ? 60 : key === 'route' ? 36 : 18,
  }));
  for (const entry of items)
    sheet.addRow({
      at: chinaTime(entry.at),
      person: entry.username ?? '',
      ip: entry.ip ?? '',
      route: entry.route ?? '',
      object: translate(locale, `enums.auditObject.${entry.object}`),
      objectId: entry.objectId ?? '',
      op: translate(locale, `enums.auditOp.${entry.op}`),
      changes: changeLines(locale, entry),
    });
  if (total > items.length) sheet.addRow({ at: t(locale, 'more', { shown: items.length, total }) });
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn('changes').alignment = { wrapText: true, vertical: 'top' };
  return { name: t(locale, 'file'), file: Buffer.from(await book.xlsx.writeBuffer()) };
}
