import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Emits /sw.js from `client/service-worker.js` with the app shell to cache at install: index.html,
 * the entry's scripts and styles with everything they import statically, the phone messages, the
 * manifest and its icons. The management screens' chunks are left out: a phone on a weak link
 * downloads only what a member's pages need.
 */
export function serviceWorker(): Plugin {
  let root = '';
  return {
    name: 'vanguard-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const shell = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = byName.get(fileName);
        if (!chunk || shell.has(fileName)) return;
        shell.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) shell.add(css);
        for (const imported of chunk.imports) visit(imported);
      };
      for (const chunk of chunks) {
        // Both languages' phone messages (`scripts/phone-messages.ts`), for a switch made offline.
        if (chunk.isEntry || chunk.facadeModuleId?.endsWith('.json?phone')) visit(chunk.fileName);
      }
      const files = ['/index.html', '/manifest.webmanifest', '/icon.svg', '/icon-192.png', '/icon-512.png'];
      const list = [...files, ...[...shell].sort().map((file) => `/${file}`)];
      const version = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
      const source = await fs.readFile(path.join(root, 'service-worker.js'), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: source
          .replace('self.__SHELL__', JSON.stringify(list))
          .replace('self.__VERSION__', JSON.stringify(version)),
      });
    },
  };
}
