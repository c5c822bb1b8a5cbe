import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AUDITED_OBJECTS } from '../../../common/schemas/audit';
import { lectureAhead } from '../../test/activities';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { daysFromToday } from '../../test/test-clock';

// The test robot listens on this machine: allowed here as an operator would allow a self-hosted one.
const { as, secretaryOf, db, pool, clock } = await testApp({ webhookHosts: ['127.0.0.1'] });
const fx = await tinyCounty(db);
const secretary = await as('secretary1');
const county = await as('county');
const township = await as('township1');
const today = daysFromToday(clock, 0);

type Entry = {
  username: string | null;
  ip: string | null;
  route: string;
  object: string;
  objectId: string;
  op: string;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};
const entries = async (query: string, client = county): Promise<Entry[]> => {
  const res = await client.get(`/api/v1/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const rowCount = async () =>
  (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`)).rows[0]!.n;

describe('the audit log', () => {
  it('records who changed a member’s phone and ID number, when, from where, with both masked', async () => {
    clock.set(`${today}T10:15:00+08:00`);
    const member = await fx.memberIn(fx.b1.id);
    const res = await secretary.patch(`/api/v1/members/${member.id}`, {
      phone: '13912345678',
      idNumber: '11010519491231002X',
    });
    expect(res.statusCode, res.body).toBe(200);
    clock.reset();
    const [entry] = await entries(`object=members&objectId=${member.id}`);
    expect(entry).toMatchObject({
      username: 'secretary1',
      ip: '127.0.0.1',
      route: 'PATCH /api/v1/members/:id',
      object: 'members',
      objectId: String(member.id),
      op: 'update',
    });
    // The app's clock (it runs on from where the test set it), not the database's.
    const late = Date.parse(entry!.at) - Date.parse(`${today}T10:15:00+08:00`);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(60_000);
    // That they changed shows; what they were and became does not.
    expect(entry!.after).toEqual({ phone: '***', id_number: '***' });
    expect(JSON.stringify(entry)).not.toContain('13912345678');
    expect(JSON.stringify(entry)).not.toContain('11010519491231002X');
  });

  it('records an org rename, a role grant and a robot change, the robot’s secret address masked', async () => {
    const renamed = await county.patch(`/api/v1/orgs/${fx.b2.id}`, { name: `${fx.b2.name}（更名）` });
    expect(renamed.statusCode).toBe(200);
    const [rename] = await entries(`object=orgs&objectId=${fx.b2.id}`);
    expect(rename).toMatchObject({ username: 'county', op: 'update' });
    expect(rename!.before).toEqual({ name: fx.b2.name });
    expect(rename!.after).toEqual({ name: `${fx.b2.name}（更名）` });

    const granted = await county.post(`/api/v1/accounts/${fx.accountId('member1')}/roles`, {
      role: 'group_leader',
      orgId: fx.b1.id,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const [grant] = await entries('object=role_bindings');
    expect(grant).toMatchObject({
      username: 'county',
      op: 'insert',
      route: 'POST /api/v1/accounts/:id/roles',
    });
    expect(grant!.after).toMatchObject({ role: 'group_leader', org_id: fx.b1.id });

    const robot = await secretary.put(`/api/v1/orgs/${fx.b1.id}/webhook`, {
      url: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=secret-key',
      kind: 'wecom',
      enabled: true,
    });
    expect(robot.statusCode, robot.body).toBe(200);
    const [hook] = await entries(`object=webhooks&objectId=${fx.b1.id}`);
    expect(hook).toMatchObject({ username: 'secretary1', op: 'insert' });
    expect(hook!.after!.url).toBe('***');
    expect(JSON.stringify(hook)).not.toContain('secret-key');
  });

  it('records a write made outside a transaction, and nothing for a refused one', async () => {
    // Asking for leave is a single statement, not a transaction of the service's own.
    const lecture = await lectureAhead(await secretaryOf(fx.b1.id), clock, fx.b1.id, 3, '党课');
    const member = await as('member1');
    const leave = await member.post(`/api/v1/activities/${lecture.id}/leave`, { reason: '外出务工' });
    expect(leave.statusCode, leave.body).toBeLessThan(300);
    const [asked] = await entries('object=leave_requests');
    expect(asked).toMatchObject({ username: 'member1', op: 'insert' });
    expect(asked!.after).toMatchObject({ reason: '外出务工', member_id: fx.member1Id });

    const before = await rowCount();
    const refused = await member.patch(`/api/v1/orgs/${fx.b1.id}`, { name: '不该改' });
    expect(refused.statusCode).toBe(403);
    const invalid = await secretary.patch(`/api/v1/members/${fx.member1Id}`, { phone: '123' });
    expect(invalid.statusCode).toBe(400);
    expect(await rowCount()).toBe(before);
  });

  it('is read in the reader’s subtree only, filtered by object, person and date, and exported', async () => {
    await county.patch(`/api/v1/orgs/${fx.b1Sibling.id}`, { name: `${fx.b1Sibling.name}·改` });
    const mine = await entries('pageSize=200', township);
    expect(mine.length).toBeGreaterThan(0);
    // The township reads its own branches' changes and never the other township's rename.
    expect(mine.some((e) => e.object === 'orgs' && e.objectId === String(fx.b1Sibling.id))).toBe(true);
    expect(mine.some((e) => e.object === 'orgs' && e.objectId === String(fx.b2.id))).toBe(false);
    expect((await township.get(`/api/v1/audit?orgId=${fx.b2.id}`)).statusCode).toBe(404);
    expect((await secretary.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await (await as('member1')).get('/api/v1/audit')).statusCode).toBe(403);

    const bySecretary = await entries('person=secretary1&pageSize=200');
    expect(bySecretary.length).toBeGreaterThan(0);
    expect(bySecretary.every((e) => e.username === 'secretary1')).toBe(true);
    expect(await entries(`from=${today}&to=${today}&object=orgs`)).not.toHaveLength(0);
    expect(await entries(`to=${daysFromToday(clock, -400)}`)).toHaveLength(0);
    expect((await county.get('/api/v1/audit?object=sessions')).json().error.field).toBe('object');

    const res = await county.get('/api/v1/audit.xlsx?object=members');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('操作人');
    expect(sheet.getRow(2).getCell(2).value).toBe('secretary1');
    expect(String(sheet.getRow(2).getCell(8).value)).toContain('phone: ***（个人信息，已隐去）');
  });

  it('offers to filter by exactly the tables its triggers watch', async () => {
    const { rows } = await db.execute<{ table: string }>(sql`
      SELECT DISTINCT event_object_table AS table FROM information_schema.triggers
      WHERE action_statement LIKE '%audit_row(%' ORDER BY 1`);
    expect(rows.map((r) => r.table)).toEqual([...AUDITED_OBJECTS].sort());
  });

  it('cannot be changed or emptied by the app', async () => {
    const n = await rowCount();
    expect(n).toBeGreaterThan(0);
    await expect(pool.query('UPDATE audit_log SET username = $1', ['someone'])).rejects.toThrow(
      /append-only/,
    );
    await expect(pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await rowCount()).toBe(n);
  });
});
