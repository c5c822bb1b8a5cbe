import ExcelJS from 'exceljs';
import { type Locale, SCORE_ITEMS } from '../../../common/enums';
import { translate } from '../../../common/i18n/translate';
import type { Ranking } from '../../../common/schemas/ranking';
import { scoreLines } from '../../../common/scoring';

const t = (locale: Locale, key: string, params?: Record<string, string | number>) =>
  translate(locale, `server.ranking.${key}`, params);

/** The ranking as a sheet: rank, branch and score, then each item's value and the points it gave. */
export async function rankingWorkbook(ranking: Ranking, locale: Locale) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(t(locale, 'sheet'), { views: [{ state: 'frozen', ySplit: 2, xSplit: 3 }] });
  sheet.addRow([t(locale, 'title', { org: ranking.orgName, from: ranking.from, to: ranking.to })]);
  const itemLabel = (i: string) => translate(locale, `enums.scoreItem.${i}`);
  sheet.addRow([
    t(locale, 'rank'),
    t(locale, 'branch'),
    t(locale, 'score'),
    t(locale, 'parent'),
    ...SCORE_ITEMS.flatMap((i) => [
      `${itemLabel(i)} ${t(locale, 'value')}`,
      `${itemLabel(i)} ${t(locale, 'points', { weight: ranking.weights[i] })}`,
    ]),
  ]);
  sheet.getRow(2).font = { bold: true };
  for (const r of ranking.rows) {
    sheet.addRow([
      r.rank,
      r.orgName,
      r.score,
      r.parentName ?? '',
      ...scoreLines(r.values, ranking.weights).flatMap((l) => [
        l.value === null ? t(locale, 'notApplicable') : Math.round(l.value * 1000) / 10,
        l.points,
      ]),
    ]);
  }
  sheet.columns.forEach((c, i) => {
    c.width = i === 1 || i === 3 ? 24 : 12;
  });
  return {
    name: `${ranking.orgName}-${ranking.from}-${ranking.to}.xlsx`,
    file: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
