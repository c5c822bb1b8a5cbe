import { EditOutlined, StarOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChecklistAnswer } from '../../../common/schemas/checklist';
import { ErrorAlert } from '../../components/api-error';
import { ScoreModal, SelfAssessmentModal } from './answer-modals';
import { useBranchChecklist } from './queries';

type Dialog = { kind: 'self' | 'score'; answer: ChecklistAnswer } | null;

function ScoreText({ score }: { score: number | null }) {
  const { t } = useTranslation();
  return score === null ? (
    <Typography.Text type="secondary">{t('checklist.notYet')}</Typography.Text>
  ) : (
    <Typography.Text strong style={{ fontSize: 16 }}>
      {score}
    </Typography.Text>
  );
}

function AnswerCard({
  answer,
  canAssess,
  canScore,
  open,
}: {
  answer: ChecklistAnswer;
  canAssess: boolean;
  canScore: boolean;
  open: (dialog: Dialog) => void;
}) {
  const { t } = useTranslation();
  const { item } = answer;
  const auto = item.auto !== null;
  return (
    <Card
      size="small"
      data-testid={`checklist-answer-${item.id}`}
      title={
        <Flex gap={6} wrap align="center" style={{ whiteSpace: 'normal' }}>
          <span>{item.title}</span>
          <Tag color="red">{t('checklist.weightValue', { weight: item.weight })}</Tag>
          {item.auto && <Tag color="blue">{t(`checklist.auto.${item.auto}`)}</Tag>}
        </Flex>
      }
    >
      <Row gutter={[16, 12]}>
        <Col xs={24} md={12}>
          <Flex vertical gap={4}>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text type="secondary">{t('checklist.selfScore')}</Typography.Text>
              {canAssess && !auto && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => open({ kind: 'self', answer })}
                  data-testid={`self-edit-${item.id}`}
                >
                  {answer.selfScore === null ? t('checklist.selfAssess') : t('common.edit')}
                </Button>
              )}
            </Flex>
            {auto ? (
              <Typography.Text type="secondary">{t('checklist.autoHint')}</Typography.Text>
            ) : (
              <ScoreText score={answer.selfScore} />
            )}
            {answer.selfNote && (
              <Typography.Text style={{ whiteSpace: 'pre-line' }}>{answer.selfNote}</Typography.Text>
            )}
            {answer.evidence.length > 0 && (
              <Flex vertical gap={2}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('checklist.evidence')}
                </Typography.Text>
                {answer.evidence.map((e) => (
                  <Link key={e.activityId} to={`/activities/${e.activityId}`}>
                    {e.date.slice(0, 10)} {e.title}
                  </Link>
                ))}
              </Flex>
            )}
          </Flex>
        </Col>
        <Col xs={24} md={12}>
          <Flex vertical gap={4}>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text type="secondary">{t('checklist.score')}</Typography.Text>
              {canScore && !auto && (
                <Button
                  size="small"
                  type={answer.score === null ? 'primary' : 'default'}
                  icon={<StarOutlined />}
                  onClick={() => open({ kind: 'score', answer })}
                  data-testid={`score-edit-${item.id}`}
                >
                  {answer.score === null ? t('checklist.scoreIt') : t('common.edit')}
                </Button>
              )}
            </Flex>
            <ScoreText score={answer.score} />
            {answer.scoreNote && (
              <Typography.Text style={{ whiteSpace: 'pre-line' }}>{answer.scoreNote}</Typography.Text>
            )}
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}

/** One branch's checklist for the year: the branch assesses itself, the supervisor scores. */
export function BranchChecklistView({
  branchId,
  year,
  as,
}: {
  branchId: number;
  year: number;
  /** The branch assesses itself; the supervisor scores. Each sees only their own buttons. */
  as: 'branch' | 'supervisor';
}) {
  const { t } = useTranslation();
  const { data, error, isPending } = useBranchChecklist(branchId, year);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (isPending) return <Skeleton active />;
  if (!data) return <ErrorAlert error={error} />;
  const canAssess = as === 'branch' && data.canAssess;
  const canScore = as === 'supervisor' && data.canScore;
  return (
    <Flex vertical gap={12} data-testid="branch-checklist">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex vertical>
          <Typography.Text strong>{data.orgName}</Typography.Text>
          {data.ownerOrgName && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('checklist.setBy', { org: data.ownerOrgName, year })}
            </Typography.Text>
          )}
        </Flex>
        <Flex align="baseline" gap={6}>
          <Typography.Text type="secondary">{t('checklist.total')}</Typography.Text>
          <span style={{ fontSize: 26, fontWeight: 600, color: '#c8161d' }} data-testid="checklist-total">
            {Math.round(data.total * 10) / 10}
          </span>
        </Flex>
      </Flex>
      {canAssess && <Alert type="info" showIcon title={t('checklist.assessHint')} />}
      {data.answers.length === 0 ? (
        <Empty description={t('checklist.noneYet')} />
      ) : (
        data.answers.map((answer) => (
          <AnswerCard
            key={answer.item.id}
            answer={answer}
            canAssess={canAssess}
            canScore={canScore}
            open={setDialog}
          />
        ))
      )}
      {dialog?.kind === 'self' && (
        <SelfAssessmentModal
          branchId={branchId}
          year={year}
          answer={dialog.answer}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'score' && (
        <ScoreModal branchId={branchId} year={year} answer={dialog.answer} onClose={() => setDialog(null)} />
      )}
    </Flex>
  );
}
