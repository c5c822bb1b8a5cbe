import ExcelJS from 'exceljs';
import type { Locale } from '../../../common/enums';
import { translate } from '../../../common/i18n/translate';
import type { Figures, OrgStats } from '../../../common/schemas/stats';

const t = (locale: Locale, key: string, params?: Record<string, string | number>) =>
  translate(locale, `server.stats.${key}`, params);
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

const COLUMNS = [
  'org',
  'branches',
  'activities',
  'memberTimes',
  'memberPeople',
  'massesTimes',
  'massesPeople',
  'due',
  'held',
  'onFixedDay',
  'withPlan',
  'attendanceRate',
  'ledgerRate',
  'openRectifications',
  'overdueRectifications',
] as const;

function row(name: string, branches: number, f: Figures, exempt: string) {
  return [
    name,
    branches,
    f.activities,
    f.memberTimes,
    f.memberPeople,
    f.massesTimes,
    f.massesPeople,
    exempt || f.compliance.due,
    exempt || f.compliance.held,
    exempt || f.compliance.onFixedDay,
    exempt || f.compliance.withPlan,
    pct(f.attendanceRate),
    pct(f.ledgerRate),
    f.openRectifications,
    f.overdueRectifications,
  ];
}

/** The dashboard's table of child orgs, with the subtree's total as the last row. */
export async function statsWorkbook(stats: OrgStats, locale: Locale) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(t(locale, 'sheet'), { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([t(locale, 'title', { org: stats.org.name, from: stats.period.from, to: stats.period.to })]);
  sheet.addRow(COLUMNS.map((c) => t(locale, `col.${c}`)));
  sheet.getRow(2).font = { bold: true };
  for (const c of stats.children) {
    const exempt =
      c.figures.compliance.due === 0 && c.figures.compliance.exemptBranches > 0 ? t(locale, 'exempt') : '';
    sheet.addRow(row(c.org.name, c.branches, c.figures, exempt));
  }
  const totalRow = sheet.addRow(row(t(locale, 'total'), stats.orgCounts.branches, stats.figures, ''));
  totalRow.font = { bold: true };
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 28 : 12;
  });
  return {
    name: `${stats.org.name}-${stats.period.from}-${stats.period.to}.xlsx`,
    file: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
