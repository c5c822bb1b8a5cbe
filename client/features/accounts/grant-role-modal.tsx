import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account, RoleGrant } from '../../../common/schemas/account';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { useGrantRole } from './queries';
import { RoleFields } from './role-fields';

export function GrantRoleModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RoleGrant>();
  const grant = useGrantRole(account.id);

  const submit = (values: RoleGrant) =>
    grant.mutate(values, { onSuccess: onClose, onError: (error) => setFieldError(form, error) });

  return (
    <Modal
      open
      title={t('accounts.grantTitle', { name: account.name })}
      okText={t('accounts.grant')}
      cancelText={t('common.cancel')}
      confirmLoading={grant.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="grant-modal">{node}</div>}
    >
      <ErrorAlert error={grant.error} testId="grant-error" />
      <Form form={form} name="grant" layout="vertical" onFinish={submit}>
        <RoleFields />
      </Form>
    </Modal>
  );
}
