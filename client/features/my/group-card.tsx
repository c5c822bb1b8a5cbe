import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyGroup } from '../../../common/schemas/group';
import { formatDateTime } from '../../components/china-time';
import { errorText } from '../../components/error-text';
import { Card } from '../../components/plain/card';
import { Empty, Note } from '../../components/plain/feedback';
import { Tag } from '../../components/plain/tag';
import { useMyGroups } from './group-queries';

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
      {group.recent.length ? (
        group.recent.map((a) => (
          <div key={a.id} className="p-row">
            <div className="p-text">
              <span className="p-ellipsis">
                {t(`enums.groupActivityKind.${a.kind}`)} · {a.title}
              </span>
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
