import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../../common/enums';
import type { Ranking } from '../../../common/schemas/ranking';
import { scoreLines } from '../../../common/scoring';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { handCountedTownship } from '../../test/oversight-fixture';

const { as, db } = await testApp();
const fx = await tinyCounty(db);
const town = await handCountedTownship(db, fx.county.id, fx.county.path);
const county = await as('county');
const township = await as('township1');
const secretary = await as('secretary1');
const Q1 = 'period=quarter&year=2025&index=1';

describe('scores and ranking', () => {
  it('scores each branch item by item, the weights of items that do not apply shared out', async () => {
    // The demo county has a scheme of its own; this township scores with the defaults.
    await county.put(`/api/v1/orgs/${town.town.id}/scoring-scheme/2025`, { weights: DEFAULT_WEIGHTS });
    const res = await county.get(`/api/v1/orgs/${town.town.id}/ranking?${Q1}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<Ranking>();
    expect(r).toMatchObject({ from: '2025-01-01', to: '2025-03-31', weights: DEFAULT_WEIGHTS });
    // Counted by hand with the default weights; no inspection, rectification or rating applies (80 of 100).
    // A: held 2/3, on the day 1/3, plan 1/3, duration 1, attendance 6/10, ledger 2/3 → 49 × 100/80.
    // B: held 1/3, on the day 1/3, plan 2/3, duration 1, attendance 1, ledger 0 → 41.67 × 100/80.
    // C (exempt from the fixed day): duration 1, attendance 1/2, ledger 0 over weights 40 → 17.5 × 100/40.
    expect(r.rows.map((x) => [x.rank, x.orgName, x.score])).toEqual([
      [1, '甲村党支部', 61.25],
      [2, '乙村党支部', 52.08],
      [3, '老干部党支部', 43.75],
    ]);
    // The breakdown every screen and the Excel table show: the rule applied to the row's values.
    const a = scoreLines(r.rows[0]!.values, r.weights);
    expect(a.find((l) => l.item === 'held')).toEqual({
      item: 'held',
      value: 0.6667,
      weight: 20,
      points: 16.67,
    });
    expect(a.find((l) => l.item === 'inspection')).toEqual({
      item: 'inspection',
      value: null,
      weight: 10,
      points: 0,
    });
    const c = r.rows[2]!;
    expect(c.exemptions).toEqual(['fixed_day']);
    expect(c.values.held).toBeNull();
  });

  it('an inspection score and a scheme of its own change the result', async () => {
    await db.execute(sql`
      INSERT INTO inspections (org_id, method, date, findings, score, inspector_id)
      VALUES (${town.B.id}, 'on_site', '2025-02-15', '现场参与', 90, ${fx.accountId('county')})`);
    const bad = await county.put(`/api/v1/orgs/${town.town.id}/scoring-scheme/2025`, {
      weights: { ...DEFAULT_WEIGHTS, held: 30 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'weights', message: '各项权重之和必须为 100' });
    const weights = {
      ...DEFAULT_WEIGHTS,
      held: 50,
      on_time: 0,
      plan: 0,
      duration: 0,
      attendance: 0,
      ledger: 0,
      inspection: 50,
      rectification: 0,
    };
    const saved = await county.put(`/api/v1/orgs/${town.town.id}/scoring-scheme/2025`, { weights });
    expect(saved.json()).toMatchObject({ inherited: false, weights });
    expect((await county.get(`/api/v1/orgs/${town.A.id}/scoring-scheme/2025`)).json()).toMatchObject({
      inherited: true,
      weights,
    });
    const r = (await county.get(`/api/v1/orgs/${town.town.id}/ranking?${Q1}`)).json<Ranking>();
    // B: held 1/3 × 50 + inspection 0.9 × 50 = 61.67; A: held only (no inspection) 2/3 → 66.67.
    expect(r.rows.map((x) => [x.orgName, x.score])).toEqual([
      ['甲村党支部', 66.67],
      ['乙村党支部', 61.67],
      ['老干部党支部', 0],
    ]);
  });

  it('publishes a ranking the branches below can read, kept as it was', async () => {
    const pub = await township.post(`/api/v1/orgs/${fx.t1.id}/rankings`, { period: 'year', year: 2025 });
    expect(pub.statusCode, pub.body).toBe(201);
    const published = pub.json();
    expect(published.rows.length).toBeGreaterThan(0);
    const seen = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/rankings`)).json();
    expect(seen.map((p: { id: number }) => p.id)).toContain(published.id);
    const read = await secretary.get(`/api/v1/rankings/${published.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().rows).toEqual(published.rows);
    // A secretary may read what was published, not rank live.
    expect((await secretary.get(`/api/v1/orgs/${fx.t1.id}/ranking?period=year&year=2025`)).statusCode).toBe(
      404,
    );
    expect((await secretary.get(`/api/v1/orgs/${fx.b1.id}/ranking?period=year&year=2025`)).statusCode).toBe(
      403,
    );
  });

  it("a township supervisor's ranking never includes another township", async () => {
    const r = (await township.get(`/api/v1/orgs/${fx.t1.id}/ranking?period=year&year=2025`)).json<Ranking>();
    const { rows: inT1 } = await db.execute<{ id: number }>(
      sql`SELECT id FROM orgs WHERE path LIKE ${`${fx.t1.path}%`} AND fixed_day IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM orgs c WHERE c.parent_id = orgs.id)`,
    );
    expect(r.rows.map((x) => x.orgId).sort()).toEqual(inT1.map((o) => o.id).sort());
    expect((await township.get(`/api/v1/orgs/${fx.t2.id}/ranking?period=year&year=2025`)).statusCode).toBe(
      404,
    );
    expect((await township.get(`/api/v1/orgs/${town.town.id}/ranking?${Q1}`)).statusCode).toBe(404);
  });

  it('refuses a quarter that does not exist and exports the ranking as Excel', async () => {
    const bad = await county.get(`/api/v1/orgs/${town.town.id}/ranking?period=quarter&year=2025&index=5`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('index');
    const res = await county.get(`/api/v1/orgs/${town.town.id}/ranking.xlsx?${Q1}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().slice(3) as unknown[][];
    expect(rows.map((r) => r.slice(1, 4))).toEqual([
      [1, '甲村党支部', 66.67],
      [2, '乙村党支部', 61.67],
      [3, '老干部党支部', 0],
    ]);
    expect(rows[2]![5]).toBe('不适用');
  });
});
