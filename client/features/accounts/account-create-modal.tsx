import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccountCreate } from '../../../common/schemas/account';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { useCreateAccount } from './queries';
import { RoleFields } from './role-fields';

const shape = AccountCreate.shape;

/** An account for someone who is not (or not yet) in the roster, e.g. an organization-department officer. */
export function AccountCreateModal({ orgId, onClose }: { orgId?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AccountCreate>();
  const create = useCreateAccount();

  const submit = (values: AccountCreate) =>
    create.mutate(
      { ...values, phone: values.phone?.trim() || null },
      { onSuccess: onClose, onError: (error) => setFieldError(form, error) },
    );

  return (
    <Modal
      open
      title={t('accounts.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="account-modal">{node}</div>}
    >
      <ErrorAlert error={create.error} testId="account-error" />
      <Form
        form={form}
        name="account"
        layout="vertical"
        initialValues={{ role: { role: 'supervisor', orgId } }}
        onFinish={submit}
      >
        <Form.Item
          name="username"
          label={t('fields.username')}
          required
          rules={[zodRule(shape.username, 'username', t)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('fields.name')} required rules={[zodRule(shape.name, 'name', t)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('fields.phone')} rules={[zodRule(shape.phone, 'phone', t)]}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.password')}
          required
          rules={[zodRule(shape.password, 'password', t)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <RoleFields prefix={['role']} />
      </Form>
    </Modal>
  );
}
