import { IdcardOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, type DescriptionsProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignedIn } from '../auth/me-context';
import { useMember } from '../members/queries';
import { StatusTag } from '../members/status-tag';

export function ProfileCard() {
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
          { key: 'status', label: t('fields.status'), children: <StatusTag status={member.status} /> },
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
    <Card size="small">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('home.greeting', { name: me.user.name })}
      </Typography.Title>
      <Descriptions column={1} size="small" items={items} />
      {memberId !== null && (
        <Button
          icon={<IdcardOutlined />}
          block
          style={{ marginTop: 12 }}
          onClick={() => navigate(`/members/${memberId}`)}
          data-testid="home-my-record"
        >
          {t('home.myRecord')}
        </Button>
      )}
    </Card>
  );
}
