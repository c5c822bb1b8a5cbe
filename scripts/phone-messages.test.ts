import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHONE_SECTIONS } from '../client/phone-messages';
import zhCN from '../common/i18n/zh-CN.json';
import { pickSections } from './phone-messages';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Every file `client/main.tsx` reaches by static imports: what a phone downloads first. */
function phoneFiles(): { files: string[]; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = fs.readFileSync(file, 'utf8');
    // Static imports only: `import(…)` is a chunk fetched later, `import type` is erased.
    for (const [, typeOnly, spec] of text.matchAll(/^import\s+(type\s)?[^'";]*?['"]([^'"]+)['"]/gm)) {
      if (typeOnly) continue;
      if (!spec!.startsWith('.')) {
        packages.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec!);
      const found = ['', '.ts', '.tsx', '/index.ts']
        .map((ext) => base + ext)
        .find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      if (found && /\.tsx?$/.test(found)) visit(found);
    }
  };
  visit(path.join(ROOT, 'client/main.tsx'));
  return { files: [...files], packages };
}

describe('the phone pages', () => {
  const { files, packages } = phoneFiles();

  it('load no component library, chart library or validation library', () => {
    expect(files.length).toBeGreaterThan(20);
    expect([...packages].filter((p) => /^(antd|@ant-design|echarts|zod|qrcode)$/.test(p))).toEqual([]);
  });

  it('ask only for messages in the phone part of the languages', () => {
    const asked = files.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*[`'"]([a-zA-Z]+\.[a-zA-Z.]+)/g)].map((m) => ({
        file: path.relative(ROOT, file),
        key: m[1]!,
      })),
    );
    expect(asked.length).toBeGreaterThan(50);
    const outside = asked.filter(
      ({ key }) => !PHONE_SECTIONS.some((s) => key === s || key.startsWith(`${s}.`)),
    );
    expect(outside).toEqual([]);
  });

  it('the phone part is those sections of the whole, in the same shape', () => {
    const part = pickSections(zhCN, PHONE_SECTIONS);
    expect(Object.keys(part).sort()).toEqual([...new Set(PHONE_SECTIONS.map((s) => s.split('.')[0]))].sort());
    expect((part.errors as Record<string, unknown>).validation).toEqual(zhCN.errors.validation);
    expect(part.errors).not.toHaveProperty('checkIn');
    expect(JSON.stringify(part).length).toBeLessThan(JSON.stringify(zhCN).length / 3);
  });
});
