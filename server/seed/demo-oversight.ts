import { eq, sql } from 'drizzle-orm';
import { todayInChina } from '../../common/dates';
import { DEFAULT_WEIGHTS, INSPECTION_METHODS, REPORT_SECTIONS, type ReportSection } from '../../common/enums';
import type { Actor } from '../access/actor';
import type { Config } from '../config';
import { addDays } from '../core/fixed-day/holidays';
import type { DbOrTx } from '../db/open';
import {
  annualReports,
  checklistAnswers,
  checklistItems,
  inspections,
  orgs,
  publishedRankings,
  rectifications,
  scoringSchemes,
  users,
} from '../db/schema/index';
import { runAlerts } from '../modules/alerts/index';
import { computeRanking } from '../modules/ranking/index';
import { draftSections } from '../modules/reports/index';
import { getStats } from '../modules/stats/index';
import type { Random } from './random';

const FINDINGS = [
  '会议记录完整，党员参与积极，群众反映良好。',
  '签到表与照片齐全，但个别党员请假手续不规范。',
  '活动主题与计划一致，会议记录偏简略，需补充讨论内容。',
  '电话抽查三名党员，均确认参加了当月主题党日。',
  '现场参与志愿服务活动，组织有序，但活动时长不足半天且未说明原因。',
];
const ITEMS = [
  '补充完善会议记录',
  '规范请销假手续',
  '补齐活动照片并归档',
  '组织未参加党员补学',
  '完善下月活动计划',
];

/**
 * The county's oversight as a demo: exempt branches, a scoring scheme and checklist, a year of
 * inspections with rectification items in every state, published rankings, annual reports
 * and the alerts of today — so every supervisor's screen has something true to show.
 */
export async function seedOversight(
  tx: DbOrTx,
  random: Random,
  config: Pick<Config, 'minActivityHours' | 'lateEditDays' | 'meetingFrequency'>,
  now: Date,
) {
  const today = todayInChina(now);
  const year = Number(today.slice(0, 4));
  const accounts = await tx.select({ id: users.id, username: users.username, name: users.name }).from(users);
  const userId = (name: string) => accounts.find((a) => a.username === name)!.id;
  const [root] = await tx.select().from(orgs).where(sql`${orgs.parentId} IS NULL`);
  const { rows: branchRows } = await tx.execute<{
    id: number;
    name: string;
    path: string;
    parent_id: number;
  }>(sql`
    SELECT id, name, path, parent_id FROM orgs o WHERE fixed_day IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM orgs c WHERE c.parent_id = o.id) ORDER BY id`);
  const { rows: own } = await tx.execute<{ org_id: number }>(sql`
    SELECT b.org_id FROM role_bindings b JOIN users u ON u.id = b.user_id WHERE u.username = 'secretary1'`);
  const demoBranch = own[0]!.org_id;

  // A retired cadres' branch meets when it can: excused from the monthly day and the meeting counts.
  const exempt = branchRows.filter((b) => b.id !== demoBranch).slice(-2);
  if (exempt[0])
    await tx
      .update(orgs)
      .set({ exemptions: ['fixed_day', 'three_meetings'] })
      .where(eq(orgs.id, exempt[0].id));
  if (exempt[1])
    await tx
      .update(orgs)
      .set({ exemptions: ['fixed_day'] })
      .where(eq(orgs.id, exempt[1].id));

  const weights = { ...DEFAULT_WEIGHTS, duration: 5, inspection: 15 };
  await tx
    .insert(scoringSchemes)
    .values(
      [year - 1, year].map((y) => ({ orgId: root!.id, year: y, weights, updatedBy: userId('county') })),
    );

  const items = await tx
    .insert(checklistItems)
    .values(
      [
        ['固定主题党日按月开展', 30, 'fixed_day'],
        ['“三会一课”按期召开', 25, null],
        ['党员教育管理', 20, null],
        ['党员先锋作用发挥', 15, null],
        ['台账资料规范', 10, null],
      ].map(([title, weight, auto], position) => ({
        orgId: root!.id,
        year,
        position,
        title: title as string,
        weight: weight as number,
        auto: auto as 'fixed_day' | null,
      })),
    )
    .returning({ id: checklistItems.id, auto: checklistItems.auto });
  await tx.insert(checklistAnswers).values(
    items
      .filter((i) => !i.auto)
      .slice(0, 2)
      .map((i, n) => ({
        itemId: i.id,
        orgId: demoBranch,
        selfScore: 90 - n * 5,
        selfNote: '按计划完成，资料齐全。',
      })),
  );

  // About one branch in six inspected this year, the demo branch among them.
  const inspected = branchRows.filter((b) => b.id === demoBranch || random.next() < 0.16);
  for (const b of inspected) {
    const date = addDays(today, -random.int(15, 300));
    const [ins] = await tx
      .insert(inspections)
      .values({
        orgId: b.id,
        method: random.pick(INSPECTION_METHODS),
        date,
        contacted: '支部书记',
        findings: random.pick(FINDINGS),
        score: random.int(68, 98),
        inspectorId: userId(random.next() < 0.5 ? 'county' : 'township1'),
      })
      .returning();
    const count = b.id === demoBranch ? 2 : random.int(0, 2);
    for (let i = 0; i < count; i++) {
      const due = addDays(date, random.int(14, 45));
      const state =
        b.id === demoBranch
          ? i === 0
            ? 'open'
            : 'answered'
          : random.weighted([
              ['closed', 6],
              ['answered', 2],
              ['open', 2],
            ] as const);
      const closedOnTime = random.next() < 0.8;
      await tx.insert(rectifications).values({
        inspectionId: ins!.id,
        orgId: b.id,
        item: random.pick(ITEMS),
        responsible: '支部书记',
        // The demo branch's open item is due soon; its answered one is overdue for closing.
        dueDate: b.id === demoBranch ? addDays(today, i === 0 ? 10 : -3) : due,
        status: state,
        answer: state === 'open' ? null : '已按要求整改，材料已归档。',
        answeredAt: state === 'open' ? null : new Date(`${addDays(due, -5)}T10:00:00+08:00`),
        closedBy: state === 'closed' ? userId('county') : null,
        closedAt:
          state === 'closed' ? new Date(`${addDays(due, closedOnTime ? -2 : 6)}T16:00:00+08:00`) : null,
      });
    }
  }

  const county = { id: root!.id, name: root!.name, path: root!.path };
  const lastQuarter = Math.ceil(Number(today.slice(5, 7)) / 3) - 1;
  const published = [
    await computeRanking(tx, config, county, { period: 'year', year: year - 1, index: 1 }, now),
    ...(lastQuarter > 0
      ? [await computeRanking(tx, config, county, { period: 'quarter', year, index: lastQuarter }, now)]
      : []),
  ];
  await tx.insert(publishedRankings).values(
    published.map((r) => ({
      orgId: r.orgId,
      period: r.period,
      year: r.year,
      index: r.index,
      from: r.from,
      to: r.to,
      weights: r.weights,
      rows: r.rows,
      publishedBy: userId('county'),
    })),
  );

  // Last year's reports: the demo branch's submitted, and a few others.
  const system: Actor = {
    userId: userId('admin'),
    username: 'admin',
    name: '系统管理员',
    locale: 'zh-CN',
    memberId: null,
    csrfToken: '',
    bindings: [{ id: 0, role: 'admin', orgId: null, orgPath: '/', orgName: null }],
  };
  const reporting = branchRows.filter((b) => b.id === demoBranch || random.next() < 0.03).slice(0, 12);
  for (const b of reporting) {
    const [org] = await tx.select().from(orgs).where(eq(orgs.id, b.id));
    const stats = await getStats(
      tx,
      system,
      b.id,
      { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
      now,
    );
    const sections = await draftSections(tx, config, 'zh-CN', org!, stats.figures, year - 1, now);
    const submitted = random.next() < 0.7 || b.id === demoBranch;
    await tx.insert(annualReports).values({
      orgId: b.id,
      year: year - 1,
      sections: Object.fromEntries(REPORT_SECTIONS.map((s) => [s, sections[s]])) as Record<
        ReportSection,
        string
      >,
      status: submitted ? 'submitted' : 'draft',
      submittedAt: submitted
        ? new Date(`${year}-01-${String(random.int(10, 25)).padStart(2, '0')}T10:00:00+08:00`)
        : null,
      updatedBy: userId('secretary1'),
    });
  }

  return { alerts: await runAlerts(tx, config, now), inspections: inspected.length };
}
