import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { LoginRequest } from '../../../common/schemas/auth';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { Brand } from '../../components/brand';
import { LanguageSwitch } from '../../components/language-switch';
import { useLogin, useMe } from './queries';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginRequest>();
  const { data: me } = useMe();
  const login = useLogin();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me) return <Navigate to={from} replace />;

  const submit = (values: LoginRequest) =>
    login.mutate(values, {
      onSuccess: () => navigate(from, { replace: true }),
      onError: (error) => setFieldError(form, error),
    });

  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Flex
        justify="space-between"
        align="center"
        style={{ background: '#c8161d', padding: '0 16px', height: 56 }}
      >
        <Brand />
        <LanguageSwitch />
      </Flex>
      <Flex component="main" justify="center" align="flex-start" style={{ flex: 1, padding: '48px 16px' }}>
        <Card style={{ width: '100%', maxWidth: 380 }}>
          <Typography.Title level={1} style={{ marginTop: 0, marginBottom: 4, fontSize: 24 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.tagline')}</Typography.Paragraph>
          <ErrorAlert error={login.error} testId="login-error" />
          <Form form={form} name="login" layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                size="large"
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('fields.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 16, fontSize: 12 }}>
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
}
