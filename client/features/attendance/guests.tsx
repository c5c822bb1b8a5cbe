import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Guest, GuestInput } from '../../../common/schemas/attendance';
import { setFieldError, useErrorToast } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { useAddGuest, useRemoveGuest } from './queries';

interface Values {
  name: string;
  phone?: string;
}

/** The masses who took part (seed 003): counted in the ledger, no account needed. */
export function Guests({
  activityId,
  guests,
  editable,
}: {
  activityId: number;
  guests: Guest[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddGuest(activityId);
  const remove = useRemoveGuest();
  const showError = useErrorToast();

  const submit = ({ name, phone }: Values) =>
    add.mutate(
      { name, phone: phone?.trim() || null },
      { onSuccess: () => form.resetFields(), onError: (error) => setFieldError(form, error) },
    );

  return (
    <Card size="small" title={t('attendance.guests', { count: guests.length })} data-testid="guests">
      <Flex gap={6} wrap style={{ marginBottom: 12 }}>
        {guests.map((guest) => (
          <Tag
            key={guest.id}
            closable={editable}
            closeIcon={<DeleteOutlined />}
            onClose={(event) => {
              event.preventDefault();
              remove.mutate(guest.id, { onError: showError });
            }}
          >
            {guest.name}
            {guest.phone ? ` · ${guest.phone}` : ''}
          </Tag>
        ))}
      </Flex>
      {editable && (
        <Form form={form} name="guest" layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
          <Form.Item name="name" rules={[zodRule(GuestInput.shape.name, 'name', t)]}>
            <Input placeholder={t('fields.name')} maxLength={50} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="phone" rules={[zodRule(GuestInput.shape.phone, 'phone', t)]}>
            <Input
              placeholder={t('attendance.guestPhone')}
              inputMode="tel"
              maxLength={11}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Button
            htmlType="submit"
            icon={<UserAddOutlined />}
            loading={add.isPending}
            data-testid="guest-add"
          >
            {t('attendance.addGuest')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
