import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Talk, TalkInput } from '../../../common/schemas/talk';
import { api } from '../../api';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { today, toIsoDate } from '../../components/dates';
import { keys } from '../../query-keys';

type Values = { heldOn: Dayjs; topics: string; agreed?: string; followUpOn?: Dayjs | null };

/** Records a heart-to-heart talk with a member (named by the alert it starts from), and so answers the alert. */
export function TalkModal({
  orgId,
  memberId,
  alertId,
  onClose,
}: {
  orgId: number;
  memberId: number;
  alertId?: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: TalkInput) => api.post<Talk>(`/orgs/${orgId}/talks`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.alerts }),
  });
  const submit = (values: Values) =>
    save.mutate(
      {
        memberId,
        alertId,
        heldOn: toIsoDate(values.heldOn)!,
        topics: values.topics,
        agreed: values.agreed || undefined,
        followUpOn: toIsoDate(values.followUpOn ?? undefined),
      },
      { onSuccess: onClose, onError: (error) => setFieldError(form, error) },
    );
  return (
    <Modal
      open
      title={t('talks.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="talk-modal">{node}</div>}
    >
      <ErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        name="talk"
        layout="vertical"
        initialValues={{ heldOn: today() }}
        onFinish={submit}
      >
        <Form.Item name="heldOn" label={t('fields.heldOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="topics"
          label={t('fields.topics')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('errors.validation.required', { field: t('fields.topics') }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('talks.topicsHint')} />
        </Form.Item>
        <Form.Item name="agreed" label={t('fields.agreed')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="followUpOn" label={t('fields.followUpOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
