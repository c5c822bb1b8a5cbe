import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { VENUE_TYPES, type VenueType } from '../../../common/enums';
import { type Venue, VenueCreate } from '../../../common/schemas/venue';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { useCreateVenue, useUpdateVenue } from './queries';

interface Values {
  name: string;
  type: VenueType;
  address?: string;
  lat?: number | null;
  lng?: number | null;
  radiusM?: number | null;
  strict?: boolean;
}

const shape = VenueCreate.shape;

export function VenueModal({ orgId, venue, onClose }: { orgId: number; venue?: Venue; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateVenue(orgId);
  const update = useUpdateVenue();
  const mutation = venue ? update : create;

  const submit = async (values: Values) => {
    const body: VenueCreate = {
      name: values.name,
      type: values.type,
      address: values.address?.trim() || null,
      lat: values.lat ?? null,
      lng: values.lng ?? null,
      radiusM: values.radiusM ?? null,
      strict: values.strict ?? false,
    };
    try {
      if (venue) await update.mutateAsync({ id: venue.id, body });
      else await create.mutateAsync(body);
      void message.success(t('venues.saved', { name: body.name }));
      onClose();
    } catch (error) {
      setFieldError(form, error);
    }
  };

  return (
    <Modal
      open
      title={venue ? t('venues.editTitle') : t('venues.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="venue-modal">{node}</div>}
    >
      <ErrorAlert error={mutation.error} />
      <Form
        form={form}
        name="venue"
        layout="vertical"
        initialValues={venue ?? { type: 'activity_room' }}
        onFinish={submit}
      >
        <Form.Item name="name" label={t('venues.name')} required rules={[zodRule(shape.name, 'name', t)]}>
          <Input maxLength={100} placeholder={t('venues.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="type" label={t('fields.venueType')} required extra={t('venues.typeHint')}>
          <Select options={VENUE_TYPES.map((value) => ({ value, label: t(`enums.venueType.${value}`) }))} />
        </Form.Item>
        <Form.Item name="address" label={t('fields.address')} rules={[zodRule(shape.address, 'address', t)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item name="lat" label={t('fields.lat')}>
              <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="lng" label={t('fields.lng')}>
              <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="radiusM" label={t('fields.radiusM')}>
              <InputNumber min={20} max={5000} step={10} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('venues.geofenceHint')}
        </Typography.Text>
        <Form.Item
          name="strict"
          label={t('fields.strict')}
          valuePropName="checked"
          extra={t('venues.strictHint')}
          style={{ marginTop: 12 }}
        >
          <Switch data-testid="venue-strict" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
