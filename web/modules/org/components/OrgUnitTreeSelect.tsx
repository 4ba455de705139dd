import { TreeSelect, type TreeSelectProps } from 'antd';
import { useOrgUnits } from '../useOrgUnits.ts';

type Props = Omit<TreeSelectProps<number>, 'treeData'>;

/** Picks one org unit from the tree the user may see; use inside a Form.Item (value/onChange come from it). */
export function OrgUnitTreeSelect(props: Props) {
  const { tree, isPending } = useOrgUnits();
  return (
    <TreeSelect<number>
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder="选择单位"
      loading={isPending}
      style={{ minWidth: 180 }}
      {...props}
      treeData={tree}
    />
  );
}
