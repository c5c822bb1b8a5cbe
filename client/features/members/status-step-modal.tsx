import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MemberStatus } from '../../../common/enums';
import { type MemberDetail, StatusChange } from '../../../common/schemas/member';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { ISO_DATE, today, toIsoDate } from '../../components/dates';
import { zodRule } from '../../components/zod-rule';
import { useChangeStatus } from './queries';

interface Values {
  date: Dayjs;
  note?: string;
}

/** One step forward on the development path (applicant → … → full member), dated. */
export function StatusStepModal({
  member,
  next,
  onClose,
}: {
  member: MemberDetail;
  next: MemberStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangeStatus(member.id);

  const submit = (values: Values) =>
    change.mutate(
      { status: next, date: toIsoDate(values.date)!, note: values.note?.trim() || undefined },
      { onSuccess: onClose, onError: (error) => setFieldError(form, error) },
    );

  return (
    <Modal
      open
      title={t('members.statusStep')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="status-modal">{node}</div>}
    >
      <ErrorAlert error={change.error} testId="status-error" />
      <Typography.Paragraph>
        {t('members.statusStepFromTo', {
          from: t(`enums.memberStatus.${member.status}`),
          to: t(`enums.memberStatus.${next}`),
        })}
      </Typography.Paragraph>
      <Form form={form} name="status" layout="vertical" initialValues={{ date: today() }} onFinish={submit}>
        <Form.Item
          name="date"
          label={t('fields.date')}
          rules={[{ required: true, message: t('members.dateRequired') }]}
        >
          <DatePicker format={ISO_DATE} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today())} />
        </Form.Item>
        <Form.Item name="note" label={t('fields.note')} rules={[zodRule(StatusChange.shape.note, 'note', t)]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
