import { App, Button, Card, Col, Flex, Form, InputNumber, Row, Skeleton, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_WEIGHTS, SCORE_ITEMS, type ScoreItem } from '../../../common/enums';
import type { Weights } from '../../../common/schemas/ranking';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/api-error';
import { useSaveScheme, useScoringScheme } from './queries';

interface Values {
  weights: Weights;
}

const sumOf = (weights: Partial<Record<ScoreItem, number | null>> | undefined) =>
  SCORE_ITEMS.reduce((sum, item) => sum + (weights?.[item] ?? 0), 0);

/** The weight of each item in the score for a year; they add up to 100, the sum shown as they are typed. */
export function SchemeEditor({ orgId, year }: { orgId: number; year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data: scheme, error, isPending } = useScoringScheme(orgId, year);
  const save = useSaveScheme(orgId, year);
  const weights = Form.useWatch('weights', form);
  const sum = sumOf(weights);

  useEffect(() => {
    if (scheme) form.setFieldsValue({ weights: scheme.weights });
  }, [scheme, form]);

  // The server names `weights` when the sum is wrong: its message goes under the sum, not above the form.
  const serverSumError =
    save.error instanceof ApiError && save.error.field === 'weights' ? save.error.message : undefined;

  const submit = (values: Values) =>
    save.mutate(
      {
        weights: Object.fromEntries(SCORE_ITEMS.map((item) => [item, values.weights[item] ?? 0])) as Weights,
      },
      {
        onSuccess: () => void message.success(t('ranking.scheme.saved')),
        onError: (e) => {
          // A single item's refusal goes under that item; the sum's under the sum.
          if (e instanceof ApiError && e.field?.startsWith('weights.')) {
            form.setFields([{ name: e.field.split('.') as ['weights', ScoreItem], errors: [e.message] }]);
          }
        },
      },
    );

  if (isPending) return <Skeleton active />;
  return (
    <Card
      size="small"
      data-testid="scheme-editor"
      title={
        <Flex gap={8} align="center" wrap>
          {t('ranking.scheme.title', { year })}
          {scheme?.inherited && <Tag>{t('ranking.scheme.inherited')}</Tag>}
        </Flex>
      }
    >
      <ErrorAlert error={error} />
      {save.error && !(save.error instanceof ApiError && save.error.field?.startsWith('weights')) && (
        <ErrorAlert error={save.error} />
      )}
      <Typography.Paragraph type="secondary">{t('ranking.scheme.hint')}</Typography.Paragraph>
      <Form
        form={form}
        name="scheme"
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => save.error && save.reset()}
        initialValues={{ weights: scheme?.weights ?? DEFAULT_WEIGHTS }}
      >
        <Row gutter={16}>
          {SCORE_ITEMS.map((item) => (
            <Col key={item} xs={12} sm={8} lg={6}>
              <Form.Item name={['weights', item]} label={t(`enums.scoreItem.${item}`)}>
                <InputNumber
                  min={0}
                  max={100}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid={`weight-${item}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item
          label={t('ranking.scheme.sum')}
          validateStatus={sum !== 100 || serverSumError ? 'error' : 'success'}
          help={serverSumError ?? (sum !== 100 ? t('ranking.scheme.sumHint', { sum }) : undefined)}
        >
          <Typography.Text
            strong
            style={{ fontSize: 18, color: sum === 100 ? '#389e0d' : '#cf1322' }}
            data-testid="weight-sum"
          >
            {sum} / 100
          </Typography.Text>
        </Form.Item>
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="scheme-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue({ weights: DEFAULT_WEIGHTS })}>
            {t('ranking.scheme.defaults')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
