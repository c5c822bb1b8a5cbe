import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { GROUP_ACTIVITY_KINDS, type GroupActivityKind } from '../../../common/enums';
import { ApiError } from '../../api';
import { inChina } from '../../components/china-time';
import { errorText } from '../../components/error-text';
import { Button } from '../../components/plain/button';
import { Card } from '../../components/plain/card';
import { Note, Skeleton } from '../../components/plain/feedback';
import { useMyGroups, useRecordGroupActivity } from './group-queries';

const DEFAULT_MINUTES = 60;

/**
 * The group leader records a meeting just held, on a phone: the kind (one tap), the notes, a
 * photo if there is one, save. Everyone in the group is ticked already; the time is "just now".
 */
export function GroupRecordPage() {
  const { t } = useTranslation();
  const groupId = Number(useParams().id);
  const { data: groups, isPending, error } = useMyGroups();
  const group = groups?.find((g) => g.id === groupId);
  if (isPending) return <Skeleton />;
  if (error) return <Note tone="error">{errorText(error, t)}</Note>;
  if (!group?.leads) return <Note tone="warning">{t('my.group.notLeader')}</Note>;
  return (
    <RecordForm
      groupId={group.id}
      groupName={group.name}
      members={group.members.map((m) => ({ id: m.id, name: m.name }))}
    />
  );
}

function RecordForm({
  groupId,
  groupName,
  members,
}: {
  groupId: number;
  groupName: string;
  members: { id: number; name: string }[];
}) {
  const { t } = useTranslation();
  const record = useRecordGroupActivity(groupId);
  const [kind, setKind] = useState<GroupActivityKind | null>(null);
  const [present, setPresent] = useState(() => new Set(members.map((m) => m.id)));
  const [notes, setNotes] = useState('');
  const [place, setPlace] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const [start, setStart] = useState(() =>
    inChina(new Date(Date.now() - DEFAULT_MINUTES * 60_000)).format('YYYY-MM-DDTHH:mm'),
  );
  const [missingKind, setMissingKind] = useState(false);
  const failure = record.error instanceof ApiError ? record.error : null;
  const fieldError = (field: string) => (failure?.field === field ? failure.message : null);

  if (record.isSuccess)
    return (
      <Card title={t('my.group.recordedTitle')} testId="group-recorded">
        <div className="p-result p-success" role="status">
          <p className="p-result-title">{t('my.group.recorded', { present: record.data.present })}</p>
          <Link to="/me" className="p-button p-primary">
            {t('my.group.back')}
          </Link>
        </div>
      </Card>
    );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!kind) return setMissingKind(true);
    record.mutate({
      input: {
        kind,
        title: `${groupName}${t(`enums.groupActivityKind.${kind}`)}`,
        startsAt: `${start}:00+08:00`,
        minutes,
        memberIds: [...present],
        notes: notes.trim() || undefined,
        place: place.trim() || undefined,
      },
      photo,
    });
  };

  return (
    <Card title={t('my.group.recordTitle', { name: groupName })} level={1} testId="group-record-form">
      <form onSubmit={submit} className="p-stack" noValidate>
        <fieldset className="p-chips" aria-describedby={missingKind ? 'group_kind_error' : undefined}>
          <legend>{t('my.group.kind')}</legend>
          {GROUP_ACTIVITY_KINDS.map((k) => (
            <label key={k} className="p-chip">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setMissingKind(false);
                }}
              />
              {t(`enums.groupActivityKind.${k}`)}
            </label>
          ))}
        </fieldset>
        {missingKind && (
          <div id="group_kind_error" className="p-field-error" role="alert">
            {t('errors.validation.required', { field: t('my.group.kind') })}
          </div>
        )}
        <fieldset
          className="p-chips"
          aria-describedby={fieldError('memberIds') ? 'group_members_error' : undefined}
        >
          <legend>{t('my.group.presentLabel', { count: present.size })}</legend>
          {members.map((m) => (
            <label key={m.id} className="p-chip">
              <input
                type="checkbox"
                checked={present.has(m.id)}
                onChange={(event) => {
                  const next = new Set(present);
                  if (event.target.checked) next.add(m.id);
                  else next.delete(m.id);
                  setPresent(next);
                }}
              />
              {m.name}
            </label>
          ))}
        </fieldset>
        {fieldError('memberIds') && (
          <div id="group_members_error" className="p-field-error" role="alert">
            {fieldError('memberIds')}
          </div>
        )}
        <div className="p-field">
          <label htmlFor="group_notes">{t('fields.notes')}</label>
          <textarea
            id="group_notes"
            className="p-input"
            rows={3}
            maxLength={2000}
            placeholder={t('my.group.notesPlaceholder')}
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
          />
        </div>
        <div className="p-field">
          <label htmlFor="group_photo">{t('my.group.photo')}</label>
          <input
            id="group_photo"
            type="file"
            accept="image/*"
            capture="environment"
            aria-invalid={fieldError('files') ? true : undefined}
            onChange={(event) => setPhoto(event.target.files?.[0] ?? null)}
          />
          {fieldError('files') && (
            <div className="p-field-error" role="alert">
              {fieldError('files')}
            </div>
          )}
        </div>
        <details>
          <summary>{t('my.group.whenAndWhere')}</summary>
          <div className="p-field">
            <label htmlFor="group_start">{t('fields.startsAt')}</label>
            <input
              id="group_start"
              type="datetime-local"
              className="p-input"
              value={start}
              aria-invalid={fieldError('startsAt') ? true : undefined}
              aria-describedby={fieldError('startsAt') ? 'group_start_error' : undefined}
              onChange={(event) => setStart(event.target.value)}
            />
            {fieldError('startsAt') && (
              <div id="group_start_error" className="p-field-error" role="alert">
                {fieldError('startsAt')}
              </div>
            )}
          </div>
          <div className="p-field">
            <label htmlFor="group_minutes">{t('my.group.minutes')}</label>
            <input
              id="group_minutes"
              type="number"
              inputMode="numeric"
              min={5}
              max={480}
              className="p-input"
              value={minutes}
              onChange={(event) => setMinutes(Number(event.target.value))}
            />
          </div>
          <div className="p-field">
            <label htmlFor="group_place">{t('fields.place')}</label>
            <input
              id="group_place"
              className="p-input"
              maxLength={100}
              value={place}
              onChange={(event) => setPlace(event.target.value)}
            />
          </div>
        </details>
        {failure && !['memberIds', 'files', 'startsAt'].includes(failure.field ?? '') && (
          <div className="p-field-error" role="alert">
            {errorText(failure, t)}
          </div>
        )}
        {record.error && !failure && (
          <div className="p-field-error" role="alert">
            {errorText(record.error, t)}
          </div>
        )}
        <Button
          kind="primary"
          size="large"
          block
          type="submit"
          loading={record.isPending}
          testId="group-record-save"
        >
          {t('my.group.save')}
        </Button>
      </form>
    </Card>
  );
}
