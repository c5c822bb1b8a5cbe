import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { LeaveRequestInput } from '../../../common/schemas/attendance';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { useRequestLeave } from '../attendance/queries';

export function LeaveModal({ activityId, onClose }: { activityId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const request = useRequestLeave(activityId);

  const submit = ({ reason }: { reason: string }) =>
    request.mutate(reason, {
      onSuccess: () => {
        void message.success(t('my.leaveSent'));
        onClose();
      },
      onError: (error) => setFieldError(form, error),
    });

  return (
    <Modal
      open
      title={t('my.leaveTitle')}
      okText={t('my.leaveSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={request.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="leave-modal">{node}</div>}
    >
      <ErrorAlert error={request.error} />
      <Form form={form} name="leave" layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('fields.reason')}
          required
          rules={[zodRule(LeaveRequestInput.shape.reason, 'reason', t)]}
        >
          <Input.TextArea rows={3} maxLength={300} placeholder={t('my.leavePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
