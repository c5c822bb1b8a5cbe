import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors';
import { localStorage } from './local';

const filesUnder = async (root: string) =>
  (await fs.readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());

afterEach(() => vi.restoreAllMocks());

describe('local file storage on a full disk', () => {
  it('removes what a failed write left and answers 507 naming the files', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'vanguard-full-'));
    const storage = localStorage(root);
    const write = fs.writeFile;
    // The disk fills up halfway through the file: part of it is on disk when the error comes.
    vi.spyOn(fs, 'writeFile').mockImplementation(async (file, data) => {
      await write(file, (data as Buffer).subarray(0, 10));
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    const failed = await storage.save(Buffer.alloc(1000, 1), 'jpg').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(AppError);
    expect(failed).toMatchObject({ status: 507, code: 'storage_full', field: 'files' });
    expect(await filesUnder(root)).toEqual([]);
    vi.restoreAllMocks();
    const saved = await storage.save(Buffer.alloc(1000, 1), 'jpg');
    expect((await storage.read(saved)).length).toBe(1000);
    await fs.rm(root, { recursive: true, force: true });
  });
});
