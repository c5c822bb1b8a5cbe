import { type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../core/clock';
import type { Db } from '../db/open';
import { lectureAhead } from './activities';
import type { tinyCounty } from './fixtures';
import type { Client } from './harness';
import type { Objects } from './route-calls';
import { daysFromToday } from './test-clock';

/** A branch with one object of every kind the API names, for tests that aim every route at one place. */
export type Place = { objects: Objects; above: { id: number }; secretary: Client };

/** The reply of a setup call, which must have succeeded. */
export const made = (res: { statusCode: number; body: string; json: () => any }) => {
  if (res.statusCode >= 300) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return res.json();
};

type Setup = {
  db: Db;
  clock: Clock;
  fx: Awaited<ReturnType<typeof tinyCounty>>;
  admin: Client;
  county: Client;
  year: number;
};

export function places({ db, clock, fx, admin, county, year }: Setup) {
  const one = async (query: SQL) => {
    const { rows } = await db.execute<{ id: number }>(query);
    if (!rows[0]) throw new Error(`no row for ${JSON.stringify(query)}`);
    return Number(rows[0].id);
  };

  const recommendation = async (committee: { id: number }) => {
    const body = {
      year,
      month: 5,
      theme: 'volunteer_service',
      title: '推荐主题',
      kinds: ['volunteer_service'],
    };
    return made(await county.post(`/api/v1/orgs/${committee.id}/recommendations`, body)).id as number;
  };

  /** The committee's checklist item for the year, which its branches answer and are scored on. */
  async function checklistItem(committee: { id: number }) {
    const { rows } = await db.execute<{ id: number }>(sql`SELECT id FROM checklist_items
      WHERE org_id = ${committee.id} AND year = ${year} AND NOT retired`);
    if (rows[0]) return rows[0].id;
    const items = [{ title: '组织生活', weight: 100 }];
    return made(await county.put(`/api/v1/orgs/${committee.id}/checklist/${year}`, { items })).items[0]
      .id as number;
  }

  async function groupOfThree(orgId: number) {
    const { rows } = await db.execute<{ id: number }>(sql`SELECT id FROM members
      WHERE org_id = ${orgId} AND group_id IS NULL AND status = 'full' ORDER BY id LIMIT 3`);
    const memberIds = rows.map((r) => r.id);
    const body = { name: '测试小组', kind: 'residence', memberIds, leaderId: memberIds[0] };
    return made(await admin.post(`/api/v1/orgs/${orgId}/groups`, body)).id as number;
  }

  /**
   * One object of every kind in the branch, or above it (`above`) where the kind lives on a
   * committee; `secretary` is the branch's own, who schedules its activities.
   */
  async function place(branch: { id: number }, above: { id: number }, secretary: Client): Promise<Place> {
    const member = (await fx.memberIn(branch.id)).id;
    const activity = (await lectureAhead(secretary, clock, branch.id, 3, '测试党课')).id;
    const account = made(
      await admin.post('/api/v1/accounts', {
        username: `account-in-${branch.id}`,
        name: '测试账号',
        password: 'a-long-secret',
        role: { role: 'group_leader', orgId: branch.id },
      }),
    );
    const inspection = made(
      await county.post('/api/v1/inspections', {
        orgId: branch.id,
        method: 'records_review',
        date: daysFromToday(clock, -1),
        contacted: '支部书记',
        findings: '会议记录缺少签到表',
        score: 80,
        rectifications: [{ item: '补齐签到表', responsible: '支部书记', dueDate: daysFromToday(clock, 30) }],
      }),
    );
    const ranking = { period: 'year', year, index: 1 };
    const objects: Objects = {
      orgs: branch.id,
      members: member,
      groups: await groupOfThree(branch.id),
      accounts: account.id,
      bindings: account.roles[0].id,
      venues: await one(sql`SELECT id FROM venues WHERE org_id = ${branch.id} ORDER BY id LIMIT 1`),
      recommendations: await recommendation(above),
      activities: activity,
      // A notice of the branch's, in the inbox of each of its members.
      inbox: await one(sql`WITH n AS (INSERT INTO notices (org_id, activity_id, kind, title, body)
        VALUES (${branch.id}, ${activity}, 'scheduled', '测试通知', '…') RETURNING id)
        INSERT INTO notice_receipts (notice_id, member_id) SELECT n.id, m.id FROM n, members m
        WHERE m.org_id = ${branch.id} RETURNING notice_id AS id`),
      leave: await one(sql`INSERT INTO leave_requests (activity_id, member_id, reason)
        VALUES (${activity}, ${member}, '外出务工') RETURNING id`),
      // A member's private report to the group, waiting for its reply.
      'member-reports': await one(sql`INSERT INTO member_reports (member_id, org_id, kind, title, body)
        VALUES (${member}, ${branch.id}, 'thought', '思想汇报', '近期学习体会') RETURNING id`),
      // A talk a committee member held with the member, private to them and those above.
      talks: await one(sql`INSERT INTO talks (org_id, member_id, held_on, topics)
        VALUES (${branch.id}, ${member}, CURRENT_DATE - 1, '思想动态') RETURNING id`),
      guests: await one(
        sql`INSERT INTO guests (activity_id, name) VALUES (${activity}, '群众') RETURNING id`,
      ),
      files: await one(sql`SELECT f.id FROM activity_files f JOIN activities a ON a.id = f.activity_id
        WHERE a.org_id = ${branch.id} AND f.thumb_path IS NOT NULL ORDER BY f.id LIMIT 1`),
      inspections: inspection.id,
      rectifications: inspection.rectifications[0].id,
      rankings: made(await county.post(`/api/v1/orgs/${above.id}/rankings`, ranking)).id,
      alerts: await one(sql`INSERT INTO alerts (key, kind, audience, org_id)
        VALUES (${`test-${branch.id}`}, 'plan_missing', 'supervisor', ${branch.id}) RETURNING id`),
      items: await checklistItem(above),
    };
    return { objects, above, secretary };
  }

  return { place, recommendation, one };
}
