import type { OrgLevel } from '../../../common/enums';
import type { OrgTreeNode } from '../../../common/schemas/org';

export interface OrgNode extends OrgTreeNode {
  children: OrgNode[];
}

/**
 * Nests the flat list. The roots are the nodes whose parent is not in the list: a township
 * supervisor's tree starts at the township, not at the county they cannot see.
 */
export function nestOrgs(nodes: readonly OrgTreeNode[]): OrgNode[] {
  const byId = new Map<number, OrgNode>(nodes.map((node) => [node.id, { ...node, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The ids from the top of the visible tree down to `id`'s parent, to expand the path to it. */
export function ancestorIds(nodes: readonly OrgTreeNode[], id: number): number[] {
  const parentOf = new Map(nodes.map((node) => [node.id, node.parentId]));
  const path: number[] = [];
  let parent = parentOf.get(id);
  while (parent != null && parentOf.has(parent) && !path.includes(parent)) {
    path.unshift(parent);
    parent = parentOf.get(parent);
  }
  return path;
}

/** `id` and everything below it. */
export function subtreeIds(nodes: readonly OrgTreeNode[], id: number): Set<number> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of nodes) {
      if (node.parentId !== null && ids.has(node.parentId) && !ids.has(node.id)) {
        ids.add(node.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Keeps the nodes whose name contains `query` and the path down to them. */
export function filterOrgs(roots: OrgNode[], query: string): OrgNode[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return roots;
  return roots.flatMap((node) => {
    const children = filterOrgs(node.children, needle);
    return node.name.toLowerCase().includes(needle) || children.length > 0 ? [{ ...node, children }] : [];
  });
}

export function flattenIds(roots: OrgNode[]): number[] {
  return roots.flatMap((node) => [node.id, ...flattenIds(node.children)]);
}

/**
 * Which levels may sit under which (a committee holds committees, general branches and branches;
 * a general branch holds branches). Only to offer sensible choices: the server decides.
 */
export const CHILD_LEVELS: Record<OrgLevel, OrgLevel[]> = {
  committee: ['committee', 'general_branch', 'branch'],
  general_branch: ['branch'],
  branch: [],
};

/** Branches and general branches hold the fixed activity day. */
export function hasFixedDay(level: OrgLevel): boolean {
  return level !== 'committee';
}
