import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** SQL for "this org path lies inside one of these subtrees"; `null` scopes mean everywhere. */
export function pathInScope(pathColumn: AnyColumn | SQL, scopes: string[] | null): SQL {
  if (scopes === null) return sql`true`;
  if (scopes.length === 0) return sql`false`;
  const patterns = scopes.map((p) => `${p}%`);
  return sql`${pathColumn} LIKE ANY(${sql.param(patterns)}::text[])`;
}

/** SQL for "this org path lies in the subtree rooted at `rootPath`": the one subtree predicate. */
export function inSubtree(pathColumn: AnyColumn | SQL, rootPath: string): SQL {
  return sql`${pathColumn} LIKE ${`${rootPath}%`}`;
}
