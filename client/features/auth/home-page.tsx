import { IdcardOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, type DescriptionsProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useMember } from '../members/queries';
import { StatusTag } from '../members/status-tag';
import { useSignedIn } from './me-context';
import { isManager } from './queries';

/** Managers land on the org tree; a member gets a small page made for a phone. */
export function HomePage() {
  const me = useSignedIn();
  if (isManager(me)) return <Navigate to="/orgs" replace />;
  return <MyPage />;
}

function MyPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const memberId = me.user.memberId;
  const { data: member } = useMember(memberId ?? undefined);
  const branch = member?.orgName ?? me.roles.find((binding) => binding.orgName)?.orgName;

  const items: DescriptionsProps['items'] = [
    { key: 'branch', label: t('home.branch'), children: branch ?? '—' },
    ...(member
      ? [
          { key: 'group', label: t('fields.group'), children: member.groupName ?? '—' },
          {
            key: 'status',
            label: t('fields.status'),
            children: <StatusTag status={member.status} />,
          },
        ]
      : []),
    {
      key: 'roles',
      label: t('home.roles'),
      children: me.roles.map((binding) => (
        <Tag key={`${binding.role}-${binding.orgId}`}>{t(`enums.role.${binding.role}`)}</Tag>
      )),
    },
  ];

  return (
    <Card style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('home.greeting', { name: me.user.name })}
      </Typography.Title>
      <Descriptions column={1} size="small" items={items} />
      {memberId !== null && (
        <Button
          type="primary"
          icon={<IdcardOutlined />}
          block
          size="large"
          style={{ marginTop: 16 }}
          onClick={() => navigate(`/members/${memberId}`)}
          data-testid="home-my-record"
        >
          {t('home.myRecord')}
        </Button>
      )}
    </Card>
  );
}
