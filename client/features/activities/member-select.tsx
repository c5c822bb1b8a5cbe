import { Select, type SelectProps } from 'antd';
import { useMemberPage } from '../members/queries';

/** One of the branch's members, e.g. the person responsible for an activity. */
export function BranchMemberSelect({
  orgId,
  ...props
}: Omit<SelectProps<number>, 'options'> & { orgId: number }) {
  const { data, isPending } = useMemberPage({ orgId, pageSize: 200 });
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={isPending}
      options={data?.items.map((member) => ({ value: member.id, label: member.name }))}
      {...props}
    />
  );
}
