import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { members } from '../schema/index';
import { KeyRingError, keyFile, newKeyLine, parseKeys, retiredKeyFile } from './key-ring';
import { openPersonalData, SEALED_COLUMNS } from './open-personal-data';
import { rotateKeys } from './rotate-keys';
import { blindIndex, unseal } from './sealed';

const { app, db, pool, config, as, secretaryOf } = await testApp();
const fx = await tinyCounty(db);
const county = await as('county');
const secretary = await secretaryOf(fx.b1.id);
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'vanguard-keys-'));
afterAll(() => fs.rm(work, { recursive: true, force: true }));

const PHONE = '13712345678';
const ID_NUMBER = '53990119800101007X';
const made = await secretary.post('/api/v1/members', {
  orgId: fx.b1.id,
  name: '封存测试',
  gender: 'female',
  status: 'full',
  phone: PHONE,
  idNumber: ID_NUMBER,
});
const memberId = made.json().id as number;
const account = await secretary.post(`/api/v1/members/${memberId}/account`, {
  username: 'sealed-member',
  password: 'a-long-secret',
});

const stored = async (query: ReturnType<typeof sql>) =>
  (await db.execute<Record<string, string>>(query)).rows;
const login = (username: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'a-long-secret' } });

describe('phones and ID numbers at rest', () => {
  it('are sealed in every table, and the database refuses one in the clear', async () => {
    expect(made.statusCode, made.body).toBe(201);
    expect(account.statusCode, account.body).toBe(201);
    for (const { table, column } of SEALED_COLUMNS) {
      const clear = await stored(sql.raw(`SELECT ${column} FROM ${table} WHERE ${column} NOT LIKE 'v1.%'`));
      expect(clear, `${table}.${column}`).toEqual([]);
    }
    const [row] = await stored(sql`SELECT phone, id_number FROM members WHERE id = ${memberId}`);
    expect(row!.phone).not.toContain(PHONE);
    expect(row!.id_number).not.toContain(ID_NUMBER.slice(6, 14));
    expect(unseal(row!.phone!)).toBe(PHONE);
    // A write that skipped the sealing (raw SQL, a forgotten service) fails instead of storing it.
    await expect(
      db.execute(sql`UPDATE members SET phone = ${PHONE} WHERE id = ${memberId}`),
    ).rejects.toHaveProperty('cause.constraint', 'members_phone_sealed');
    await expect(
      db.execute(sql`INSERT INTO guests (activity_id, name, phone)
        SELECT id, '群众', '13700000000' FROM activities LIMIT 1`),
    ).rejects.toHaveProperty('cause.constraint', 'guests_phone_sealed');
  });

  it('still find their row by the whole value: login by phone, search, a duplicate ID number', async () => {
    expect((await login(PHONE)).statusCode).toBe(200);
    expect((await login('137 1234-5678')).statusCode).toBe(200);
    const found = await secretary.get(`/api/v1/members?orgId=${fx.b1.id}&q=${PHONE}`);
    expect(found.json().items.map((m: { id: number }) => m.id)).toEqual([memberId]);
    // A part of a phone finds nothing: the database holds no part of it to compare.
    expect((await secretary.get(`/api/v1/members?orgId=${fx.b1.id}&q=1371234`)).json().total).toBe(0);
    const again = await secretary.post('/api/v1/members', {
      orgId: fx.b1.id,
      name: '重复身份证',
      gender: 'male',
      status: 'full',
      idNumber: ID_NUMBER.toLowerCase(),
    });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.field).toBe('idNumber');
  });

  it('leave no trace in the audit log, and sealing the same phone again is no change', async () => {
    const before = await stored(sql`SELECT count(*)::int AS n FROM audit_log WHERE table_name = 'members'`);
    const same = await secretary.patch(`/api/v1/members/${memberId}`, { phone: PHONE, ethnicity: '白族' });
    expect(same.statusCode, same.body).toBe(200);
    const [change] = await stored(sql`SELECT before, after FROM audit_log
      WHERE table_name = 'members' AND row_id = ${String(memberId)} ORDER BY id DESC LIMIT 1`);
    expect(Object.keys(change!.after as never)).toEqual(['ethnicity']);
    await secretary.patch(`/api/v1/members/${memberId}`, { phone: '13712340000' });
    const [phoneChange] = await stored(sql`SELECT before, after FROM audit_log
      WHERE table_name = 'members' AND row_id = ${String(memberId)} ORDER BY id DESC LIMIT 1`);
    expect(phoneChange).toEqual({ before: { phone: '***' }, after: { phone: '***' } });
    const after = await stored(sql`SELECT count(*)::int AS n FROM audit_log WHERE table_name = 'members'`);
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n) + 2);
    const leaked = await stored(sql`SELECT id FROM audit_log
      WHERE before::text ~ '_hmac|v1\\.' OR after::text ~ '_hmac|v1\\.' OR after::text LIKE '%1371234%'`);
    expect(leaked).toEqual([]);
    await secretary.patch(`/api/v1/members/${memberId}`, { phone: PHONE });
  });

  it('the county reads them masked, and in full only on a stated reason', async () => {
    const masked = (await county.get(`/api/v1/members/${memberId}`)).json();
    expect(masked.phone).toBe('137****5678');
    const shown = await county.post(`/api/v1/members/${memberId}/reveal`, { reason: '核对联系方式' });
    expect(shown.json()).toEqual({ phone: PHONE, idNumber: ID_NUMBER });
  });
});

describe('the key', () => {
  const elsewhere = (dataDir: string, dataKeys?: string) => ({ ...config, dataDir, dataKeys });

  it('is refused at start when it is not the key that sealed the data, or is missing', async () => {
    const [id] = config.dataKeys!.split(':');
    const impostor = `${id}:${Buffer.alloc(32, 9).toString('base64')}`;
    await expect(openPersonalData(pool, elsewhere(work, impostor))).rejects.toThrow(
      new KeyRingError(`key ${id} in DATA_KEYS is not the key that sealed this database's data`),
    );
    await expect(openPersonalData(pool, elsewhere(work, newKeyLine()))).rejects.toThrow(
      /sealed with key test, which DATA_KEYS does not hold/,
    );
    await expect(openPersonalData(pool, elsewhere(work))).rejects.toThrow(/personal-data\.key is missing/);
    await expect(fs.stat(keyFile(work))).rejects.toThrow(/ENOENT/);
  });

  it('rotates: everything sealed again under a new key, which then opens it alone', async () => {
    // The tests' key, as a key file in a data dir of this test's own.
    const dir = path.join(work, 'rotating');
    await fs.mkdir(path.join(dir, 'keys'), { recursive: true });
    await fs.writeFile(keyFile(dir), `${config.dataKeys}\n`);
    const oldIndex = blindIndex(PHONE);
    const messages: string[] = [];
    const newId = await rotateKeys(pool, elsewhere(dir), (m) => messages.push(m));
    expect(newId).not.toBe('test');
    const lines = (await fs.readFile(keyFile(dir), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`${newId}:`)).toBe(true);
    expect((await fs.stat(keyFile(dir))).mode & 0o777).toBe(0o600);
    for (const { table, column } of SEALED_COLUMNS) {
      const stale = await stored(
        sql.raw(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} NOT LIKE 'v1.${newId}.%'`),
      );
      expect(Number(stale[0]!.n), `${table}.${column}`).toBe(0);
    }
    expect(messages.join('\n')).toMatch(new RegExp(`ID numbers of \\d+ records under key ${newId}`));
    // Backups made before the rotation still open with the retired key, kept apart.
    expect(await fs.readFile(retiredKeyFile(dir, 'test'), 'utf8')).toBe(`${config.dataKeys}\n`);
    expect((await fs.stat(retiredKeyFile(dir, 'test'))).mode & 0o777).toBe(0o600);
    const [row] = await db.select({ phone: members.phone }).from(members).where(sql`id = ${memberId}`);
    expect(row!.phone).toBe(PHONE);
    expect(blindIndex(PHONE)).not.toBe(oldIndex);
    expect((await login(PHONE)).statusCode).toBe(200);
    // The old key no longer opens this database; the new one alone does.
    await expect(openPersonalData(pool, elsewhere(work, config.dataKeys))).rejects.toThrow(KeyRingError);
    const ring = await openPersonalData(pool, elsewhere(dir));
    expect([...ring.byId.keys()]).toEqual([newId]);
    expect(parseKeys(lines[0]!, 'file').current.check).toBe(ring.current.check);
  });
});
