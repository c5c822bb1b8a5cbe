import { App, Button, Card, Form, Input, Radio, Skeleton, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, WEBHOOK_KINDS } from '../../../common/enums';
import { WebhookInput } from '../../../common/schemas/notice';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { zodRule } from '../../components/zod-rule';
import { useSaveWebhook, useWebhook } from '../notices/queries';

/** The branch's WeCom or DingTalk group robot, told of every new, changed or cancelled activity. */
export function WebhookCard({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WebhookInput>();
  const { data: webhook, error, isPending } = useWebhook(orgId);
  const save = useSaveWebhook(orgId);

  const submit = (body: WebhookInput) =>
    save.mutate(body, {
      onSuccess: () => void message.success(t('settings.webhookSaved')),
      onError: (refusal) => setFieldError(form, refusal),
    });

  const ok = webhook?.lastStatus && /^2\d\d$|^ok$/i.test(webhook.lastStatus);

  return (
    <Card size="small" title={t('settings.webhook')} data-testid="webhook-card">
      <Typography.Paragraph type="secondary">{t('settings.webhookIntro')}</Typography.Paragraph>
      {isPending ? (
        <Skeleton active />
      ) : (
        <>
          <ErrorAlert error={error ?? save.error} />
          <Form
            form={form}
            name="webhook"
            layout="vertical"
            initialValues={webhook ?? { kind: 'wecom', locale: 'zh-CN', enabled: true }}
            onFinish={submit}
          >
            <Form.Item name="kind" label={t('fields.webhookKind')}>
              <Radio.Group
                optionType="button"
                options={WEBHOOK_KINDS.map((value) => ({ value, label: t(`enums.webhookKind.${value}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="url"
              label={t('fields.url')}
              required
              rules={[zodRule(WebhookInput.shape.url, 'url', t)]}
            >
              <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
            </Form.Item>
            <Form.Item name="locale" label={t('fields.webhookLocale')}>
              <Radio.Group
                optionType="button"
                options={LOCALES.map((value) => ({ value, label: t(`enums.locale.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name="enabled" label={t('fields.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
            {webhook?.lastStatus && (
              <Typography.Paragraph>
                {t('settings.lastStatus')} <Tag color={ok ? 'success' : 'error'}>{webhook.lastStatus}</Tag>
                {webhook.lastAt && (
                  <Typography.Text type="secondary">{formatDateTime(webhook.lastAt)}</Typography.Text>
                )}
              </Typography.Paragraph>
            )}
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="webhook-save">
              {t('common.save')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
