import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { INSPECTION_METHODS, type InspectionMethod } from '../../../common/enums';
import { InspectionInput, RectificationInput } from '../../../common/schemas/inspection';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { today, toIsoDate } from '../../components/dates';
import { Page } from '../../components/page';
import { zodRule } from '../../components/zod-rule';
import { useActivitiesIn, useActivity } from '../activities/queries';
import { OrgTreeSelect } from '../orgs/org-tree-select';
import { useCreateInspection } from './queries';

interface RectificationValues {
  item: string;
  responsible: string;
  dueDate: Dayjs;
}

interface Values {
  orgId: number;
  activityId?: number | null;
  method: InspectionMethod;
  date: Dayjs;
  contacted?: string;
  findings: string;
  score: number;
  rectifications: RectificationValues[];
}

const shape = InspectionInput.shape;
const itemShape = RectificationInput.shape;
/** Branches and general branches are inspected; committees are reached through them. */
const canInspect = (node: { level: string }) => node.level !== 'committee';

/** `rectifications.0.dueDate` from the server lands on that row's due date, not on the whole list. */
function setInspectionFieldError(form: FormInstance<Values>, error: unknown) {
  if (!(error instanceof ApiError) || !error.field) return;
  const name = error.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  form.setFields([{ name: name as never, errors: [error.message] }]);
}

/** The activities of the inspected org in the inspection's year, the newest first. */
function ActivitySelect({
  orgId,
  year,
  prefilled,
  ...props
}: {
  orgId: number | undefined;
  year: number;
  prefilled: number | undefined;
  value?: number | null;
  onChange?: (value: number | null) => void;
}) {
  const { t } = useTranslation();
  const { data, isPending } = useActivitiesIn(orgId, `${year}-01-01`, `${year}-12-31`);
  const { data: extra } = useActivity(prefilled);
  const options = useMemo(() => {
    const items = (data ?? []).filter((a) => a.status === 'scheduled');
    if (extra && !items.some((a) => a.id === extra.id)) items.push(extra);
    return items
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
      .map((a) => ({ value: a.id, label: `${formatDateTime(a.startsAt).slice(0, 10)} ${a.title}` }));
  }, [data, extra]);
  return (
    <Select<number | null>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={isPending && orgId !== undefined}
      placeholder={t('inspections.activityPlaceholder')}
      options={options}
      {...props}
      onChange={(value) => props.onChange?.(value ?? null)}
    />
  );
}

/**
 * Records an inspection: who was inspected and how, what was found, a score, and the items to put
 * right. Opened from the dashboard (the org), or from a telephone spot check (the activity and the
 * members called).
 */
export function InspectionFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const create = useCreateInspection();
  const prefilledActivity = Number(params.get('activityId')) || undefined;
  const method = params.get('method');
  const initialValues: Partial<Values> = {
    orgId: Number(params.get('orgId')) || undefined,
    activityId: prefilledActivity ?? null,
    method: INSPECTION_METHODS.includes(method as InspectionMethod)
      ? (method as InspectionMethod)
      : 'on_site',
    date: today(),
    contacted: params.get('contacted') ?? '',
    rectifications: [],
  };
  const orgId = Form.useWatch('orgId', form);
  const date = Form.useWatch('date', form);
  const year = (date ?? today()).year();

  const submit = (values: Values) =>
    create.mutate(
      {
        orgId: values.orgId,
        activityId: values.activityId ?? null,
        method: values.method,
        date: toIsoDate(values.date)!,
        contacted: values.contacted?.trim() ?? '',
        findings: values.findings,
        score: values.score,
        rectifications: values.rectifications.map((r) => ({
          item: r.item,
          responsible: r.responsible,
          dueDate: toIsoDate(r.dueDate)!,
        })),
      },
      {
        onSuccess: (inspection) => {
          void message.success(t('inspections.saved'));
          navigate(`/inspections/${inspection.id}`, { replace: true });
        },
        onError: (error) => setInspectionFieldError(form, error),
      },
    );

  return (
    <Page title={t('inspections.recordTitle')}>
      <Card style={{ maxWidth: 860 }} data-testid="inspection-form">
        <ErrorAlert error={create.error} />
        <Form form={form} name="inspection" layout="vertical" initialValues={initialValues} onFinish={submit}>
          <Row gutter={16}>
            <Col xs={24} sm={14}>
              <Form.Item
                name="orgId"
                label={t('inspections.org')}
                required
                rules={[zodRule(shape.orgId, 'orgId', t)]}
              >
                <OrgTreeSelect
                  canPick={canInspect}
                  onChange={() => form.setFieldValue('activityId', null)}
                  placeholder={t('inspections.orgPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={10}>
              <Form.Item
                name="date"
                label={t('fields.date')}
                required
                rules={[
                  { required: true, message: t('errors.validation.required', { field: t('fields.date') }) },
                ]}
              >
                <DatePicker style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="method" label={t('inspections.method')} required>
                <Radio.Group
                  optionType="button"
                  options={INSPECTION_METHODS.map((value) => ({
                    value,
                    label: t(`enums.inspectionMethod.${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={14}>
              <Form.Item
                name="activityId"
                label={t('inspections.activity')}
                extra={t('inspections.activityHint')}
              >
                <ActivitySelect orgId={orgId} year={year} prefilled={prefilledActivity} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={10}>
              <Form.Item
                name="contacted"
                label={t('inspections.contacted')}
                rules={[zodRule(shape.contacted, 'contacted', t)]}
              >
                <Input maxLength={200} placeholder={t('inspections.contactedPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="findings"
                label={t('inspections.findings')}
                required
                rules={[zodRule(shape.findings, 'findings', t)]}
              >
                <Input.TextArea
                  rows={4}
                  maxLength={5000}
                  showCount
                  placeholder={t('inspections.findingsPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={10}>
              <Form.Item
                name="score"
                label={t('inspections.score')}
                required
                extra={t('inspections.scoreHint')}
                rules={[zodRule(shape.score, 'score', t)]}
              >
                <InputNumber precision={1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start" style={{ marginTop: 0 }}>
            {t('inspections.rectifications')}
          </Divider>
          <Form.List name="rectifications">
            {(fields, { add, remove }) => (
              <Flex vertical gap={12}>
                {fields.length === 0 && (
                  <Typography.Text type="secondary">{t('inspections.noItemsYet')}</Typography.Text>
                )}
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    data-testid={`rectification-input-${index}`}
                    title={t('inspections.itemNumber', { n: index + 1 })}
                    extra={
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('common.delete')}
                      />
                    }
                  >
                    <Row gutter={16}>
                      <Col xs={24}>
                        <Form.Item
                          name={[field.name, 'item']}
                          label={t('inspections.item')}
                          required
                          rules={[zodRule(itemShape.item, 'item', t)]}
                        >
                          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12}>
                        <Form.Item
                          name={[field.name, 'responsible']}
                          label={t('inspections.responsible')}
                          required
                          rules={[zodRule(itemShape.responsible, 'responsible', t)]}
                        >
                          <Input maxLength={50} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12}>
                        <Form.Item
                          name={[field.name, 'dueDate']}
                          label={t('inspections.dueDate')}
                          required
                          rules={[
                            {
                              required: true,
                              message: t('errors.validation.required', { field: t('inspections.dueDate') }),
                            },
                          ]}
                        >
                          <DatePicker style={{ width: '100%' }} allowClear={false} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({
                      item: '',
                      responsible: '',
                      dueDate: (form.getFieldValue('date') ?? today()).add(30, 'day'),
                    })
                  }
                  data-testid="rectification-add"
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('inspections.addItem')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Flex gap={8} style={{ marginTop: 24 }}>
            <Button
              type="primary"
              htmlType="submit"
              loading={create.isPending}
              data-testid="inspection-submit"
            >
              {t('inspections.submit')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </Page>
  );
}
