import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AttendanceRow, ManualAttendance } from '../../../common/schemas/attendance';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { useMarkAttendance } from './queries';

/** A secretary records presence by hand (no phone, late arrival); the reason stays in the ledger. */
export function MarkModal({
  activityId,
  row,
  onClose,
}: {
  activityId: number;
  row: AttendanceRow;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ManualAttendance>();
  const mark = useMarkAttendance(activityId);

  const submit = (body: ManualAttendance) =>
    mark.mutate(
      { memberId: row.memberId, body },
      {
        onSuccess: () => {
          void message.success(t('attendance.marked', { name: row.name }));
          onClose();
        },
        onError: (error) => setFieldError(form, error),
      },
    );

  return (
    <Modal
      open
      title={t('attendance.markTitle', { name: row.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mark.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="mark-modal">{node}</div>}
    >
      <ErrorAlert error={mark.error} />
      <Form
        form={form}
        name="mark"
        layout="vertical"
        initialValues={{ status: row.status === 'present' ? 'absent' : 'present' }}
        onFinish={submit}
      >
        <Form.Item name="status" label={t('fields.attendanceStatus')}>
          <Radio.Group
            optionType="button"
            options={(['present', 'absent'] as const).map((value) => ({
              value,
              label: t(`enums.attendanceStatus.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('fields.reason')}
          required
          rules={[zodRule(ManualAttendance.shape.reason, 'reason', t)]}
        >
          <Input maxLength={300} placeholder={t('attendance.markReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
