import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { chinaDateTime } from '../../../common/dates';
import type { Locale } from '../../../common/enums';
import { translate } from '../../../common/i18n/translate';
import type { LedgerVerification } from '../../../common/schemas/ledger';
import type { Actor } from '../../access/actor';
import type { Db } from '../../db/open';
import { FONT, FONT_BOLD } from '../../exports/cjk-font';
import type { Storage } from '../../storage/local';
import { ledgerForExport, verifyLedger } from './ledger.service';

const t = (locale: Locale, key: string, params?: Record<string, string | number>) =>
  translate(locale, `server.ledger.${key}`, params);
const label = (locale: Locale, ns: string, key: string | null) =>
  key ? translate(locale, `enums.${ns}.${key}`) : '';
const pct = (rate: number | null) => (rate === null ? '' : `${Math.round(rate * 100)}%`);
const yesNo = (locale: Locale, v: boolean) => t(locale, v ? 'yes' : 'no');
const plain = (html: string | null) =>
  (html ?? '')
    .replace(/<\/(p|li|h3|h4|blockquote)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** The branch's year as a workbook: one row per activity, and a sheet of who attended each. */
export async function ledgerWorkbook(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  locale: Locale,
  now: Date,
) {
  const { ledger, attendance } = await ledgerForExport(db, actor, orgId, year, now, 0);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(t(locale, 'sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols = [
    'date',
    'type',
    'theme',
    'venue',
    'activity',
    'members',
    'present',
    'leave',
    'absent',
    'masses',
    'rate',
    'materials',
    'attendance',
    'records',
    'complete',
    'shortReason',
    'lateEdits',
  ];
  sheet.columns = cols.map((c) => ({
    header: t(locale, c),
    key: c,
    width: c === 'activity' ? 36 : c === 'venue' || c === 'shortReason' ? 20 : 10,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of ledger.rows) {
    sheet.addRow({
      date: r.date,
      type: label(locale, 'activityType', r.type),
      theme: label(locale, 'theme', r.theme),
      venue: r.venueName ?? '',
      activity: r.title,
      members: r.counts.members,
      present: r.counts.present,
      leave: r.counts.leave,
      absent: r.counts.absent,
      masses: r.counts.masses,
      rate: pct(r.counts.rate),
      materials: yesNo(locale, r.completeness.materials),
      attendance: yesNo(locale, r.completeness.attendance),
      records: yesNo(locale, r.completeness.records),
      complete: yesNo(locale, r.complete),
      shortReason: r.shortReason ?? '',
      lateEdits: r.lateEdits,
    });
  }
  const att = wb.addWorksheet(t(locale, 'attendanceSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  att.columns = ['date', 'activity', 'member', 'status', 'method', 'time', 'position'].map((c) => ({
    header: t(locale, c),
    key: c,
    width: c === 'activity' ? 36 : 14,
  }));
  att.getRow(1).font = { bold: true };
  for (const r of ledger.rows) {
    const list = attendance.get(r.activityId)!;
    for (const m of list.members) {
      att.addRow({
        date: r.date,
        activity: r.title,
        member: m.name,
        status: translate(locale, `server.attendanceStatus.${m.status}`),
        method: m.method ? translate(locale, `server.method.${m.method}`) : '',
        time: m.checkedInAt ? chinaDateTime(new Date(m.checkedInAt)).slice(11) : '',
        position: m.noPosition ? t(locale, 'noPosition') : '',
      });
    }
    for (const g of list.guests)
      att.addRow({ date: r.date, activity: r.title, member: g.name, status: t(locale, 'masses') });
  }
  return { name: `${ledger.orgName}-${year}.xlsx`, file: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** The printable ledger: every activity with its figures, minutes and photo thumbnails. */
export async function ledgerPdf(
  db: Db,
  storage: Storage,
  actor: Actor,
  orgId: number,
  year: number,
  locale: Locale,
  now: Date,
) {
  const { ledger, rows, attendance, thumbnails } = await ledgerForExport(db, actor, orgId, year, now, 4);
  const verification: LedgerVerification = await verifyLedger(db, actor, orgId, now);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: t(locale, 'title', { org: ledger.orgName, year }) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(chunks))));
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);

  doc
    .font('bold')
    .fontSize(16)
    .text(t(locale, 'title', { org: ledger.orgName, year }), { align: 'center' });
  const chain = verification.intact
    ? t(locale, 'intact')
    : t(locale, 'broken', { seq: verification.brokenAt?.seq ?? 0 });
  doc
    .moveDown(0.3)
    .font('body')
    .fontSize(9)
    .fillColor('#555')
    .text(t(locale, 'generated', { time: chinaDateTime(now), chain }), { align: 'center' });
  doc.fillColor('black').moveDown();

  for (const r of rows) {
    if (doc.y > 680) doc.addPage();
    doc.font('bold').fontSize(12).text(`${r.date}  ${r.title}`);
    doc.font('body').fontSize(9);
    doc.text(
      [
        `${t(locale, 'type')}：${label(locale, 'activityType', r.type)}`,
        r.theme ? `${t(locale, 'theme')}：${label(locale, 'theme', r.theme)}` : '',
        `${t(locale, 'venue')}：${r.venueName ?? '—'}`,
      ]
        .filter(Boolean)
        .join('    '),
    );
    const { noPosition } = attendance.get(r.activityId)!;
    doc.text(
      `${t(locale, 'members')} ${r.counts.members}  ${t(locale, 'present')} ${r.counts.present}  ${t(locale, 'leave')} ${r.counts.leave}  ${t(locale, 'absent')} ${r.counts.absent}  ${t(locale, 'masses')} ${r.counts.masses}  ${t(locale, 'rate')} ${pct(r.counts.rate)}${noPosition ? `  ${t(locale, 'noPosition')} ${noPosition}` : ''}`,
    );
    doc.text(
      `${t(locale, 'materials')}：${yesNo(locale, r.completeness.materials)}  ${t(locale, 'attendance')}：${yesNo(locale, r.completeness.attendance)}  ${t(locale, 'records')}：${yesNo(locale, r.completeness.records)}${r.shortReason ? `    ${t(locale, 'shortReason')}：${r.shortReason}` : ''}`,
    );
    doc
      .moveDown(0.3)
      .font('bold')
      .text(`${t(locale, 'minutes')}`);
    doc.font('body').text(plain(r.minutesHtml) || t(locale, 'none'));
    if (r.decisions)
      doc.moveDown(0.2).font('bold').text(t(locale, 'decisions')).font('body').text(r.decisions);
    const photos = thumbnails.get(r.activityId)!;
    if (photos.length) {
      if (doc.y > 640) doc.addPage();
      const top = doc.y + 4;
      let x = doc.page.margins.left;
      for (const thumbPath of photos) {
        const image = await storage.read(thumbPath).catch(() => null);
        if (image) doc.image(image, x, top, { fit: [115, 86] });
        x += 124;
      }
      doc.y = top + 92;
      doc.x = doc.page.margins.left;
    }
    doc.moveDown(0.8);
  }
  doc.end();
  return { name: `${ledger.orgName}-${year}.pdf`, file: await done };
}
