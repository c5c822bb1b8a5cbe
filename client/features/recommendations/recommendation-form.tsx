import { App, Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityKind, Theme } from '../../../common/enums';
import { RecommendationInput } from '../../../common/schemas/plan';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { chinaMonth, chinaYear } from '../../components/china-time';
import { zodRule } from '../../components/zod-rule';
import { monthName } from '../calendar/dates';
import { PlanFields } from '../calendar/plan-fields';
import { usePublishRecommendation } from '../calendar/queries';

interface Values {
  month: number;
  theme: Theme;
  title: string;
  kinds: ActivityKind[];
  note?: string;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export function RecommendationForm({ orgId, year }: { orgId: number; year: number }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const publish = usePublishRecommendation(orgId);
  // Themes are published ahead: next month is the likely one.
  const month = year === chinaYear() ? Math.min(chinaMonth() + 1, 12) : 1;

  const submit = (values: Values) =>
    publish.mutate(
      { ...values, year, note: values.note?.trim() || null },
      {
        onSuccess: (published) => {
          void message.success(t('recommendations.published', { month: published.month }));
          form.resetFields(['title', 'note']);
        },
        onError: (error) => setFieldError(form, error),
      },
    );

  return (
    <Card size="small" title={t('recommendations.publishTitle', { year })} data-testid="recommendation-form">
      <ErrorAlert error={publish.error} />
      <Form
        form={form}
        name="recommendation"
        layout="vertical"
        initialValues={{ kinds: [], month }}
        onFinish={submit}
      >
        <Form.Item
          name="month"
          label={t('fields.month')}
          required
          rules={[zodRule(RecommendationInput.shape.month, 'month', t)]}
        >
          <Select
            options={MONTHS.map((month) => ({ value: month, label: monthName(i18n.language, month) }))}
          />
        </Form.Item>
        <PlanFields />
        <Form.Item
          name="note"
          label={t('fields.note')}
          rules={[zodRule(RecommendationInput.shape.note, 'note', t)]}
        >
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('recommendations.notePlaceholder')} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={publish.isPending}
          data-testid="recommendation-submit"
        >
          {t('recommendations.publish')}
        </Button>
      </Form>
    </Card>
  );
}
