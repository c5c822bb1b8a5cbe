import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Rectification } from '../../../common/schemas/inspection';
import { useErrorToast } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { CompactList } from '../../components/compact-list';
import { useIsPhone } from '../../components/use-is-phone';
import { isOverseer } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { hasRole } from '../auth/queries';
import { AnswerModal } from './answer-modal';
import { useCloseRectification } from './queries';
import { RectificationStatusTag } from './tags';

/**
 * What an inspection asked to be put right: the branch secretary answers, the supervisor closes.
 * The server decides in the end; the buttons only show where the action makes sense.
 */
export function RectificationList({
  items,
  loading,
  showOrg = true,
  showInspection = true,
}: {
  items: Rectification[] | undefined;
  loading?: boolean;
  showOrg?: boolean;
  showInspection?: boolean;
}) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const { modal, message } = App.useApp();
  const showError = useErrorToast();
  const close = useCloseRectification();
  const [answering, setAnswering] = useState<Rectification | null>(null);
  const canAnswer = hasRole(me, 'secretary');
  const canClose = isOverseer(me);

  const confirmClose = (r: Rectification) =>
    modal.confirm({
      title: t('inspections.closeConfirm'),
      content: r.item,
      okText: t('inspections.close'),
      cancelText: t('common.cancel'),
      onOk: () =>
        close.mutateAsync(r.id).then(() => void message.success(t('inspections.closed')), showError),
    });

  const actions = (r: Rectification) => (
    <Flex gap={4} wrap>
      {canAnswer && r.status !== 'closed' && (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setAnswering(r)}
          data-testid={`rectification-answer-${r.id}`}
        >
          {r.status === 'answered' ? t('inspections.reanswer') : t('inspections.answer')}
        </Button>
      )}
      {canClose && r.status === 'answered' && (
        <Button
          size="small"
          type={r.status === 'answered' ? 'primary' : 'default'}
          icon={<CheckOutlined />}
          onClick={() => confirmClose(r)}
          data-testid={`rectification-close-${r.id}`}
        >
          {t('inspections.close')}
        </Button>
      )}
    </Flex>
  );
  const answerText = (r: Rectification) =>
    r.answer ? (
      <Flex vertical>
        <Typography.Text style={{ whiteSpace: 'pre-line' }}>{r.answer}</Typography.Text>
        {r.answeredAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.answeredAt)}
          </Typography.Text>
        )}
      </Flex>
    ) : (
      <Typography.Text type="secondary">{t('inspections.noAnswer')}</Typography.Text>
    );
  const inspectionLink = (r: Rectification) => (
    <Link to={`/inspections/${r.inspectionId}`}>{t('inspections.toInspection')}</Link>
  );

  // Few, narrow columns: the item and the answer wrap, nothing scrolls sideways on a laptop.
  const columns: TableProps<Rectification>['columns'] = [
    {
      key: 'item',
      title: t('inspections.item'),
      width: 260,
      render: (_, r) => (
        <Flex vertical>
          <span style={{ whiteSpace: 'pre-line' }}>{r.item}</span>
          {showOrg && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.orgName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'dueDate',
      title: t('inspections.responsibleAndDue'),
      width: 130,
      sorter: (a, b) => a.dueDate.localeCompare(b.dueDate),
      render: (_, r) => (
        <Flex vertical>
          <span>{r.responsible}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('inspections.dueOn', { date: r.dueDate })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('inspections.status'),
      width: 150,
      render: (_, r) => <RectificationStatusTag status={r.status} overdue={r.overdue} />,
    },
    { key: 'answer', title: t('inspections.answerLabel'), render: (_, r) => answerText(r) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_, r) => (
        <Flex vertical gap={4} align="flex-start">
          {actions(r)}
          {showInspection && inspectionLink(r)}
        </Flex>
      ),
    },
  ];

  return (
    <div data-testid="rectification-list">
      {isPhone ? (
        <CompactList<Rectification>
          items={items}
          loading={loading}
          rowKey={(r) => r.id}
          renderItem={(r) => (
            <Flex vertical gap={4} data-testid={`rectification-${r.id}`} data-status={r.status}>
              <Flex gap={4} wrap align="center">
                <RectificationStatusTag status={r.status} overdue={r.overdue} />
              </Flex>
              <Typography.Text strong style={{ whiteSpace: 'pre-line' }}>
                {r.item}
              </Typography.Text>
              <Typography.Text type="secondary">
                {[showOrg ? r.orgName : null, r.responsible, t('inspections.dueOn', { date: r.dueDate })]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
              {r.answer && answerText(r)}
              <Flex gap={8} wrap align="center">
                {actions(r)}
                {showInspection && inspectionLink(r)}
              </Flex>
            </Flex>
          )}
        />
      ) : (
        <Table<Rectification>
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={items}
          pagination={items && items.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          scroll={{ x: 720 }}
          onRow={(r) => ({ 'data-testid': `rectification-${r.id}`, 'data-status': r.status }) as object}
        />
      )}
      {answering && <AnswerModal rectification={answering} onClose={() => setAnswering(null)} />}
    </div>
  );
}
