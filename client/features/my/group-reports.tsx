import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberReport } from '../../../common/schemas/member-report';
import { ApiError } from '../../api';
import { formatDateTime } from '../../components/china-time';
import { errorText } from '../../components/error-text';
import { Button } from '../../components/plain/button';
import { Tag } from '../../components/plain/tag';
import { useGroupReports, useReplyToReport } from './report-queries';

/** The group's reports waiting for the leader's reply, each answered where it is read. */
export function GroupReports({ groupId }: { groupId: number }) {
  const { t } = useTranslation();
  const { data } = useGroupReports(groupId, true);
  if (!data?.items.length) return null;
  return (
    <div data-testid={`group-reports-${groupId}`}>
      <h3 style={{ fontSize: 15, margin: '8px 0' }}>
        {t('my.reports.toAnswer', { count: data.items.length })}
      </h3>
      {data.items.map((r) => (
        <WaitingReport key={r.id} groupId={groupId} report={r} />
      ))}
    </div>
  );
}

function WaitingReport({ groupId, report }: { groupId: number; report: MemberReport }) {
  const { t } = useTranslation();
  const answer = useReplyToReport(groupId);
  const [reply, setReply] = useState('');
  const fieldId = `reply_${report.id}`;
  const failure =
    answer.error instanceof ApiError && answer.error.field === 'reply' ? answer.error.message : null;
  return (
    <details className="p-report">
      <summary>
        <span className="p-ellipsis">
          {report.memberName}：{report.title}
        </span>{' '}
        {report.overdue && <Tag tone="warning">{t('my.reports.overdue')}</Tag>}
      </summary>
      <p className="p-muted p-small">
        {t(`enums.memberReportKind.${report.kind}`)} · {formatDateTime(report.createdAt)}
      </p>
      <p style={{ whiteSpace: 'pre-line' }}>{report.body}</p>
      <form
        className="p-field"
        onSubmit={(event) => {
          event.preventDefault();
          answer.mutate({ id: report.id, reply: reply.trim() });
        }}
      >
        <label htmlFor={fieldId}>{t('fields.reply')}</label>
        <textarea
          id={fieldId}
          className="p-input"
          rows={3}
          maxLength={5000}
          value={reply}
          aria-invalid={failure ? true : undefined}
          onChange={(event) => setReply(event.target.value)}
        />
        {(failure || (answer.error && !failure)) && (
          <div className="p-field-error" role="alert">
            {failure ?? errorText(answer.error, t)}
          </div>
        )}
        <Button kind="primary" type="submit" loading={answer.isPending} testId={`reply-send-${report.id}`}>
          {t('my.reports.answer')}
        </Button>
      </form>
    </details>
  );
}
