import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MemberAccountCreate } from '../../../common/schemas/account';
import type { MemberDetail } from '../../../common/schemas/member';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { useCreateMemberAccount } from './queries';

/** Gives a member a login; name, phone and branch are taken from the member record. */
export function MemberAccountModal({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberAccountCreate>();
  const create = useCreateMemberAccount(member.id);

  const submit = (values: MemberAccountCreate) =>
    create.mutate(values, {
      onSuccess: (account) => {
        void message.success(t('members.accountCreated', { username: account.username }));
        onClose();
      },
      onError: (error) => setFieldError(form, error),
    });

  return (
    <Modal
      open
      title={t('members.createAccount')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="member-account-modal">{node}</div>}
    >
      <ErrorAlert error={create.error} testId="member-account-error" />
      <Typography.Paragraph type="secondary">
        {t('members.accountHint', { name: member.name })}
      </Typography.Paragraph>
      <Form form={form} name="memberAccount" layout="vertical" onFinish={submit}>
        <Form.Item
          name="username"
          label={t('fields.username')}
          required
          rules={[zodRule(MemberAccountCreate.shape.username, 'username', t)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.password')}
          required
          rules={[zodRule(MemberAccountCreate.shape.password, 'password', t)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
