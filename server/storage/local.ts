import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';

/** Uploaded files on local disk under one root (DATA_DIR/files by default), by year and month. */
export function localStorage(root: string) {
  const full = (relative: string) => {
    const p = path.resolve(root, relative);
    // Paths come from the database, but a path that climbs out of the root is never served.
    if (!p.startsWith(path.resolve(root) + path.sep)) throw new Error(`path outside storage: ${relative}`);
    return p;
  };
  return {
    async save(data: Buffer, ext: string): Promise<string> {
      const now = new Date();
      const relative = path.join(
        String(now.getUTCFullYear()),
        String(now.getUTCMonth() + 1).padStart(2, '0'),
        `${randomUUID()}.${ext}`,
      );
      try {
        await fs.mkdir(path.dirname(full(relative)), { recursive: true });
        await fs.writeFile(full(relative), data);
      } catch (e) {
        // A write that failed halfway (a full disk) leaves nothing behind.
        await fs.rm(full(relative), { force: true });
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOSPC' || code === 'EDQUOT')
          throw new AppError(507, 'storage_full', 'errors.storageFull', {}, 'files');
        throw e;
      }
      return relative;
    },
    read: (relative: string) => fs.readFile(full(relative)),
    remove: (relative: string) => fs.rm(full(relative), { force: true }),
  };
}
export type Storage = ReturnType<typeof localStorage>;
