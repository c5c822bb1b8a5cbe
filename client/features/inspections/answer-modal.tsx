import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Rectification, RectificationAnswer } from '../../../common/schemas/inspection';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { zodRule } from '../../components/zod-rule';
import { useAnswerRectification } from './queries';

/** The branch secretary says what was put right; the supervisor then closes the item or not. */
export function AnswerModal({
  rectification,
  onClose,
}: {
  rectification: Rectification;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useAnswerRectification();
  const submit = ({ answer: text }: { answer: string }) =>
    answer.mutate(
      { id: rectification.id, answer: text },
      {
        onSuccess: () => {
          void message.success(t('inspections.answered'));
          onClose();
        },
        onError: (error) => setFieldError(form, error),
      },
    );
  return (
    <Modal
      open
      title={t('inspections.answerTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={answer.isPending}
          onClick={() => form.submit()}
          data-testid="rectification-answer-submit"
        >
          {t('inspections.answerSubmit')}
        </Button>,
      ]}
    >
      <ErrorAlert error={answer.error} />
      <Typography.Paragraph>
        <Typography.Text type="secondary">{t('inspections.item')}：</Typography.Text>
        {rectification.item}
      </Typography.Paragraph>
      <Form
        form={form}
        name="answer"
        layout="vertical"
        initialValues={{ answer: rectification.answer ?? '' }}
        onFinish={submit}
      >
        <Form.Item
          name="answer"
          label={t('inspections.answerLabel')}
          required
          rules={[zodRule(RectificationAnswer.shape.answer, 'answer', t)]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="rectification-answer-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
