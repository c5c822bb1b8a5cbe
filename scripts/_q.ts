import { openDatabase } from '../server/db/open';

const d = await openDatabase({ dataDir: '/tmp/vgd' });
const qs = [
  `EXPLAIN ANALYZE select m.id from members m join orgs o on o.id=m.org_id left join party_groups g on g.id=m.group_id where o.path LIKE ANY('{/1/%}'::text[]) and m.status='probationary' order by m.id limit 20`,
  `EXPLAIN ANALYZE select count(*) from members m join orgs o on o.id=m.org_id where o.path LIKE ANY('{/1/%}'::text[]) and m.status='probationary'`,
  `EXPLAIN ANALYZE select count(*) from members m join orgs o on o.id=m.org_id where o.path LIKE ANY('{/1/%}'::text[])`,
];
for (const q of qs) console.log((await d.pool.query(q)).rows.map((r) => r['QUERY PLAN']).join('\n'), '\n');
await d.close();
