import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idCheckDigit } from '../../../common/validators';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';

const { as, db } = await testApp();
const fx = await tinyCounty(db);
const secretary = await as('secretary1');
const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

async function readSheet(buffer: Buffer | Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) =>
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
    ),
  );
  return { name: sheet.name, rows };
}

async function workbook(rows: (string | number | Date | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('花名册');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const id = (birth: string, seq: string) => `110101${birth}${seq}${idCheckDigit(`110101${birth}${seq}`)}`;
const memberCount = async () =>
  (await secretary.get(`/api/v1/members?orgId=${fx.b1.id}`)).json().total as number;

describe('roster export', () => {
  it('exports the branch masked, and in full only for a stated reason that the audit log keeps', async () => {
    const res = await secretary.get(`/api/v1/orgs/${fx.b1.id}/members.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const { name, rows } = await readSheet(res.rawPayload);
    expect(name).toBe('党员花名册');
    expect(rows[0]!.slice(0, 3)).toEqual(['姓名', '性别', '出生日期']);
    expect(rows.length - 1).toBe(await memberCount());
    const secretaryRecord = (await secretary.get(`/api/v1/members/${fx.secretary1Id}`)).json();
    const masked = rows.find((r) => r[0] === secretaryRecord.name);
    expect(masked![5]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(masked![7]).toBe('正式党员');
    expect(masked![9]).toContain('书记');

    const noReason = await secretary.get(`/api/v1/orgs/${fx.b1.id}/members.xlsx?full=true`);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const full = await secretary.get(
      `/api/v1/orgs/${fx.b1.id}/members.xlsx?full=true&reason=${encodeURIComponent('换届选举报送名册')}`,
    );
    expect(full.statusCode).toBe(200);
    const fullRows = (await readSheet(full.rawPayload)).rows;
    expect(fullRows.find((r) => r[0] === secretaryRecord.name)![5]).toBe(secretaryRecord.phone);
    const [logged] = (await (await as('county')).get('/api/v1/audit?object=members')).json().items;
    expect(logged).toMatchObject({
      username: 'secretary1',
      op: 'read',
      route: 'GET /api/v1/orgs/:id/members.xlsx',
      after: { fields: ['phone', 'id_number'], reason: '换届选举报送名册' },
    });
  });

  it('exports a township subtree for its supervisor, in English when asked', async () => {
    const township = await as('township1');
    await township.put('/api/v1/me/locale', { locale: 'en' });
    const res = await township.get(`/api/v1/orgs/${fx.t1.id}/members.xlsx`);
    const { rows } = await readSheet(res.rawPayload);
    expect(rows[0]![0]).toBe('Name');
    const total = (await township.get(`/api/v1/members?orgId=${fx.t1.id}`)).json().total;
    expect(rows.length - 1).toBe(total);
    const orgColumn = rows[0]!.indexOf('Organization');
    expect(new Set(rows.slice(1).map((r) => r[orgColumn])).size).toBeGreaterThan(1);
  });
});

describe('roster import', () => {
  it('serves a template whose header the import accepts', async () => {
    const res = await secretary.get('/api/v1/roster/template.xlsx');
    const { rows } = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual([
      '姓名',
      '性别',
      '出生日期',
      '民族',
      '学历',
      '手机号',
      '身份证号',
      '发展阶段',
      '阶段日期',
      '党内职务',
      '流动党员',
      '现所在地',
    ]);
    expect(rows).toHaveLength(2);
  });

  it('imports a clean roster, labels in either language, with each status step dated', async () => {
    const before = await memberCount();
    const file = await workbook([
      [
        '姓名',
        '性别',
        '出生日期',
        '民族',
        '学历',
        '手机号',
        '身份证号',
        '发展阶段',
        '阶段日期',
        '党内职务',
        '流动党员',
        '现所在地',
      ],
      [
        '导入甲',
        '男',
        '1975-03-04',
        '汉族',
        '高中',
        '13700001111',
        id('19750304', '011'),
        '正式党员',
        '2001-07-01',
        '组织委员',
        '否',
        '',
      ],
      [
        '导入乙',
        'Female',
        new Date(Date.UTC(1992, 10, 2)),
        '藏族',
        'Bachelor',
        '',
        '',
        'Probationary member',
        '2026-05-01',
        '',
        '是',
        '昆明市',
      ],
      [null, null, null, null, null, null, null, null, null, null, null, null],
      ['导入丙', 'male', '', '', '', '', '', 'applicant', '', '', '', ''],
    ]);
    const res = await secretary.post(`/api/v1/orgs/${fx.b1.id}/members/import`, file, XLSX);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 3, problems: [] });
    expect(await memberCount()).toBe(before + 3);
    const found = (
      await secretary.get(`/api/v1/members?orgId=${fx.b1.id}&q=${encodeURIComponent('导入乙')}`)
    ).json().items[0];
    const detail = (await secretary.get(`/api/v1/members/${found.id}`)).json();
    expect(detail).toMatchObject({
      gender: 'female',
      birthDate: '1992-11-02',
      education: 'bachelor',
      status: 'probationary',
      isMobile: true,
      currentLocation: '昆明市',
    });
    expect(detail.history).toEqual([{ status: 'probationary', date: '2026-05-01', note: '由花名册导入' }]);
  });

  it('reports every problem by row and column and imports nothing from a file with errors', async () => {
    const before = await memberCount();
    const file = await workbook([
      ['姓名', '性别', '身份证号', '手机号', '发展阶段', '出生日期'],
      ['好行', '男', id('19800101', '021'), '13700002222', '正式党员', '1980-01-01'],
      ['', '女', '', '', '正式党员', ''],
      ['坏行', '男', '110101198001011234', '123', '领导', '1980-13-01'],
      ['重复', '男', id('19800101', '021'), '', '正式党员', ''],
    ]);
    const res = await secretary.post(`/api/v1/orgs/${fx.b1.id}/members/import`, file, XLSX);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error).toMatchObject({ code: 'roster_invalid' });
    expect(body.error.message).toMatch(/^花名册有 \d+ 处问题，未导入任何数据$/);
    const at = (row: number, column: string) =>
      body.problems.find((p: { row: number; column: string }) => p.row === row && p.column === column);
    expect(at(3, '姓名').message).toBe('姓名：必填');
    expect(at(4, '身份证号').message).toContain('身份证号不正确');
    expect(at(4, '手机号')).toBeDefined();
    expect(at(4, '发展阶段').message).toBe('发展阶段：取值不在允许范围内');
    expect(at(4, '出生日期')).toBeDefined();
    expect(at(5, '身份证号').message).toBe('与第 2 行身份证号重复');
    expect(body.problems.some((p: { row: number }) => p.row === 2)).toBe(false);
    expect(await memberCount()).toBe(before);
  });

  it('reports an ID number that is already registered', async () => {
    const existing = await fx.memberIn(fx.b1.id);
    const file = await workbook([
      ['姓名', '性别', '发展阶段', '身份证号'],
      ['某人', '男', '正式党员', existing.idNumber],
    ]);
    const res = await secretary.post(`/api/v1/orgs/${fx.b1.id}/members/import`, file, XLSX);
    expect(res.json().problems).toEqual([
      { row: 2, column: '身份证号', message: `身份证号 ${existing.idNumber} 已登记` },
    ]);
  });

  it('names a missing required column', async () => {
    const file = await workbook([
      ['姓名', '性别'],
      ['某人', '男'],
    ]);
    const res = await secretary.post(`/api/v1/orgs/${fx.b1.id}/members/import`, file, XLSX);
    expect(res.json().problems).toEqual([{ row: 1, column: '发展阶段', message: '缺少必填列“发展阶段”' }]);
  });

  it('refuses a file that is not a workbook, and one of another type', async () => {
    const bad = await secretary.post(
      `/api/v1/orgs/${fx.b1.id}/members/import`,
      Buffer.from('name,gender\n'),
      XLSX,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'roster_bad_file', field: 'file' });
    const csv = await secretary.post(`/api/v1/orgs/${fx.b1.id}/members/import`, Buffer.from('a'), {
      'content-type': 'text/csv',
    });
    expect(csv.statusCode).toBe(415);
  });

  it('imports into branches only', async () => {
    const county = await as('county');
    const file = await workbook([
      ['姓名', '性别', '发展阶段'],
      ['某人', '男', '正式党员'],
    ]);
    const res = await county.post(`/api/v1/orgs/${fx.t1.id}/members/import`, file, XLSX);
    expect(res.json().error.code).toBe('roster_not_branch');
  });
});
