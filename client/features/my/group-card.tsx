import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyGroup } from '../../../common/schemas/group';
import { formatDateTime } from '../../components/china-time';
import { errorText } from '../../components/error-text';
import { Button } from '../../components/plain/button';
import { Card } from '../../components/plain/card';
import { Empty, Note } from '../../components/plain/feedback';
import { Tag } from '../../components/plain/tag';
import { useAcknowledgeGroupAlert, useMyGroups } from './group-queries';
import { GroupReports } from './group-reports';

/** "My group": who is in it (and where those working away are now), what it did lately. */
export function GroupCard() {
  const { t } = useTranslation();
  const { data: groups, error } = useMyGroups();
  if (error) return <Note tone="error">{errorText(error, t)}</Note>;
  if (!groups?.length) return null;
  return (
    <>
      {groups.map((group) => (
        <OneGroup key={group.id} group={group} />
      ))}
    </>
  );
}

function OneGroup({ group }: { group: MyGroup }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t(group.own ? 'my.group.title' : 'my.group.secondTitle', { name: group.name })}
      testId={`my-group-${group.id}`}
      extra={
        group.leads ? (
          <Link
            to={`/me/groups/${group.id}/record`}
            className="p-button p-primary"
            data-testid="group-record"
          >
            {t('my.group.record')}
          </Link>
        ) : undefined
      }
    >
      <p style={{ margin: '0 0 8px' }}>
        <Tag>{group.kindName ?? t(`enums.groupKind.${group.kind}`)}</Tag>{' '}
        {group.members
          .map((m) =>
            m.mobile
              ? t('my.group.memberAway', { name: m.name, place: m.location ?? t('my.group.away') })
              : m.name,
          )
          .join('、')}
      </p>
      {group.leads && <GroupReports groupId={group.id} />}
      {group.alerts.map((alert) => (
        <GroupAlert key={alert.id} id={alert.id} message={alert.message} />
      ))}
      {group.recent.length ? (
        group.recent.map((a) => (
          <div key={a.id} className="p-row">
            <div className="p-text">
              <span className="p-ellipsis">{a.title}</span>
              <span className="p-muted p-small">{formatDateTime(a.startsAt)}</span>
            </div>
            <Tag tone="info">{t('my.group.present', { present: a.present, expected: a.expected })}</Tag>
          </div>
        ))
      ) : (
        <Empty>{t('my.group.none')}</Empty>
      )}
    </Card>
  );
}

/** A working system let slip, for the leader to see to; acknowledged, it is gone for the secretary too. */
function GroupAlert({ id, message }: { id: number; message: string }) {
  const { t } = useTranslation();
  const ack = useAcknowledgeGroupAlert();
  return (
    <div className="p-note p-warning" style={{ margin: '0 0 8px' }} data-testid={`group-alert-${id}`}>
      <span>{message}</span>{' '}
      <Button kind="link" size="small" loading={ack.isPending} onClick={() => ack.mutate(id)}>
        {t('my.group.seenTo')}
      </Button>
      {ack.error ? <span className="p-field-error">{errorText(ack.error, t)}</span> : null}
    </div>
  );
}
