import path from 'node:path';

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

/**
 * One chunk for everything `client/main.tsx` reaches by static imports — what a member's phone
 * pages need — instead of a dozen small shared files: on a weak link each request costs a round
 * trip and its headers. The management screens' chunks import from it as they did from the pieces.
 */
export function phoneChunk(root: string) {
  const entry = path.join(root, 'main.tsx');
  let phone: Set<string> | null = null;
  const reach = (graph: ModuleGraph) => {
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const next of graph.getModuleInfo(id)?.importedIds ?? []) visit(next);
    };
    visit(entry);
    return seen;
  };
  return {
    debugName: 'phone',
    name: (id: string, graph: ModuleGraph) => {
      phone ??= reach(graph);
      return phone.has(id) && id !== entry ? 'phone' : null;
    },
  };
}
