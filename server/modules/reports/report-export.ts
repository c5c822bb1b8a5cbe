import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { chinaDateTime } from '../../../common/dates';
import { type Locale, REPORT_SECTIONS } from '../../../common/enums';
import { translate } from '../../../common/i18n/translate';
import type { AnnualReport } from '../../../common/schemas/report';
import { FONT, FONT_BOLD } from '../../exports/cjk-font';

const t = (locale: Locale, key: string, params?: Record<string, string | number>) =>
  translate(locale, `server.report.${key}`, params);

const title = (locale: Locale, r: AnnualReport) => t(locale, 'title', { org: r.orgName, year: r.year });
const status = (locale: Locale, r: AnnualReport) =>
  r.submittedAt
    ? t(locale, 'submittedAt', { time: chinaDateTime(new Date(r.submittedAt)) })
    : t(locale, 'draftStatus');
const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

export async function reportPdf(r: AnnualReport, locale: Locale) {
  const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: title(locale, r) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('bold').fontSize(16).text(title(locale, r), { align: 'center' });
  doc.moveDown(0.3).font('body').fontSize(9).fillColor('#555').text(status(locale, r), { align: 'center' });
  doc.fillColor('black').moveDown();
  for (const s of REPORT_SECTIONS) {
    const body = paragraphs(r.sections[s] ?? '');
    if (!body.length) continue;
    doc
      .font('bold')
      .fontSize(12)
      .text(t(locale, `heading.${s}`))
      .moveDown(0.2);
    doc.font('body').fontSize(11);
    for (const p of body) doc.text(p, { indent: 22, lineGap: 3 }).moveDown(0.3);
    doc.moveDown(0.5);
  }
  doc.end();
  return { name: `${title(locale, r)}.pdf`, file: await done };
}

export async function reportDocx(r: AnnualReport, locale: Locale) {
  const font = { ascii: 'SimSun', eastAsia: 'SimSun', hAnsi: 'SimSun' };
  const doc = new Document({
    creator: 'Vanguard',
    title: title(locale, r),
    styles: { default: { document: { run: { font, size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(title(locale, r))],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: status(locale, r), size: 18, color: '555555' })],
          }),
          ...REPORT_SECTIONS.flatMap((s) => {
            const body = paragraphs(r.sections[s] ?? '');
            if (!body.length) return [];
            return [
              new Paragraph({
                heading: HeadingLevel.HEADING_1,
                children: [new TextRun(t(locale, `heading.${s}`))],
              }),
              ...body.map((p) => new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(p)] })),
            ];
          }),
        ],
      },
    ],
  });
  return { name: `${title(locale, r)}.docx`, file: await Packer.toBuffer(doc) };
}
