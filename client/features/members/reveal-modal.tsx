import { type ButtonProps, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { type MemberDetail, type Revealed, RevealRequest } from '../../../common/schemas/member';
import { setFieldError } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { useRevealMember } from './queries';

/** Asks why the full ID and phone number are needed; the reason goes into the audit log. */
export function RevealModal({
  member,
  onRevealed,
  onClose,
}: {
  member: MemberDetail;
  onRevealed: (revealed: Revealed) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RevealRequest>();
  const reveal = useRevealMember(member.id);
  const submit = ({ reason }: RevealRequest) =>
    reveal.mutate(
      { reason },
      {
        onSuccess: (revealed) => {
          onRevealed(revealed);
          onClose();
        },
        onError: (error) => setFieldError(form, error),
      },
    );
  return (
    <Modal
      open
      title={t('members.revealTitle', { name: member.name })}
      okText={t('members.revealOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'reveal-submit' } as ButtonProps}
      confirmLoading={reveal.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} name="reveal" layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('members.revealReason')}
          required
          rules={[zodRule(RevealRequest.shape.reason, 'reason', t)]}
        >
          <Input maxLength={200} data-testid="reveal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
