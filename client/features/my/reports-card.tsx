import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_REPORT_KINDS, type MemberReportKind } from '../../../common/enums';
import { ApiError } from '../../api';
import { formatDateTime } from '../../components/china-time';
import { errorText } from '../../components/error-text';
import { Button } from '../../components/plain/button';
import { Card } from '../../components/plain/card';
import { Empty, Note } from '../../components/plain/feedback';
import { Tag } from '../../components/plain/tag';
import { useMyReports, useWriteReport } from './report-queries';

/** "My reports": what the member wrote to the group and the replies; a new one in a few lines. */
export function ReportsCard() {
  const { t } = useTranslation();
  const { data, error } = useMyReports();
  const [writing, setWriting] = useState(false);
  return (
    <Card
      title={t('my.reports.title')}
      testId="my-reports"
      extra={
        !writing && (
          <Button kind="link" onClick={() => setWriting(true)} testId="report-write">
            {t('my.reports.write')}
          </Button>
        )
      }
    >
      {error ? <Note tone="error">{errorText(error, t)}</Note> : null}
      {writing && <ReportForm onClose={() => setWriting(false)} />}
      {data?.items.length
        ? data.items.map((r) => (
            <details key={r.id} className="p-report">
              <summary>
                <span className="p-ellipsis">{r.title}</span>{' '}
                <Tag tone={r.reply ? 'success' : 'default'}>
                  {r.reply ? t('my.reports.replied') : t('my.reports.waiting')}
                </Tag>
              </summary>
              <p className="p-muted p-small">
                {t(`enums.memberReportKind.${r.kind}`)} · {formatDateTime(r.createdAt)}
              </p>
              <p style={{ whiteSpace: 'pre-line' }}>{r.body}</p>
              {r.reply && (
                <p className="p-note p-info" style={{ whiteSpace: 'pre-line' }}>
                  {t('my.reports.replyBy', { name: r.repliedByName ?? '' })}
                  {r.reply}
                </p>
              )}
            </details>
          ))
        : !writing && <Empty>{t('my.reports.none')}</Empty>}
    </Card>
  );
}

function ReportForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const write = useWriteReport();
  const [kind, setKind] = useState<MemberReportKind>('thought');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const failure = write.error instanceof ApiError ? write.error : null;
  const fieldError = (field: string) => (failure?.field === field ? failure.message : null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    write.mutate({ kind, title: title.trim(), body: body.trim() }, { onSuccess: onClose });
  };
  return (
    <form
      onSubmit={submit}
      className="p-stack"
      style={{ marginBottom: 16 }}
      noValidate
      data-testid="report-form"
    >
      <fieldset className="p-chips">
        <legend>{t('fields.kind')}</legend>
        {MEMBER_REPORT_KINDS.map((k) => (
          <label key={k} className="p-chip">
            <input type="radio" name="report_kind" checked={kind === k} onChange={() => setKind(k)} />
            {t(`enums.memberReportKind.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="p-field">
        <label htmlFor="report_title">{t('fields.title')}</label>
        <input
          id="report_title"
          className="p-input"
          maxLength={100}
          value={title}
          aria-invalid={fieldError('title') ? true : undefined}
          aria-describedby={fieldError('title') ? 'report_title_error' : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        {fieldError('title') && (
          <div id="report_title_error" className="p-field-error" role="alert">
            {fieldError('title')}
          </div>
        )}
      </div>
      <div className="p-field">
        <label htmlFor="report_body">{t('fields.body')}</label>
        <textarea
          id="report_body"
          className="p-input"
          rows={6}
          maxLength={10000}
          value={body}
          aria-invalid={fieldError('body') ? true : undefined}
          aria-describedby={fieldError('body') ? 'report_body_error' : undefined}
          onChange={(event) => setBody(event.target.value)}
        />
        {fieldError('body') && (
          <div id="report_body_error" className="p-field-error" role="alert">
            {fieldError('body')}
          </div>
        )}
      </div>
      {write.error && !fieldError('title') && !fieldError('body') && (
        <div className="p-field-error" role="alert">
          {errorText(write.error, t)}
        </div>
      )}
      <div style={{ display: 'flex', gap: 8 }}>
        <Button kind="primary" type="submit" loading={write.isPending} testId="report-send">
          {t('my.reports.send')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
