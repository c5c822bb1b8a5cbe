import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { handCountedTownship } from '../../test/oversight-fixture';

const { as, db } = await testApp();
const fx = await tinyCounty(db);
const town = await handCountedTownship(db, fx.county.id, fx.county.path);
const county = await as('county');
const township = await as('township1');
const secretary = await as('secretary1');

const items = [
  { title: '固定主题党日按月开展', weight: 40, auto: 'fixed_day' },
  { title: '三会一课落实', weight: 35 },
  { title: '党员教育管理', weight: 25 },
];

describe('assessment checklist', () => {
  it('a supervisor sets items whose weights add up to 100; nothing is written otherwise', async () => {
    const bad = await county.put(`/api/v1/orgs/${fx.county.id}/checklist/2025`, {
      items: [{ title: '只有一项', weight: 60 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'items', message: '各项权重之和必须为 100' });
    expect((await county.get(`/api/v1/orgs/${fx.county.id}/checklist/2025`)).json().items).toEqual([]);
    expect((await secretary.put(`/api/v1/orgs/${fx.b1.id}/checklist/2025`, { items })).statusCode).toBe(403);
    const saved = await county.put(`/api/v1/orgs/${fx.county.id}/checklist/2025`, { items });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().items.map((i: { weight: number }) => i.weight)).toEqual([40, 35, 25]);
    // Every branch below sees the county's list.
    expect((await secretary.get(`/api/v1/orgs/${fx.b1.id}/checklist/2025`)).json()).toMatchObject({
      ownerOrgId: fx.county.id,
    });
  });

  it('the fixed-day record is scored automatically; the branch assesses itself with evidence; the supervisor scores', async () => {
    // Branch A of the hand-counted township in 2025: held 2 of 12 months, on the day 1, planned 1.
    const sheet = (await county.get(`/api/v1/orgs/${town.A.id}/checklist/2025/answers`)).json();
    expect(sheet).toMatchObject({ canAssess: false, canScore: true });
    const auto = sheet.answers[0];
    expect(auto.item.auto).toBe('fixed_day');
    expect(auto.score).toBeCloseTo(((2 / 12 + 1 / 12 + 1 / 12) / 3) * 100, 1);

    const list = (await county.get(`/api/v1/orgs/${fx.county.id}/checklist/2025`)).json();
    const meetings = list.items[1].id;
    const [activity] = (
      await db.execute<{ id: number }>(sql`
        SELECT id FROM activities WHERE org_id = ${fx.b1.id} AND starts_at >= '2025-01-01' AND starts_at < '2025-12-01' LIMIT 1`)
    ).rows as [{ id: number }];
    const self = await secretary.put(`/api/v1/orgs/${fx.b1.id}/checklist/2025/items/${meetings}/self`, {
      selfScore: 90,
      selfNote: '按期召开',
      evidenceActivityIds: [activity.id],
    });
    expect(self.statusCode, self.body).toBe(200);
    expect(self.json().answers[1]).toMatchObject({ selfScore: 90, evidence: [{ activityId: activity.id }] });
    expect(self.json()).toMatchObject({ canAssess: true, canScore: false });

    const elsewhere = await secretary.put(`/api/v1/orgs/${fx.b1.id}/checklist/2025/items/${meetings}/self`, {
      selfScore: 90,
      evidenceActivityIds: [town.activities.A1],
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.field).toBe('evidenceActivityIds');
    const autoSelf = await secretary.put(
      `/api/v1/orgs/${fx.b1.id}/checklist/2025/items/${list.items[0].id}/self`,
      {
        selfScore: 100,
      },
    );
    expect(autoSelf.statusCode).toBe(422);
    expect(
      (await secretary.put(`/api/v1/orgs/${fx.b1.id}/checklist/2025/items/${meetings}/score`, { score: 100 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await township.put(`/api/v1/orgs/${fx.b1.id}/checklist/2025/items/${meetings}/score`, { score: 101 }))
        .statusCode,
    ).toBe(400);

    const scored = await township.put(`/api/v1/orgs/${fx.b1.id}/checklist/2025/items/${meetings}/score`, {
      score: 80,
      scoreNote: '记录齐全',
    });
    const b = scored.json();
    expect(b.answers[1]).toMatchObject({ selfScore: 90, score: 80 });
    const autoScore = b.answers[0].score ?? 0;
    expect(b.total).toBeCloseTo(autoScore * 0.4 + 80 * 0.35, 1);
  });

  it('items kept by id keep their answers; a dropped answered item is retired', async () => {
    const list = (await county.get(`/api/v1/orgs/${fx.county.id}/checklist/2025`)).json();
    const [fixed, meetings] = list.items;
    const saved = await county.put(`/api/v1/orgs/${fx.county.id}/checklist/2025`, {
      items: [
        { id: fixed.id, title: fixed.title, weight: 50, auto: 'fixed_day' },
        { id: meetings.id, title: '三会一课', weight: 50 },
      ],
    });
    expect(saved.json().items.map((i: { title: string }) => i.title)).toEqual([fixed.title, '三会一课']);
    const b = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/checklist/2025/answers`)).json();
    expect(b.answers[1]).toMatchObject({ selfScore: 90, score: 80 });
    // A township's own list replaces the county's for the branches below it.
    await township.put(`/api/v1/orgs/${fx.t1.id}/checklist/2025`, {
      items: [{ title: '乡镇清单', weight: 100 }],
    });
    expect((await secretary.get(`/api/v1/orgs/${fx.b1.id}/checklist/2025`)).json().ownerOrgId).toBe(fx.t1.id);
    expect((await county.get(`/api/v1/orgs/${fx.b2.id}/checklist/2025`)).json().ownerOrgId).toBe(
      fx.county.id,
    );
  });
});
