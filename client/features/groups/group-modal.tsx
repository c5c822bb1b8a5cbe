import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { GROUP_KINDS, type MemberStatus } from '../../../common/enums';
import { GroupCreate, type PartyGroup } from '../../../common/schemas/group';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { useMemberPage } from '../members/queries';
import { useSaveGroup } from './queries';

const PARTY_MEMBER_STATUSES: readonly MemberStatus[] = ['probationary', 'full'];

/** The server's page limit; a branch is far smaller (a party group has a handful of members). */
const BRANCH_MEMBERS_PAGE = 200;

/** Create or edit a party group; refusals (too few members, no full member…) stay in the modal. */
export function GroupModal({
  orgId,
  group,
  onClose,
}: {
  orgId: number;
  group?: PartyGroup;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<GroupCreate>();
  const save = useSaveGroup(orgId, group?.id);
  const { data: members, isPending } = useMemberPage({ orgId, pageSize: BRANCH_MEMBERS_PAGE });
  const chosen = Form.useWatch('memberIds', form) ?? [];
  const chosenSecond = Form.useWatch('secondMemberIds', form) ?? [];
  const kind = Form.useWatch('kind', form);

  const memberOptions = (members?.items ?? []).map((member) => {
    const status = t(`enums.memberStatus.${member.status}`);
    // Only Party members (probationary or full) sit in groups, one group each.
    const notMember = !PARTY_MEMBER_STATUSES.includes(member.status);
    const elsewhere = member.groupId !== null && member.groupId !== group?.id;
    return {
      value: member.id,
      label: elsewhere
        ? t('groups.memberInGroup', { name: member.name, status, group: member.groupName })
        : t('groups.memberOption', { name: member.name, status }),
      disabled: notMember || elsewhere,
    };
  });
  // The "double group": a member whose own group is another one may belong here too.
  const secondOptions = (members?.items ?? [])
    .filter((member) => member.groupId !== null && member.groupId !== group?.id)
    .map((member) => ({
      value: member.id,
      label: t('groups.memberInGroup', {
        name: member.name,
        status: t(`enums.memberStatus.${member.status}`),
        group: member.groupName,
      }),
    }));
  const leaderOptions = [...memberOptions, ...secondOptions].filter(
    (option) => chosen.includes(option.value) || chosenSecond.includes(option.value),
  );

  const initialValues: GroupCreate = group
    ? {
        name: group.name,
        kind: group.kind,
        kindName: group.kindName,
        memberIds: group.members.filter((member) => !member.second).map((member) => member.id),
        secondMemberIds: group.members.filter((member) => member.second).map((member) => member.id),
        leaderId: group.leaderId,
      }
    : { name: '', kind: 'residence', kindName: null, memberIds: [], secondMemberIds: [], leaderId: null };

  const submit = (values: GroupCreate) =>
    save.mutate(
      { ...values, leaderId: values.leaderId ?? null },
      { onSuccess: onClose, onError: (error) => setFieldError(form, error) },
    );

  return (
    <Modal
      open
      title={group ? t('groups.editTitle') : t('groups.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="group-modal">{node}</div>}
    >
      <ErrorAlert error={save.error} testId="group-error" />
      <Form
        form={form}
        name="group"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={(changed: Partial<GroupCreate>, all) => {
          // A leader who is taken out of the group stops being its leader.
          const stays = [...(all.memberIds ?? []), ...(all.secondMemberIds ?? [])];
          if (
            (changed.memberIds || changed.secondMemberIds) &&
            all.leaderId &&
            !stays.includes(all.leaderId)
          ) {
            form.setFieldValue('leaderId', null);
          }
        }}
      >
        <Form.Item
          name="name"
          label={t('groups.name')}
          required
          rules={[zodRule(GroupCreate.shape.name, 'name', t)]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('fields.kind')}>
          <Select options={GROUP_KINDS.map((value) => ({ value, label: t(`enums.groupKind.${value}`) }))} />
        </Form.Item>
        {kind === 'other' && (
          <Form.Item name="kindName" label={t('fields.kindName')} extra={t('groups.kindNameHint')}>
            <Input maxLength={30} />
          </Form.Item>
        )}
        <Form.Item name="memberIds" label={t('fields.memberIds')} extra={t('groups.rule')}>
          <Select
            mode="multiple"
            loading={isPending}
            options={memberOptions}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('groups.pickMembers')}
          />
        </Form.Item>
        <Form.Item name="secondMemberIds" label={t('fields.secondMemberIds')} extra={t('groups.secondHint')}>
          <Select
            mode="multiple"
            loading={isPending}
            options={secondOptions}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('groups.pickMembers')}
          />
        </Form.Item>
        <Form.Item name="leaderId" label={t('fields.leaderId')}>
          <Select allowClear options={leaderOptions} placeholder={t('groups.pickLeader')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
