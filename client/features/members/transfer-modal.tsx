import { Form, Modal, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDetail, MemberTransfer } from '../../../common/schemas/member';
import type { OrgTreeNode } from '../../../common/schemas/org';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { OrgTreeSelect } from '../orgs/org-tree-select';
import { useTransferMember } from './queries';

/** Moves a member's relationship (组织关系转接) to another branch. */
export function TransferModal({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MemberTransfer>();
  const transfer = useTransferMember(member.id);
  const canPick = useCallback(
    (node: OrgTreeNode) => node.level === 'branch' && node.id !== member.orgId,
    [member.orgId],
  );

  const submit = (values: MemberTransfer) =>
    transfer.mutate(values, { onSuccess: onClose, onError: (error) => setFieldError(form, error) });

  return (
    <Modal
      open
      title={t('members.transferTitle', { name: member.name })}
      okText={t('members.transfer')}
      cancelText={t('common.cancel')}
      confirmLoading={transfer.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="transfer-modal">{node}</div>}
    >
      <ErrorAlert error={transfer.error} testId="transfer-error" />
      <Typography.Paragraph type="secondary">
        {t('members.transferFrom', { org: member.orgName })}
      </Typography.Paragraph>
      <Form form={form} name="transfer" layout="vertical" onFinish={submit}>
        <Form.Item
          name="orgId"
          label={t('members.transferTo')}
          rules={[{ required: true, message: t('members.branchRequired') }]}
        >
          <OrgTreeSelect canPick={canPick} placeholder={t('members.pickBranch')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
