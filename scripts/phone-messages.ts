import fs from 'node:fs/promises';
import type { Plugin } from 'vite';
import { PHONE_SECTIONS } from '../client/phone-messages';
import { DEFAULT_LOCALE } from '../common/enums';

type Messages = { [key: string]: string | Messages };

/** Only the sections named (a dotted name picks a part of a section), in the same shape. */
export function pickSections(messages: Messages, sections: readonly string[]): Messages {
  const picked: Messages = {};
  for (const section of sections) {
    const path = section.split('.');
    let from: Messages | string | undefined = messages;
    let to = picked;
    for (const [i, key] of path.entries()) {
      from = typeof from === 'object' ? from[key] : undefined;
      if (from === undefined) throw new Error(`No section ${section} in the messages`);
      if (i === path.length - 1) to[key] = from;
      else {
        to[key] ??= {};
        to = to[key] as Messages;
      }
    }
  }
  return picked;
}

/**
 * `…/zh-CN.json?phone`: the phone pages' part of a language's messages (`PHONE_SECTIONS`), so a
 * member's phone downloads a fifth of the strings.
 */
export function phoneMessages(): Plugin {
  return {
    name: 'vanguard-phone-messages',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('.json?phone')) return null;
      const resolved = await this.resolve(source.slice(0, -'?phone'.length), importer, { skipSelf: true });
      return resolved && `\0${resolved.id}?phone`;
    },
    // The default language's part is fetched beside the first script, not after it has run.
    transformIndexHtml(html, context) {
      const chunk = Object.values(context.bundle ?? {}).find(
        (output) =>
          output.type === 'chunk' && output.facadeModuleId?.endsWith(`${DEFAULT_LOCALE}.json?phone`),
      );
      if (!chunk) return html;
      return [
        {
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` },
          injectTo: 'head',
        },
      ];
    },
    async load(id) {
      if (!id.startsWith('\0') || !id.endsWith('?phone')) return null;
      const file = id.slice(1, -'?phone'.length);
      this.addWatchFile(file);
      const messages = JSON.parse(await fs.readFile(file, 'utf8')) as Messages;
      return `export default ${JSON.stringify(pickSections(messages, PHONE_SECTIONS))};`;
    },
  };
}
