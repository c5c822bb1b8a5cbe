import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { todayInChina } from '../../../common/dates';
import type { Locale } from '../../../common/enums';
import { translate } from '../../../common/i18n/translate';
import { MemberCreate } from '../../../common/schemas/member';
import type { RosterImportResult, RosterProblem } from '../../../common/schemas/roster';
import { maskIdNumber, maskPhone } from '../../../common/validators';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { authorize } from '../../access/policy';
import { inSubtree } from '../../access/scope-sql';
import { recordDisclosure } from '../../db/audit-context';
import type { Db } from '../../db/open';
import { blindIndexes, withBlindIndexes } from '../../db/personal-data/sealed';
import { memberStatusHistory, members, orgs, partyGroups } from '../../db/schema/index';
import { AppError, ruleBroken } from '../../errors';
import { describeIssue } from '../../http/error-handler';
import {
  educationVocabulary,
  genderVocabulary,
  header,
  headerAliases,
  parseYesNo,
  postVocabulary,
  REQUIRED_FIELDS,
  ROSTER_FIELDS,
  type RosterField,
  statusVocabulary,
  yesNo,
} from './roster-columns';

export const MAX_ROSTER_MB = 5;
const MAX_ROWS = 5000;

function sheetFor(workbook: ExcelJS.Workbook, locale: Locale, withOrg: boolean) {
  const sheet = workbook.addWorksheet(translate(locale, 'server.rosterSheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const fields: (RosterField | 'org' | 'group')[] = [
    ...ROSTER_FIELDS,
    ...(withOrg ? (['org', 'group'] as const) : []),
  ];
  sheet.columns = fields.map((f) => ({
    header: header(locale, f),
    key: f,
    width: f === 'idNumber' ? 22 : f === 'currentLocation' || f === 'org' || f === 'posts' ? 24 : 14,
    // Text format keeps 18-digit ID numbers and phone numbers from turning into floats.
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

export async function rosterTemplate(locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = sheetFor(workbook, locale, false);
  sheet.addRow({
    name: locale === 'en' ? 'Zhang San' : '张三',
    gender: genderVocabulary.label(locale, 'male'),
    birthDate: '1985-06-01',
    ethnicity: locale === 'en' ? 'Han' : '汉族',
    education: educationVocabulary.label(locale, 'bachelor'),
    phone: '13800000000',
    idNumber: '',
    status: statusVocabulary.label(locale, 'full'),
    statusDate: '2010-07-01',
    posts: '',
    isMobile: yesNo(locale, false),
    currentLocation: '',
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportRoster(
  db: Db,
  actor: Actor,
  orgId: number,
  locale: Locale,
  now: Date,
  /** Phones and ID numbers in full, for this reason; masked without one. */
  fullFor?: string,
): Promise<{ name: string; file: Buffer }> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'member.read', org.path);
  const full = fullFor !== undefined;
  if (full) {
    authorize(actor, 'member.sensitive', org.path);
    await recordDisclosure(db, {
      table: 'members',
      rowId: null,
      orgPath: org.path,
      fields: ['phone', 'id_number'],
      reason: fullFor,
    });
  }
  const rows = await db
    .select({ member: members, orgName: orgs.name, groupName: partyGroups.name })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .leftJoin(partyGroups, eq(partyGroups.id, members.groupId))
    .where(inSubtree(orgs.path, org.path))
    .orderBy(orgs.path, members.id);
  const workbook = new ExcelJS.Workbook();
  const sheet = sheetFor(workbook, locale, true);
  for (const { member: m, orgName, groupName } of rows) {
    sheet.addRow({
      name: m.name,
      gender: genderVocabulary.label(locale, m.gender),
      birthDate: m.birthDate ?? '',
      ethnicity: m.ethnicity ?? '',
      education: m.education ? educationVocabulary.label(locale, m.education) : '',
      phone: (full ? m.phone : maskPhone(m.phone)) ?? '',
      idNumber: (full ? m.idNumber : maskIdNumber(m.idNumber)) ?? '',
      status: statusVocabulary.label(locale, m.status),
      statusDate: '',
      posts: m.posts.map((p) => postVocabulary.label(locale, p)).join('、'),
      isMobile: yesNo(locale, m.isMobile),
      currentLocation: m.currentLocation ?? '',
      org: orgName,
      group: groupName ?? '',
    });
  }
  return {
    name: `${org.name}-${todayInChina(now)}.xlsx`,
    file: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/** A cell as the text a person typed, whatever type Excel stored it as. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return String(v.result ?? '').trim();
    return '';
  }
  return String(v).trim();
}

const RosterRow = MemberCreate.omit({ orgId: true });

/**
 * Reads a roster into a branch. Every problem of every row is reported (row, column, what is
 * wrong) and then nothing is written; a clean file is written in one transaction.
 */
export async function importRoster(
  db: Db,
  actor: Actor,
  orgId: number,
  file: Buffer,
  locale: Locale,
  now: Date,
): Promise<RosterImportResult> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'member.write', org.path);
  if (org.level !== 'branch') throw ruleBroken('roster_not_branch', 'errors.roster.notBranch');

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'roster_bad_file', 'errors.roster.badFile', {}, 'file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(400, 'roster_bad_file', 'errors.roster.badFile', {}, 'file');

  const columnOf = new Map<RosterField, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell).toLowerCase();
    const field = ROSTER_FIELDS.find((f) => headerAliases(f).includes(text));
    if (field && !columnOf.has(field)) columnOf.set(field, col);
  });
  const problems: RosterProblem[] = [];
  for (const field of REQUIRED_FIELDS) {
    if (!columnOf.has(field)) {
      problems.push({
        row: 1,
        column: header(locale, field),
        message: translate(locale, 'errors.roster.missingColumn', { column: header(locale, field) }),
      });
    }
  }
  if (problems.length) throw rosterInvalid(problems);

  const parsed: { row: number; value: z.infer<typeof RosterRow> }[] = [];
  const seenIds = new Map<string, number>();
  const lastRow = Math.min(sheet.rowCount, MAX_ROWS + 1);
  for (let r = 2; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    const text = (f: RosterField) => (columnOf.has(f) ? cellText(row.getCell(columnOf.get(f)!)) : '');
    if (ROSTER_FIELDS.every((f) => text(f) === '')) continue;
    const problem = (field: RosterField, message: string) =>
      problems.push({ row: r, column: header(locale, field), message });
    const vocab = <T>(field: RosterField, parse: (s: string) => T | undefined): T | undefined | null => {
      const t = text(field);
      if (t === '') return null;
      const v = parse(t);
      if (v === undefined)
        problem(field, translate(locale, 'errors.validation.enum', { field: header(locale, field) }));
      return v;
    };
    const posts = text('posts')
      .split(/[,，、;；\s]+/)
      .filter(Boolean)
      .map((p) => {
        const v = postVocabulary.parse(p);
        if (!v)
          problem('posts', translate(locale, 'errors.validation.enum', { field: header(locale, 'posts') }));
        return v;
      })
      .filter((p) => p !== undefined);
    const candidate = {
      name: text('name'),
      gender: vocab('gender', genderVocabulary.parse) ?? undefined,
      birthDate: text('birthDate') || null,
      ethnicity: text('ethnicity') || null,
      education: vocab('education', educationVocabulary.parse),
      phone: text('phone') || null,
      idNumber: text('idNumber') || null,
      status: vocab('status', statusVocabulary.parse) ?? undefined,
      statusDate: text('statusDate') || undefined,
      posts,
      isMobile: vocab('isMobile', parseYesNo) ?? false,
      currentLocation: text('currentLocation') || null,
    };
    const result = RosterRow.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path[0] as RosterField;
        // Vocabulary cells already reported their own problem.
        if ((field === 'gender' || field === 'status') && text(field) !== '') continue;
        const label = header(locale, field);
        problem(field, describeIssue(locale, issue as never, label).message);
      }
      continue;
    }
    const id = result.data.idNumber;
    if (id) {
      const first = seenIds.get(id);
      if (first) problem('idNumber', translate(locale, 'errors.roster.duplicateInFile', { row: first }));
      else seenIds.set(id, r);
    }
    parsed.push({ row: r, value: result.data });
  }
  if (!parsed.length && !problems.length)
    throw new AppError(400, 'roster_empty', 'errors.roster.empty', {}, 'file');

  // ID numbers are sealed: the file's are looked up by their blind indexes.
  const byIndex = new Map([...seenIds.keys()].flatMap((id) => blindIndexes(id).map((index) => [index, id])));
  const existing = byIndex.size
    ? await db
        .select({ index: members.idNumberHmac })
        .from(members)
        .where(inArray(members.idNumberHmac, [...byIndex.keys()]))
    : [];
  for (const { index } of existing) {
    const idNumber = byIndex.get(index!)!;
    problems.push({
      row: seenIds.get(idNumber)!,
      column: header(locale, 'idNumber'),
      message: translate(locale, 'errors.member.duplicateIdNumber', { idNumber }),
    });
  }
  if (problems.length) throw rosterInvalid(problems.sort((a, b) => a.row - b.row));

  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(members)
      .values(parsed.map(({ value: { statusDate: _, ...m } }) => withBlindIndexes({ ...m, orgId })))
      .returning({ id: members.id });
    await tx.insert(memberStatusHistory).values(
      parsed.map(({ value }, i) => ({
        memberId: inserted[i]!.id,
        status: value.status,
        date: value.statusDate ?? todayInChina(now),
        note: translate(locale, 'server.rosterImportNote'),
        recordedBy: actor.userId,
      })),
    );
  });
  return { imported: parsed.length, problems: [] };
}

function rosterInvalid(problems: RosterProblem[]) {
  return new AppError(
    422,
    'roster_invalid',
    'errors.roster.hasProblems',
    { count: problems.length },
    'file',
    { problems },
  );
}
