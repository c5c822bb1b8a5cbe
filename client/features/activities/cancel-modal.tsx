import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActivityCancel } from '../../../common/schemas/activity';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { useCancelActivity } from './queries';

export function CancelModal({ activityId, onClose }: { activityId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelActivity(activityId);

  const submit = ({ reason }: { reason: string }) =>
    cancel.mutate(reason, {
      onSuccess: () => {
        void message.success(t('activity.cancelled'));
        onClose();
      },
      onError: (error) => setFieldError(form, error),
    });

  return (
    <Modal
      open
      title={t('activity.cancelTitle')}
      okText={t('activity.cancelConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={cancel.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ErrorAlert error={cancel.error} />
      <Form form={form} name="cancel" layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('fields.reason')}
          required
          extra={t('activity.cancelHint')}
          rules={[zodRule(ActivityCancel.shape.reason, 'reason', t)]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
