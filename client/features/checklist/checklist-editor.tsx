import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_AUTO, type ChecklistAuto } from '../../../common/enums';
import { ChecklistItemInput } from '../../../common/schemas/checklist';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { useChecklist, useSaveChecklist } from './queries';

/** antd's Select takes no null option value: "scored by hand" is this word in the form. */
const MANUAL = 'manual';
type Scoring = ChecklistAuto | typeof MANUAL;

interface ItemValues {
  /** An item kept from before: its answers stay with it. */
  id?: number;
  title: string;
  weight: number;
  auto: Scoring;
}

/** The assessment checklist (考核清单) a supervisor sets for the branches below for a year. */
export function ChecklistEditor({ orgId, year }: { orgId: number; year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ items: ItemValues[] }>();
  const { data: checklist, error, isPending } = useChecklist(orgId, year);
  const save = useSaveChecklist(orgId, year);
  const items = Form.useWatch('items', form);
  const sum = (items ?? []).reduce((total, item) => total + (item?.weight ?? 0), 0);
  const inherited = checklist && checklist.ownerOrgId !== null && checklist.ownerOrgId !== orgId;

  useEffect(() => {
    if (checklist)
      form.setFieldsValue({
        items: checklist.items.length
          ? checklist.items.map(({ id, title, weight, auto }) => ({
              id,
              title,
              weight,
              auto: auto ?? MANUAL,
            }))
          : [{ title: t('checklist.defaultFixedDay'), weight: 100, auto: 'fixed_day' }],
      });
  }, [checklist, form, t]);

  const sumError =
    save.error instanceof ApiError && save.error.field === 'items' ? save.error.message : undefined;
  const submit = ({ items: values }: { items: ItemValues[] }) =>
    save.mutate(
      {
        items: values.map((item) => ({
          ...(item.id ? { id: item.id } : {}),
          title: item.title,
          weight: item.weight,
          auto: item.auto === MANUAL ? null : item.auto,
        })),
      },
      {
        onSuccess: () => void message.success(t('checklist.saved')),
        onError: (e) => {
          if (e instanceof ApiError && e.field?.startsWith('items.')) {
            const name = e.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
            form.setFields([{ name: name as never, errors: [e.message] }]);
          }
        },
      },
    );

  if (isPending) return <Skeleton active />;
  return (
    <Card size="small" title={t('checklist.editorTitle', { year })} data-testid="checklist-editor">
      <ErrorAlert error={error} />
      {save.error && !(save.error instanceof ApiError && save.error.field?.startsWith('items')) && (
        <ErrorAlert error={save.error} />
      )}
      {inherited && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('checklist.inherited', { org: checklist.ownerOrgName })}
        />
      )}
      {checklist?.ownerOrgId === null && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('checklist.noneYet')} />
      )}
      <Form
        form={form}
        name="checklist"
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => save.error && save.reset()}
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} align="top" data-testid={`checklist-item-${index}`}>
                  <Form.Item name={[field.name, 'id']} hidden noStyle>
                    <Input type="hidden" />
                  </Form.Item>
                  <Col xs={24} md={13}>
                    <Form.Item
                      name={[field.name, 'title']}
                      label={index === 0 ? t('checklist.itemTitle') : undefined}
                      rules={[zodRule(ChecklistItemInput.shape.title, 'title', t)]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input maxLength={200} placeholder={t('checklist.itemTitle')} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={3}>
                    <Form.Item
                      name={[field.name, 'weight']}
                      label={index === 0 ? t('checklist.weight') : undefined}
                      rules={[
                        {
                          required: true,
                          message: t('errors.validation.required', { field: t('checklist.weight') }),
                        },
                      ]}
                      style={{ marginBottom: 8 }}
                    >
                      <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={13} md={6}>
                    <Form.Item
                      name={[field.name, 'auto']}
                      label={index === 0 ? t('checklist.scoring') : undefined}
                      style={{ marginBottom: 8 }}
                    >
                      <Select<Scoring>
                        options={[
                          { value: MANUAL, label: t('checklist.manual') },
                          ...CHECKLIST_AUTO.map((value) => ({ value, label: t(`checklist.auto.${value}`) })),
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={3} md={2} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('common.delete')}
                      disabled={fields.length === 1}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ title: '', weight: 10, auto: MANUAL })}
                style={{ alignSelf: 'flex-start' }}
                data-testid="checklist-add"
              >
                {t('checklist.addItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item
          label={t('ranking.scheme.sum')}
          style={{ marginTop: 16 }}
          validateStatus={sum !== 100 || sumError ? 'error' : 'success'}
          help={sumError ?? (sum !== 100 ? t('ranking.scheme.sumHint', { sum }) : undefined)}
        >
          <Typography.Text
            strong
            style={{ fontSize: 18, color: sum === 100 ? '#389e0d' : '#cf1322' }}
            data-testid="checklist-sum"
          >
            {sum} / 100
          </Typography.Text>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="checklist-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
