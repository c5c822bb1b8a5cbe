import { CameraOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Skeleton, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../common/schemas/activity';
import type { ActivityFile } from '../../../common/schemas/record';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { errorText } from '../../components/error-text';
import { useAttendance } from '../attendance/queries';
import { useSignedIn } from '../auth/me-context';
import { FilesGallery } from './files-gallery';
import { minutesDraft } from './minutes-draft';
import { MinutesEditor } from './minutes-editor';
import { useDeleteFile, useRecords, useSaveMinutes, useUploadFiles } from './queries';

const ACCEPT = 'image/*,.heic,.pdf,.doc,.docx,.xls,.xlsx';

const asksReason = (error: unknown) => error instanceof ApiError && error.field === 'reason';

function isDeliberation(activity: Activity): boolean {
  return activity.theme === 'democratic_deliberation' || activity.kinds.includes('democratic_deliberation');
}

export function RecordsTab({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { data: records, error, isPending } = useRecords(activity.id);
  const { data: attendance } = useAttendance(activity.id, false);
  const save = useSaveMinutes(activity.id);
  const upload = useUploadFiles(activity.id);
  const remove = useDeleteFile(activity.id);
  const [html, setHtml] = useState<string>();
  const [decisions, setDecisions] = useState<string>();
  const [reason, setReason] = useState('');
  const [reasonAsked, setReasonAsked] = useState(false);
  // Past the instance's days after the end a change needs a reason; the server decides.
  const { lateEditDays } = useSignedIn().rules;
  const late = Date.now() - Date.parse(activity.endsAt) > lateEditDays * 86_400_000;
  const needsReason = late || reasonAsked;
  const editable = activity.canManage;

  if (isPending) return <Skeleton active />;
  if (!records) return <ErrorAlert error={error} />;

  const onRefused = (refusal: unknown) => {
    if (asksReason(refusal)) setReasonAsked(true);
    void message.error(errorText(refusal, t));
  };

  const draft = minutesDraft(t, activity, attendance);
  const saveMinutes = () =>
    save.mutate(
      {
        minutesHtml: html ?? records.minutesHtml ?? draft,
        decisions: (decisions ?? records.decisions ?? '').trim() || null,
        reason: reason.trim() || undefined,
      },
      {
        onSuccess: () => {
          setHtml(undefined);
          void message.success(t('records.minutesSaved'));
        },
        onError: onRefused,
      },
    );

  const confirmDelete = (file: ActivityFile) =>
    modal.confirm({
      title: t('records.deleteConfirm', { name: file.name }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync({ id: file.id, reason: reason.trim() || undefined }).catch(onRefused),
    });

  return (
    <Flex vertical gap={16}>
      {editable && needsReason && (
        <Alert
          type="info"
          showIcon
          title={t('records.lateHint', { days: lateEditDays })}
          description={
            <Input
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={500}
              placeholder={t('records.reasonPlaceholder')}
              id="minutes_reason"
              data-testid="records-reason"
            />
          }
        />
      )}
      <Card
        size="small"
        title={t('records.minutes')}
        extra={
          records.updatedAt && (
            <Typography.Text type="secondary">
              {t('records.updatedAt', { time: formatDateTime(records.updatedAt) })}
            </Typography.Text>
          )
        }
      >
        {editable ? (
          <Flex vertical gap={12}>
            {!records.minutesHtml && (
              <Typography.Text type="secondary">{t('records.draftHint')}</Typography.Text>
            )}
            <MinutesEditor
              // A new draft once the attendance it is written from has arrived.
              key={records.updatedAt ?? `draft-${attendance ? 'full' : 'bare'}`}
              initialHtml={records.minutesHtml ?? draft}
              onChange={setHtml}
            />
            {(isDeliberation(activity) || records.decisions) && (
              <div>
                <Typography.Text strong>{t('fields.decisions')}</Typography.Text>
                <Input.TextArea
                  id="minutes_decisions"
                  rows={3}
                  maxLength={5000}
                  defaultValue={records.decisions ?? ''}
                  onChange={(event) => setDecisions(event.target.value)}
                  placeholder={t('records.decisionsPlaceholder')}
                />
              </div>
            )}
            <div>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={saveMinutes}
                data-testid="minutes-save"
              >
                {t('records.saveMinutes')}
              </Button>
            </div>
          </Flex>
        ) : records.minutesHtml ? (
          // Sanitised by the server, which keeps only safe tags.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised minutes
          <div dangerouslySetInnerHTML={{ __html: records.minutesHtml }} />
        ) : (
          <Typography.Text type="secondary">{t('records.noMinutes')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('records.photosAndFiles', { count: records.files.length })}>
        <Flex vertical gap={12}>
          {editable && (
            <div data-testid="photo-upload">
              <Upload
                multiple
                accept={ACCEPT}
                showUploadList={false}
                customRequest={({ file, onSuccess, onError }) =>
                  upload.mutate(
                    { files: [file as File], reason: reason.trim() || undefined },
                    {
                      onSuccess: (records) => onSuccess?.(records),
                      onError: (refusal) => {
                        onRefused(refusal);
                        onError?.(refusal as Error);
                      },
                    },
                  )
                }
              >
                <Button icon={<CameraOutlined />} loading={upload.isPending} size="large">
                  {t('records.upload')}
                </Button>
              </Upload>
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 12 }}>
                {t('records.uploadHint')}
              </Typography.Text>
            </div>
          )}
          <FilesGallery files={records.files} onDelete={editable ? confirmDelete : undefined} />
        </Flex>
      </Card>
    </Flex>
  );
}
