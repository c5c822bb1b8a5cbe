import { sql } from 'drizzle-orm';
import type {
  Education,
  Gender,
  GroupKind,
  MemberPost,
  MemberStatus,
  OrgKind,
  OrgLevel,
} from '../../common/enums';
import { MEMBER_STATUSES } from '../../common/enums';
import type { FixedDaySetting } from '../../common/fixed-day';
import { idCheckDigit } from '../../common/validators';
import { type Config, loadConfig } from '../config';
import type { DbOrTx } from '../db/open';
import { withBlindIndexes } from '../db/personal-data/sealed';
import { members, orgs, partyGroups, roleBindings, users } from '../db/schema/index';
import { hashPassword } from '../modules/auth/index';
import { recountCompliance, withAggregatesRebuiltAfter } from '../read-model/aggregates';
import type { Storage } from '../storage/local';
import { seedHistory } from './demo-history';
import { seedOversight } from './demo-oversight';
import { ETHNICITIES, personName, placeName, TOWNSHIPS } from './names';
import { createRandom, type Random } from './random';

export type Scale = 'county' | 'tiny';
export const DEMO_PASSWORD = 'vanguard-demo';

type OrgSpec = {
  name: string;
  level: OrgLevel;
  kind: OrgKind;
  children: OrgSpec[];
  /** Members of a branch, drawn when members are generated. */
  size?: number;
};

type Shape = { townships: number; villages: number; branchSize: [number, number]; countyOrgans: number };
const SHAPES: Record<Scale, Shape> = {
  county: { townships: 10, villages: 21, branchSize: [10, 50], countyOrgans: 36 },
  tiny: { townships: 2, villages: 2, branchSize: [7, 12], countyOrgans: 0 },
};

const COUNTY_ORGANS = [
  ['县委办公室', 'organ'],
  ['县人民政府办公室', 'organ'],
  ['县纪委监委机关', 'organ'],
  ['县委组织部', 'organ'],
  ['县委宣传部', 'organ'],
  ['县教育体育局', 'organ'],
  ['县卫生健康局', 'organ'],
  ['县农业农村局', 'organ'],
  ['县财政局', 'organ'],
  ['县自然资源局', 'organ'],
  ['县文化和旅游局', 'organ'],
  ['县民政局', 'organ'],
  ['县人民医院', 'hospital'],
  ['县中医医院', 'hospital'],
  ['县妇幼保健院', 'hospital'],
  ['县第一中学', 'school'],
  ['县民族中学', 'school'],
  ['县职业高级中学', 'school'],
  ['县实验小学', 'school'],
  ['县电力公司', 'enterprise'],
  ['县供销合作社', 'enterprise'],
  ['县农村信用合作联社', 'enterprise'],
  ['县水务公司', 'enterprise'],
  ['县交通运输局', 'organ'],
  ['县市场监督管理局', 'organ'],
  ['县人力资源和社会保障局', 'organ'],
  ['县住房和城乡建设局', 'organ'],
  ['县林业和草原局', 'organ'],
  ['县应急管理局', 'organ'],
  ['县统计局', 'organ'],
  ['县审计局', 'organ'],
  ['县司法局', 'organ'],
  ['县个体劳动者协会', 'social_organization'],
  ['县民宿行业协会', 'social_organization'],
  ['县老年大学', 'school'],
  ['县图书馆', 'organ'],
] as const;

const branch = (name: string, kind: OrgKind): OrgSpec => ({ name, level: 'branch', kind, children: [] });

function countyTree(random: Random, shape: Shape): OrgSpec {
  const townships: OrgSpec[] = TOWNSHIPS.slice(0, shape.townships).map((t, i) => {
    const children: OrgSpec[] = [];
    const villages = new Set<string>();
    while (villages.size < shape.villages) villages.add(placeName(random));
    [...villages].forEach((v, j) => {
      // The first village is a plain branch: the demo secretary's.
      if (j > 0 && random.next() < 0.4) {
        const n = random.int(2, 4);
        children.push({
          name: `中共${t}${v}总支部委员会`,
          level: 'general_branch',
          kind: 'village',
          children: Array.from({ length: n }, (_, k) => branch(`${v}第${'一二三四'[k]}党支部`, 'village')),
        });
      } else children.push(branch(`中共${t}${v}支部委员会`, 'village'));
    });
    children.push(
      branch(`${t}机关党支部`, 'organ'),
      branch(`${t}退休干部党支部`, 'organ'),
      branch(`${t}中心学校党支部`, 'school'),
    );
    if (shape.villages > 2) {
      children.push(
        branch(`${t}卫生院党支部`, 'hospital'),
        branch(`${t}${placeName(random)}社区党支部`, 'community'),
        branch(`${t}${placeName(random)}社区党支部`, 'community'),
        branch(`${t}${placeName(random)}种植专业合作社党支部`, 'enterprise'),
        branch(`${t}${placeName(random)}农旅开发有限公司党支部`, 'enterprise'),
        branch(`${t}个体私营经济协会党支部`, 'social_organization'),
      );
    }
    return { name: `中共${t}委员会`, level: 'committee', kind: i % 3 === 0 ? 'organ' : 'village', children };
  });
  const organs: OrgSpec[] = shape.countyOrgans
    ? [
        {
          name: '中共云岭县直属机关工作委员会',
          level: 'committee',
          kind: 'organ',
          children: COUNTY_ORGANS.slice(0, shape.countyOrgans).map(([n, k]) => branch(`${n}党支部`, k)),
        },
      ]
    : [];
  return { name: '中共云岭县委员会', level: 'committee', kind: 'organ', children: [...townships, ...organs] };
}

const STATUS_MIX = [
  ['full', 84],
  ['probationary', 4],
  ['development_target', 3],
  ['activist', 5],
  ['applicant', 4],
] as const;
const EDUCATION_MIX: readonly (readonly [Education, number])[] = [
  ['primary', 12],
  ['junior_high', 28],
  ['senior_high', 16],
  ['vocational', 8],
  ['associate', 14],
  ['bachelor', 18],
  ['master', 3],
  ['doctorate', 1],
];

/** Dates of each step along the development path up to `status`, oldest first. */
function statusSteps(
  random: Random,
  status: MemberStatus,
  birth: Date,
): { status: MemberStatus; date: string }[] {
  const upTo = MEMBER_STATUSES.indexOf(status);
  // The last step happened within the last few years (for the latest steps) or long ago (full members).
  const lastAgeDays = status === 'full' ? random.int(400, 12_000) : random.int(20, 300);
  const gaps = [0, random.int(180, 400), random.int(370, 600), random.int(60, 200), 365];
  const totalGap = gaps.slice(1, upTo + 1).reduce((s, g) => s + g, 0);
  const reference = Date.UTC(2026, 9, 31);
  let t = Math.max(
    reference - (lastAgeDays + totalGap) * 86_400_000,
    birth.getTime() + 18 * 365 * 86_400_000,
  );
  return MEMBER_STATUSES.slice(0, upTo + 1).map((s, i) => {
    t += gaps[i]! * 86_400_000;
    return { status: s, date: new Date(Math.min(t, reference)).toISOString().slice(0, 10) };
  });
}

type MemberDraft = typeof members.$inferInsert & { steps: { status: MemberStatus; date: string }[] };

function draftMembers(
  random: Random,
  orgId: number,
  count: number,
  counter: { n: number; ids: Map<string, number> },
) {
  const drafts: MemberDraft[] = [];
  for (let i = 0; i < count; i++) {
    const k = counter.n++;
    const gender: Gender = random.next() < 0.62 ? 'male' : 'female';
    const ethnicity = random.weighted(ETHNICITIES);
    const birth = new Date(Date.UTC(random.int(1945, 2003), random.int(0, 11), random.int(1, 28)));
    const birthDate = birth.toISOString().slice(0, 10);
    // Leading members are full members: the branch's committee is drawn from them.
    const status: MemberStatus = i < 4 ? 'full' : random.weighted(STATUS_MIX);
    const ymd = birthDate.replaceAll('-', '');
    const seq = (counter.ids.get(ymd) ?? 0) + 1;
    counter.ids.set(ymd, seq);
    const order = String(seq * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0');
    const first17 = `539901${ymd}${order}`;
    const posts: MemberPost[] =
      i === 0
        ? ['secretary']
        : i === 1
          ? ['organization_member']
          : i === 2
            ? ['propaganda_member']
            : i === 3 && count > 25
              ? ['deputy_secretary']
              : [];
    const isMobile = i > 3 && random.next() < 0.06;
    drafts.push({
      orgId,
      name: personName(random, gender, ethnicity),
      gender,
      birthDate,
      ethnicity,
      education: random.weighted(EDUCATION_MIX),
      phone: `1${['39', '58', '87', '36', '51', '82'][k % 6]}${String((k * 7_919_731 + 12_345_678) % 100_000_000).padStart(8, '0')}`,
      idNumber: `${first17}${idCheckDigit(first17)}`,
      status,
      posts,
      isMobile,
      currentLocation: isMobile
        ? random.pick(['昆明市', '大理市', '丽江市', '成都市', '拉萨市', '广州市', '上海市'])
        : null,
      steps: statusSteps(random, status, birth),
    });
  }
  return drafts;
}

async function insertBatched<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const FIXED_DAY_CHOICES: FixedDaySetting[] = [
  { rule: { kind: 'day_of_month', day: 15 }, holidayRule: 'next_working_day' },
  { rule: { kind: 'day_of_month', day: 10 }, holidayRule: 'next_working_day' },
  { rule: { kind: 'day_of_month', day: 20 }, holidayRule: 'stay' },
  { rule: { kind: 'nth_weekday', nth: 2, weekday: 5 }, holidayRule: 'next_working_day' },
  { rule: { kind: 'nth_weekday', nth: -1, weekday: 3 }, holidayRule: 'next_working_day' },
];

/** Builds the demo county into an empty database, in one transaction. */
export type SeedOptions = {
  storage: Storage;
  /** The demo's history ends here: today, or the instant a test sets. */
  now: Date;
  /** The rules the demo's scores and alerts follow; the defaults unless the app passes its own. */
  config?: Pick<Config, 'minActivityHours' | 'lateEditDays' | 'meetingFrequency'>;
};

export async function seedDemoCounty(
  db: DbOrTx,
  scale: Scale,
  { storage, now, config = loadConfig({}) }: SeedOptions,
): Promise<{ orgs: number; members: number; activities: number; attendance: number }> {
  const random = createRandom(20_261_123);
  const shape = SHAPES[scale];
  const tree = countyTree(random, shape);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await skipForeignKeyChecks(tx);
    // Level by level, so each child knows its parent's id.
    const branches: { id: number; name: string }[] = [];
    let level: { spec: OrgSpec; parentId: number | null }[] = [{ spec: tree, parentId: null }];
    let orgCount = 0;
    while (level.length) {
      const inserted = await tx
        .insert(orgs)
        .values(
          level.map(({ spec, parentId }) => ({
            parentId,
            path: '',
            name: spec.name,
            level: spec.level,
            kind: spec.kind,
            fixedDay: spec.level === 'committee' ? null : random.pick(FIXED_DAY_CHOICES),
          })),
        )
        .returning({ id: orgs.id });
      orgCount += inserted.length;
      const next: typeof level = [];
      level.forEach(({ spec }, i) => {
        const id = inserted[i]!.id;
        if (spec.level === 'branch') branches.push({ id, name: spec.name });
        for (const child of spec.children) next.push({ spec: child, parentId: id });
      });
      level = next;
    }
    await tx.execute(sql`
      WITH RECURSIVE t AS (
        SELECT id, '/' || id || '/' AS path FROM orgs WHERE parent_id IS NULL
        UNION ALL SELECT o.id, t.path || o.id || '/' FROM orgs o JOIN t ON o.parent_id = t.id)
      UPDATE orgs SET path = t.path FROM t WHERE orgs.id = t.id`);

    const counter = { n: 0, ids: new Map<string, number>() };
    const drafts = branches.flatMap((b) =>
      draftMembers(random, b.id, random.int(...shape.branchSize), counter),
    );
    const ids: number[] = [];
    await insertBatched(drafts, 1000, async (batch) => {
      const rows = await tx
        .insert(members)
        .values(batch.map(({ steps: _, ...m }) => withBlindIndexes(m)))
        .returning({ id: members.id });
      ids.push(...rows.map((r) => r.id));
    });
    const steps = drafts.flatMap((d, i) =>
      d.steps.map((s) => ({ memberId: ids[i]!, status: s.status, date: s.date })),
    );
    await tx.execute(sql`
      INSERT INTO member_status_history (member_id, status, date)
      SELECT * FROM unnest(${sql.param(steps.map((s) => s.memberId))}::int[], ${sql.param(steps.map((s) => s.status))}::text[],
                           ${sql.param(steps.map((s) => s.date))}::date[])`);
    await seedGroups(tx, drafts, ids);
    await seedDemoAccounts(tx, passwordHash, drafts, ids);
    const past = await withAggregatesRebuiltAfter(tx, () => seedHistory(tx, random, storage, now));
    await seedOversight(tx, random, config, now);
    await recountCompliance(tx);
    return { orgs: orgCount, members: drafts.length, ...past };
  });
}

/**
 * The generated rows are consistent by construction; checking half a million foreign keys one
 * by one would double the first start. Only a superuser may switch the checks off (the embedded
 * server's user is one); elsewhere they stay on and the seed is slower, not wrong.
 */
async function skipForeignKeyChecks(tx: DbOrTx) {
  await tx.transaction((sp) => sp.execute(sql`SET LOCAL session_replication_role = replica`)).catch(() => {});
}

/** Party groups in larger branches: sets of at least three, each led by a full member. */
async function seedGroups(tx: DbOrTx, drafts: MemberDraft[], ids: number[]) {
  const byOrg = new Map<number, number[]>();
  drafts.forEach((d, i) => {
    if (d.status === 'full' || d.status === 'probationary')
      byOrg.set(d.orgId, [...(byOrg.get(d.orgId) ?? []), i]);
  });
  const kinds: GroupKind[] = ['residence', 'work', 'residence', 'mobile'];
  for (const [orgId, list] of byOrg) {
    if (list.length < 9) continue;
    const groupCount = Math.min(4, Math.floor(list.length / 6));
    const size = Math.floor(list.length / groupCount);
    for (let g = 0; g < groupCount; g++) {
      const chosen = list.slice(g * size, (g + 1) * size);
      const leader =
        chosen.find((i) => drafts[i]!.status === 'full' && drafts[i]!.posts!.length === 0) ??
        chosen.find((i) => drafts[i]!.status === 'full')!;
      const [group] = await tx
        .insert(partyGroups)
        .values({ orgId, name: `第${'一二三四'[g]}党小组`, kind: kinds[g]!, leaderId: ids[leader]! })
        .returning({ id: partyGroups.id });
      await tx.execute(
        sql`UPDATE members SET group_id = ${group!.id} WHERE id = ANY(${sql.param(chosen.map((i) => ids[i]!))}::int[])`,
      );
      await tx.execute(
        sql`UPDATE members SET posts = array_append(posts, 'group_leader') WHERE id = ${ids[leader]!} AND NOT ('group_leader' = ANY(posts))`,
      );
    }
  }
}

async function seedDemoAccounts(tx: DbOrTx, passwordHash: string, drafts: MemberDraft[], ids: number[]) {
  const [county] = await tx.select({ id: orgs.id }).from(orgs).where(sql`parent_id IS NULL`);
  const [township] = await tx
    .select({ id: orgs.id, path: orgs.path })
    .from(orgs)
    .where(sql`parent_id = ${county!.id}`)
    .orderBy(orgs.id)
    .limit(1);
  const [firstBranch] = await tx
    .select({ id: orgs.id })
    .from(orgs)
    .where(sql`level = 'branch' AND path LIKE ${`${township!.path}%`}`)
    .orderBy(orgs.id)
    .limit(1);
  const inBranch = drafts.map((d, i) => ({ d, id: ids[i]! })).filter(({ d }) => d.orgId === firstBranch!.id);
  const secretary = inBranch.find(({ d }) => d.posts?.includes('secretary'))!;
  const member = inBranch.find(({ d }) => d.status === 'full' && !d.posts?.length)!;
  // A group leader of the township (member1 aside), who records the group's meetings from a phone.
  const [group] = await tx
    .select({ leaderId: partyGroups.leaderId, orgId: partyGroups.orgId })
    .from(partyGroups)
    .innerJoin(orgs, sql`${orgs.id} = ${partyGroups.orgId}`)
    .where(sql`${orgs.path} LIKE ${`${township!.path}%`} AND ${partyGroups.leaderId} <> ${member.id}`)
    .orderBy(partyGroups.id)
    .limit(1);
  const leaderIndex = ids.indexOf(group!.leaderId!);
  const leader = { d: drafts[leaderIndex]!, id: group!.leaderId!, orgId: group!.orgId };
  const accounts = [
    { username: 'admin', name: '系统管理员', role: 'admin', orgId: null, memberId: null, phone: null },
    {
      username: 'county',
      name: '县委组织部',
      role: 'supervisor',
      orgId: county!.id,
      memberId: null,
      phone: null,
    },
    {
      username: 'township1',
      name: '乡镇组织委员',
      role: 'supervisor',
      orgId: township!.id,
      memberId: null,
      phone: null,
    },
    {
      username: 'secretary1',
      name: secretary.d.name,
      role: 'secretary',
      orgId: firstBranch!.id,
      memberId: secretary.id,
      phone: secretary.d.phone,
    },
    {
      username: 'member1',
      name: member.d.name,
      role: 'member',
      orgId: firstBranch!.id,
      memberId: member.id,
      phone: member.d.phone,
    },
    {
      username: 'groupleader1',
      name: leader.d.name,
      role: 'group_leader',
      orgId: leader.orgId,
      memberId: leader.id,
      phone: leader.d.phone,
    },
  ] as const;
  for (const a of accounts) {
    const [user] = await tx
      .insert(users)
      .values(
        withBlindIndexes({
          username: a.username,
          name: a.name,
          phone: a.phone ?? null,
          passwordHash,
          memberId: a.memberId,
          isDemo: true,
        }),
      )
      .returning({ id: users.id });
    await tx.insert(roleBindings).values({ userId: user!.id, role: a.role, orgId: a.orgId });
    // The secretary and the group leader are also members of their branch, as on paper.
    if (a.role === 'secretary' || a.role === 'group_leader')
      await tx.insert(roleBindings).values({ userId: user!.id, role: 'member', orgId: a.orgId });
  }
}
