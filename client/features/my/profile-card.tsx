import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiUrl } from '../../api';
import { Card } from '../../components/plain/card';
import { Tag } from '../../components/plain/tag';
import { useSignedIn } from '../auth/me-context';
import { useMember } from '../members/queries';

export function ProfileCard() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const memberId = me.user.memberId;
  const { data: member } = useMember(memberId ?? undefined);
  const branch = member?.orgName ?? me.roles.find((binding) => binding.orgName)?.orgName;

  const rows: [string, React.ReactNode][] = [
    [t('home.branch'), branch ?? '—'],
    ...(member
      ? ([
          [t('fields.group'), member.groupName ?? '—'],
          [t('fields.status'), t(`enums.memberStatus.${member.status}`)],
        ] as [string, React.ReactNode][])
      : []),
    [
      t('home.roles'),
      me.roles.map((binding) => (
        <Tag key={`${binding.role}-${binding.orgId}`}>{t(`enums.role.${binding.role}`)}</Tag>
      )),
    ],
  ];

  return (
    <Card>
      <p className="p-title">{t('home.greeting', { name: me.user.name })}</p>
      <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px' }}>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt className="p-muted">{label}</dt>
            <dd style={{ margin: 0, display: 'flex', flexWrap: 'wrap', gap: 4 }}>{value}</dd>
          </div>
        ))}
      </dl>
      {memberId !== null && (
        <Link to={`/members/${memberId}`} className="p-button p-block" data-testid="home-my-record">
          {t('home.myRecord')}
        </Link>
      )}
      {/* A copy of everything held about them, theirs to keep (a JSON file). */}
      <a href={apiUrl('/me/data')} download className="p-button p-block" data-testid="home-my-data">
        {t('home.myData')}
      </a>
    </Card>
  );
}
