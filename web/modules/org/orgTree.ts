import type { OrgUnit } from '../../../domain/org/contracts.ts';

/** One node shape for both antd Tree (key) and TreeSelect (value). */
export type OrgTreeNode = { key: number; value: number; title: string; unit: OrgUnit; children: OrgTreeNode[] };

/**
 * The flat list as a tree. A unit whose parent is not in the list is a root: a town's user sees the town at the
 * top, not the county above it.
 */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>(units.map((u) => [u.id, { key: u.id, value: u.id, title: u.name, unit: u, children: [] }]));
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: OrgTreeNode[]) => {
    list.sort((a, b) => a.unit.sortOrder - b.unit.sortOrder || a.unit.name.localeCompare(b.unit.name, 'zh-CN'));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}
