import type pg from 'pg';

/** Live sign-ins and recent failures belong to the running instance, not to what is restored. */
export const NOT_BACKED_UP = new Set(['sessions', 'login_failures']);

/**
 * The app's tables in an order that loads without breaking a foreign key: each after the tables
 * it references (a table referring to itself loads in one statement, which PostgreSQL checks at
 * its end).
 */
export async function tablesInLoadOrder(client: pg.PoolClient | pg.Client): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.relname AS child, p.relname AS parent
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const names = tables.map((t) => t.name).filter((name) => !NOT_BACKED_UP.has(name));
  const parents = new Map(names.map((name) => [name, new Set<string>()]));
  for (const { child, parent } of edges) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter(
      (n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (ready.length === 0)
      throw new Error(`foreign keys form a loop among: ${names.filter((n) => !placed.has(n)).join(', ')}`);
    for (const name of ready) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered;
}
