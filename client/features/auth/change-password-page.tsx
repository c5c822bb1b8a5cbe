import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangePasswordRequest } from '../../../common/schemas/auth';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { Page } from '../../components/page';
import { zodRule } from '../../components/zod-rule';
import { useChangePassword } from './queries';

type Values = ChangePasswordRequest & { confirmPassword: string };

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('account.passwordChanged'));
        },
        onError: (error) => setFieldError(form, error),
      },
    );

  return (
    <Page title={t('account.changePassword')}>
      <Card style={{ maxWidth: 480 }}>
        <ErrorAlert error={change.error} />
        <Form form={form} name="password" layout="vertical" onFinish={submit}>
          <Form.Item
            name="currentPassword"
            label={t('fields.currentPassword')}
            required
            rules={[zodRule(ChangePasswordRequest.shape.currentPassword, 'currentPassword', t)]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('fields.newPassword')}
            required
            rules={[zodRule(ChangePasswordRequest.shape.newPassword, 'newPassword', t)]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('account.confirmPassword')}
            dependencies={['newPassword']}
            required
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  if (value !== getFieldValue('newPassword')) throw new Error(t('account.passwordMismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
            {t('account.changePassword')}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
