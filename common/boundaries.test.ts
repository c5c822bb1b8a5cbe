import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]*)['"]/g)].map((m) =>
    path.join(path.dirname(file), m[1]!),
  );
}

/** The layering ARCHITECTURE.md asks for: client → common ← server, and common imports neither. */
describe('module boundaries', () => {
  it('the client imports only client/ and common/ (and packages)', () => {
    const bad = sources('client').flatMap((f) =>
      importsOf(f)
        .filter((i) => /^(server|scripts|e2e|bench)\//.test(i))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('common imports neither side', () => {
    const bad = sources('common').flatMap((f) =>
      importsOf(f)
        .filter((i) => /^(server|client)\//.test(i))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('server/http, the core and the read model import no module', () => {
    const bad = ['server/http', 'server/core', 'server/read-model', 'server/access', 'server/db'].flatMap(
      (dir) =>
        sources(dir).flatMap((f) =>
          importsOf(f)
            .filter((i) => i.startsWith('server/modules/'))
            .map((i) => `${f} → ${i}`),
        ),
    );
    expect(bad).toEqual([]);
  });

  it('client components import no feature', () => {
    const bad = sources('client/components').flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith('client/features/'))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('a module is entered only through its index.ts', () => {
    expect(pastFrontDoors(everyImport())).toEqual([]);
  });

  it('module folders import each other without a loop', () => {
    expect(moduleLoops(everyImport())).toEqual([]);
  });

  it('the two module rules catch a planted violation', () => {
    const planted = [
      ...everyImport(),
      { from: 'server/modules/venues/venues.service.ts', to: 'server/modules/activities/index' },
      { from: 'server/modules/stats/stats.service.ts', to: 'server/modules/ranking/scoring' },
    ];
    expect(moduleLoops(planted)).toContain('activities → venues → activities');
    expect(pastFrontDoors(planted)).toEqual([
      'server/modules/stats/stats.service.ts → server/modules/ranking/scoring',
    ]);
  });
});

type Edge = { from: string; to: string };
const moduleOf = (file: string) => file.match(/^server\/modules\/([a-z-]+)\//)?.[1];

/** Every relative import of server, scripts, bench and e2e, as repository paths without extension. */
function everyImport(): Edge[] {
  return ['server', 'scripts', 'bench', 'e2e'].flatMap((dir) =>
    sources(dir).flatMap((from) => importsOf(from).map((to) => ({ from, to: to.replace(/\.tsx?$/, '') }))),
  );
}

/** Imports into a module from outside it that bypass its index.ts. */
function pastFrontDoors(edges: Edge[]): string[] {
  return edges
    .filter(({ from, to }) => {
      const target = moduleOf(`${to}/`);
      return target && target !== moduleOf(from) && !/^server\/modules\/[a-z-]+\/index$/.test(to);
    })
    .map(({ from, to }) => `${from} → ${to}`);
}

/** Loops among module folders, each written from its smallest member round. */
function moduleLoops(edges: Edge[]): string[] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = moduleOf(from);
    const b = moduleOf(`${to}/`);
    if (a && b && a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b));
  }
  const loops = new Set<string>();
  const walk = (node: string, trail: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = trail.indexOf(next);
      if (at >= 0) {
        const loop = trail.slice(at);
        const start = loop.indexOf([...loop].sort()[0]!);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        loops.add([...rotated, rotated[0]].join(' → '));
      } else if (trail.length < 12) walk(next, [...trail, next]);
    }
  };
  for (const node of graph.keys()) walk(node, [node]);
  return [...loops].sort();
}
