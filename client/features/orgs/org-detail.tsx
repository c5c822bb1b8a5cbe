import {
  DashboardOutlined,
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  PlusOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Descriptions, type DescriptionsProps, Flex, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Org } from '../../../common/schemas/org';
import { ErrorAlert } from '../../components/api-error';
import { errorText } from '../../components/error-text';
import { isOverseer } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { BranchLinks } from '../calendar/branch-links';
import { GroupsSection } from '../groups/groups-section';
import { SystemsCard } from '../groups/systems-card';
import { ExemptionTags } from './exemption-tags';
import { ExemptionsCard } from './exemptions-card';
import { fixedDayText } from './fixed-day-text';
import { MoveOrgModal } from './move-org-modal';
import { OrgFormModal } from './org-form-modal';
import { useDissolveOrg, useOrg, useOrgTree } from './queries';
import { CHILD_LEVELS, hasFixedDay } from './tree';

type Dialog = 'create' | 'edit' | 'move' | null;

export function OrgDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data: org, error, isPending } = useOrg(id);

  if (isPending) {
    return (
      <Card data-testid="org-detail">
        <Skeleton active />
      </Card>
    );
  }
  if (!org) {
    return (
      <Card data-testid="org-detail">
        <ErrorAlert error={error ?? new Error(t('common.unexpectedError'))} />
      </Card>
    );
  }
  return (
    <Flex vertical gap={16}>
      <OrgCard org={org} />
      {hasFixedDay(org.level) && (
        <Card size="small" title={t('orgs.fixedDayWork')} data-testid="org-fixed-day">
          <BranchLinks orgId={org.id} />
        </Card>
      )}
      {hasFixedDay(org.level) && <ExemptionsCard org={org} />}
      {org.level === 'branch' && <GroupsSection orgId={org.id} />}
      {org.level === 'branch' && <SystemsCard orgId={org.id} />}
    </Flex>
  );
}

function OrgCard({ org }: { org: Org }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const { data: tree } = useOrgTree();
  const dissolve = useDissolveOrg(org.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const parent = tree?.nodes.find((node) => node.id === org.parentId);
  const childLevels = CHILD_LEVELS[org.level];
  // The top organization can be neither moved nor dissolved; anywhere else the server decides.
  const isTop = org.parentId === null;

  const confirmDissolve = () =>
    modal.confirm({
      title: t('orgs.dissolveConfirm', { name: org.name }),
      content: t('orgs.dissolveHint'),
      okText: t('orgs.dissolve'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        dissolve.mutateAsync(undefined).then(
          () => {
            void message.success(t('orgs.dissolved', { name: org.name }));
            navigate(org.parentId ? `/orgs/${org.parentId}` : '/orgs');
          },
          (error: unknown) => {
            void message.error(errorText(error, t));
          },
        ),
    });

  const items: DescriptionsProps['items'] = [
    { key: 'level', label: t('fields.level'), children: t(`enums.orgLevel.${org.level}`) },
    { key: 'kind', label: t('fields.kind'), children: t(`enums.orgKind.${org.kind}`) },
    {
      key: 'parent',
      label: t('fields.parentId'),
      children: parent ? <Link to={`/orgs/${parent.id}`}>{parent.name}</Link> : '—',
    },
    { key: 'childCount', label: t('orgs.childCount'), children: org.childCount },
    {
      key: 'memberCount',
      label: t('orgs.memberCount'),
      children: <Link to={`/members?orgId=${org.id}`}>{org.memberCount}</Link>,
    },
    { key: 'groupCount', label: t('orgs.groupCount'), children: org.groupCount },
    ...(hasFixedDay(org.level)
      ? [
          {
            key: 'fixedDay',
            label: t('fields.fixedDay'),
            span: 'filled' as const,
            children: org.fixedDay ? fixedDayText(t, org.fixedDay) : t('orgs.fixedDay.notSet'),
          },
        ]
      : []),
  ];

  return (
    <Card
      data-testid="org-detail"
      title={
        <Flex align="center" gap={8} wrap>
          <span>{org.name}</span>
          <Tag color="red">{t(`enums.orgLevel.${org.level}`)}</Tag>
          <ExemptionTags exemptions={org.exemptions} />
        </Flex>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} items={items} />
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        {childLevels.length > 0 && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog('create')}
            data-testid="org-create-child"
          >
            {t('orgs.createChild')}
          </Button>
        )}
        <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="org-edit">
          {t('orgs.edit')}
        </Button>
        {!isTop && (
          <Button icon={<DragOutlined />} onClick={() => setDialog('move')} data-testid="org-move">
            {t('orgs.move')}
          </Button>
        )}
        <Button
          icon={<TeamOutlined />}
          onClick={() => navigate(`/members?orgId=${org.id}`)}
          data-testid="org-members"
        >
          {t('orgs.membersOfOrg')}
        </Button>
        {isOverseer(me) && (
          <Button
            icon={<DashboardOutlined />}
            onClick={() => navigate(`/dashboard/${org.id}`)}
            data-testid="org-dashboard"
          >
            {t('app.menu.dashboard')}
          </Button>
        )}
        {!isTop && (
          <Button danger icon={<DeleteOutlined />} onClick={confirmDissolve} data-testid="org-dissolve">
            {t('orgs.dissolve')}
          </Button>
        )}
      </Flex>
      {dialog === 'create' && (
        <OrgFormModal
          mode={{ kind: 'create', parent: org }}
          onClose={(created) => {
            setDialog(null);
            if (created) navigate(`/orgs/${created.id}`);
          }}
        />
      )}
      {dialog === 'edit' && <OrgFormModal mode={{ kind: 'edit', org }} onClose={() => setDialog(null)} />}
      {dialog === 'move' && <MoveOrgModal org={org} onClose={() => setDialog(null)} />}
    </Card>
  );
}
