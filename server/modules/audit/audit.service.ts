import { and, desc, eq, gte, ilike, lt, type SQL, sql } from 'drizzle-orm';
import type { AuditEntry, AuditedObject, AuditPage, AuditQuery } from '../../../common/schemas/audit';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { authorize, scopePaths } from '../../access/policy';
import { pathInScope } from '../../access/scope-sql';
import type { Db } from '../../db/open';
import { auditLog } from '../../db/schema/index';
import { forbidden } from '../../errors';

/** A China calendar date's first instant. */
const chinaMidnight = (date: string, plusDays = 0) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000);

/** The caller's subtree (or the one asked for inside it) and the filters, as one condition. */
async function auditWhere(db: Db, actor: Actor, query: AuditQuery): Promise<SQL | undefined> {
  let scope: string[] | null;
  if (query.orgId !== undefined) {
    const org = await loadOrg(db, actor, query.orgId);
    authorize(actor, 'audit.read', org.path);
    scope = [org.path];
  } else {
    scope = scopePaths(actor, 'audit.read');
    if (scope?.length === 0) throw forbidden();
  }
  return and(
    pathInScope(auditLog.orgPath, scope),
    query.object ? eq(auditLog.tableName, query.object) : undefined,
    query.objectId ? eq(auditLog.rowId, query.objectId) : undefined,
    query.person ? ilike(auditLog.username, `%${query.person.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
    query.from ? gte(auditLog.at, chinaMidnight(query.from)) : undefined,
    query.to ? lt(auditLog.at, chinaMidnight(query.to, 1)) : undefined,
  );
}

function present(row: typeof auditLog.$inferSelect): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    username: row.username,
    ip: row.ip,
    route: row.route,
    object: row.tableName as AuditedObject,
    objectId: row.rowId,
    op: row.op,
    before: row.before,
    after: row.after,
  };
}

/** Who changed what, newest first, in the caller's subtree. */
export async function listAudit(db: Db, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  const where = await auditWhere(db, actor, query);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items: rows.map(present), total: count!.n, page: query.page, pageSize: query.pageSize };
}

/** The most rows one workbook holds; the sheet says so when there were more. */
export const EXPORT_LIMIT = 20_000;

export async function auditForExport(
  db: Db,
  actor: Actor,
  query: AuditQuery,
): Promise<{ items: AuditEntry[]; total: number }> {
  const page = await listAudit(db, actor, { ...query, page: 1, pageSize: EXPORT_LIMIT });
  return { items: page.items, total: page.total };
}
