import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import type { OrgTreeNode } from '../../../common/schemas/org';
import { useOrgTree } from './queries';
import { nestOrgs, type OrgNode } from './tree';

interface TreeSelectNode {
  value: number;
  title: string;
  disabled: boolean;
  children: TreeSelectNode[];
}

function toTreeData(nodes: OrgNode[], canPick: (node: OrgTreeNode) => boolean): TreeSelectNode[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    disabled: !canPick(node),
    children: toTreeData(node.children, canPick),
  }));
}

type Props = Omit<TreeSelectProps<number>, 'treeData' | 'showSearch'> & {
  /** Nodes that fail the test stay visible (to reach their children) but cannot be chosen. */
  canPick?: (node: OrgTreeNode) => boolean;
};

const anyOrg = () => true;

/** An organization picker over the tree the user may see. */
export function OrgTreeSelect({ canPick = anyOrg, ...props }: Props) {
  const { data, isPending } = useOrgTree();
  const nodes = data?.nodes;
  const roots = useMemo(() => nestOrgs(nodes ?? []), [nodes]);
  const treeData = useMemo(() => toTreeData(roots, canPick), [roots, canPick]);

  return (
    <TreeSelect<number>
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeData={treeData}
      treeDefaultExpandedKeys={roots.map((root) => root.id)}
      loading={isPending}
      style={{ width: '100%' }}
      {...props}
    />
  );
}

export const isBranch = (node: OrgTreeNode) => node.level === 'branch';
