import { CrownOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PartyGroup } from '../../../common/schemas/group';
import { ErrorAlert, useErrorToast } from '../../components/api-error';
import { GroupModal } from './group-modal';
import { useDeleteGroup, useGroups } from './queries';

/** The party groups of a branch, with their members and leader. */
export function GroupsSection({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useGroups(orgId);
  // undefined: closed; null: creating; a group: editing it.
  const [editing, setEditing] = useState<PartyGroup | null | undefined>(undefined);

  return (
    <Card
      title={t('groups.title')}
      data-testid="groups-section"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing(null)}
          data-testid="group-create"
        >
          {t('groups.create')}
        </Button>
      }
    >
      <ErrorAlert error={error} />
      {isPending ? (
        <Skeleton active />
      ) : data?.items.length ? (
        <Flex vertical gap={12}>
          {data.items.map((group) => (
            <GroupRow key={group.id} orgId={orgId} group={group} onEdit={() => setEditing(group)} />
          ))}
        </Flex>
      ) : (
        !error && <Empty description={t('groups.empty')} />
      )}
      {editing !== undefined && (
        <GroupModal orgId={orgId} group={editing ?? undefined} onClose={() => setEditing(undefined)} />
      )}
    </Card>
  );
}

function GroupRow({ orgId, group, onEdit }: { orgId: number; group: PartyGroup; onEdit: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteGroup(orgId);
  const showError = useErrorToast();
  const leader = group.members.find((member) => member.id === group.leaderId);

  return (
    <Card size="small" type="inner" data-testid={`group-${group.id}`}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex vertical gap={6} style={{ minWidth: 0 }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong>{group.name}</Typography.Text>
            <Tag>{group.kindName ?? t(`enums.groupKind.${group.kind}`)}</Tag>
            <Typography.Text type="secondary">
              {t('groups.memberCount', { count: group.members.length })}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary">
            <CrownOutlined /> {leader ? t('groups.leader', { name: leader.name }) : t('groups.noLeader')}
          </Typography.Text>
          <Flex gap={4} wrap>
            {group.members.map((member) => (
              <Link key={member.id} to={`/members/${member.id}`}>
                <Tag color={member.status === 'full' ? 'red' : 'orange'} style={{ cursor: 'pointer' }}>
                  {member.name} · {t(`enums.memberStatus.${member.status}`)}
                  {member.second ? ` · ${t('groups.second')}` : ''}
                  {member.mobile
                    ? ` · ${member.location ? t('groups.awayAt', { place: member.location }) : t('groups.away')}`
                    : ''}
                </Tag>
              </Link>
            ))}
          </Flex>
        </Flex>
        <Flex gap={4}>
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="group-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('groups.deleteConfirm', { name: group.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(group.id).catch(showError)}
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              loading={remove.isPending}
              data-testid="group-delete"
            >
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
    </Card>
  );
}
