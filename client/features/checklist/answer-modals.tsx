import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ChecklistAnswer,
  ChecklistScoreInput,
  SelfAssessmentInput,
} from '../../../common/schemas/checklist';
import { ErrorAlert, setFieldError } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { zodRule } from '../../components/zod-rule';
import { useActivitiesIn } from '../activities/queries';
import { useScoreItem, useSelfAssess } from './queries';

interface SelfValues {
  selfScore: number;
  selfNote?: string;
  evidenceActivityIds: number[];
}

/** The branch's own score for an item, with the activities that show it. */
export function SelfAssessmentModal({
  branchId,
  year,
  answer,
  onClose,
}: {
  branchId: number;
  year: number;
  answer: ChecklistAnswer;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SelfValues>();
  const save = useSelfAssess(branchId, year);
  const { data: activities, isPending } = useActivitiesIn(branchId, `${year}-01-01`, `${year}-12-31`);
  const options = useMemo(
    () =>
      (activities ?? [])
        .filter((a) => a.status === 'scheduled')
        .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
        .map((a) => ({ value: a.id, label: `${formatDateTime(a.startsAt).slice(0, 10)} ${a.title}` })),
    [activities],
  );
  const submit = (values: SelfValues) =>
    save.mutate(
      {
        itemId: answer.item.id,
        body: {
          selfScore: values.selfScore,
          selfNote: values.selfNote?.trim() || null,
          evidenceActivityIds: values.evidenceActivityIds ?? [],
        },
      },
      {
        onSuccess: () => {
          void message.success(t('checklist.selfSaved'));
          onClose();
        },
        onError: (error) => setFieldError(form, error),
      },
    );
  return (
    <Modal
      open
      title={t('checklist.selfTitle', { item: answer.item.title })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      mask={{ closable: false }}
      modalRender={(node) => <div data-testid="self-assessment">{node}</div>}
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        name="self"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          selfScore: answer.selfScore ?? undefined,
          selfNote: answer.selfNote ?? '',
          evidenceActivityIds: answer.evidence.map((e) => e.activityId),
        }}
      >
        <Form.Item
          name="selfScore"
          label={t('checklist.selfScore')}
          required
          rules={[zodRule(SelfAssessmentInput.shape.selfScore, 'selfScore', t)]}
        >
          <InputNumber min={0} max={100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="evidenceActivityIds"
          label={t('checklist.evidence')}
          extra={t('checklist.evidenceHint')}
        >
          <Select<number[]>
            mode="multiple"
            allowClear
            loading={isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            maxCount={50}
          />
        </Form.Item>
        <Form.Item name="selfNote" label={t('checklist.selfNote')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ScoreValues {
  score: number;
  scoreNote?: string;
}

/** The supervisor's score for a branch's item, after reading the branch's own. */
export function ScoreModal({
  branchId,
  year,
  answer,
  onClose,
}: {
  branchId: number;
  year: number;
  answer: ChecklistAnswer;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScoreValues>();
  const save = useScoreItem(branchId, year);
  const submit = (values: ScoreValues) =>
    save.mutate(
      { itemId: answer.item.id, body: { score: values.score, scoreNote: values.scoreNote?.trim() || null } },
      {
        onSuccess: () => {
          void message.success(t('checklist.scoreSaved'));
          onClose();
        },
        onError: (error) => setFieldError(form, error),
      },
    );
  return (
    <Modal
      open
      title={t('checklist.scoreTitle', { item: answer.item.title })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      mask={{ closable: false }}
      modalRender={(node) => <div data-testid="checklist-score">{node}</div>}
    >
      <ErrorAlert error={save.error} />
      {answer.selfScore !== null && (
        <Typography.Paragraph type="secondary">
          {t('checklist.selfWas', { score: answer.selfScore })}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        name="score"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          score: answer.score ?? answer.selfScore ?? undefined,
          scoreNote: answer.scoreNote ?? '',
        }}
      >
        <Form.Item
          name="score"
          label={t('checklist.score')}
          required
          rules={[zodRule(ChecklistScoreInput.shape.score, 'score', t)]}
        >
          <InputNumber min={0} max={100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="scoreNote" label={t('checklist.scoreNote')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
