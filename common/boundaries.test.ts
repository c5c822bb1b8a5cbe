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
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) =>
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
});
