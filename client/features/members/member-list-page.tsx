import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Flex,
  Input,
  type PaginationProps,
  Row,
  Select,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MEMBER_POSTS, MEMBER_STATUSES } from '../../../common/enums';
import type { MemberListItem, MemberListQuery } from '../../../common/schemas/member';
import { apiUrl } from '../../api';
import { ErrorAlert } from '../../components/api-error';
import { CompactList } from '../../components/compact-list';
import { Page } from '../../components/page';
import { useIsPhone } from '../../components/use-is-phone';
import { isBranch, OrgTreeSelect } from '../orgs/org-tree-select';
import { useOrgTree } from '../orgs/queries';
import { MemberFormModal } from './member-form-modal';
import { useMemberPage } from './queries';
import { StatusTag } from './status-tag';

type Filters = Partial<MemberListQuery>;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Filters live in the URL, so a link from an org ("members of this org") and the back button work. */
function useFilters(): [Filters, (patch: Filters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    q: params.get('q') ?? undefined,
    status: pick(params.get('status'), MEMBER_STATUSES),
    post: pick(params.get('post'), MEMBER_POSTS),
    mobile: pick(params.get('mobile'), ['true', 'false'] as const),
    orgId: positive(params.get('orgId')),
    page: positive(params.get('page')) ?? 1,
    pageSize: positive(params.get('pageSize')) ?? 20,
  };
  const update = (patch: Filters) => {
    // Any change of filter starts again at the first page.
    const next: Filters = { ...filters, page: 1, ...patch };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined && value !== '') search.set(key, String(value));
    }
    setParams(search);
  };
  return [filters, update];
}

export function MemberListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [filters, update] = useFilters();
  const { data, error, isFetching } = useMemberPage(filters);
  const { data: tree } = useOrgTree();
  const [creating, setCreating] = useState(false);
  const filteredOrg = tree?.nodes.find((node) => node.id === filters.orgId);
  const branches = tree?.nodes.filter(isBranch) ?? [];
  // A new member goes to the branch being looked at, or to a secretary's only branch.
  const defaultBranch =
    filteredOrg && isBranch(filteredOrg) ? filteredOrg : branches.length === 1 ? branches[0] : undefined;

  const columns: TableProps<MemberListItem>['columns'] = [
    {
      key: 'name',
      title: t('fields.name'),
      render: (_, member) => <Link to={`/members/${member.id}`}>{member.name}</Link>,
    },
    { key: 'gender', title: t('fields.gender'), render: (_, member) => t(`enums.gender.${member.gender}`) },
    { key: 'status', title: t('fields.status'), render: (_, member) => <StatusTag status={member.status} /> },
    { key: 'org', title: t('fields.orgId'), dataIndex: 'orgName' },
    { key: 'group', title: t('fields.group'), render: (_, member) => member.groupName ?? '—' },
    {
      key: 'posts',
      title: t('fields.posts'),
      render: (_, member) =>
        member.posts.map((post) => <Tag key={post}>{t(`enums.memberPost.${post}`)}</Tag>),
    },
    { key: 'phone', title: t('fields.phone'), render: (_, member) => member.phone ?? '—' },
    {
      key: 'mobile',
      title: t('fields.isMobile'),
      render: (_, member) => (member.isMobile ? <Tag color="blue">{t('members.mobile')}</Tag> : '—'),
    },
  ];

  const pagination: PaginationProps = {
    current: filters.page,
    pageSize: filters.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (total: number) => t('common.total', { count: total }),
    onChange: (page: number, pageSize: number) => update({ page, pageSize }),
  };

  return (
    <Page
      title={t('members.title')}
      extra={
        <>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="member-create"
          >
            {t('members.create')}
          </Button>
          <Tooltip title={filters.orgId ? undefined : t('members.exportNeedsOrg')}>
            <Button
              icon={<DownloadOutlined />}
              href={filters.orgId ? apiUrl(`/orgs/${filters.orgId}/members.xlsx`) : undefined}
              disabled={!filters.orgId}
              data-testid="member-export"
            >
              {t('roster.export')}
            </Button>
          </Tooltip>
          <Button
            icon={<UploadOutlined />}
            onClick={() => navigate(filters.orgId ? `/roster?orgId=${filters.orgId}` : '/roster')}
            data-testid="member-import"
          >
            {t('roster.import')}
          </Button>
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[8, 8]}>
          <Col xs={24} md={12} xl={6}>
            <Input.Search
              // Remounted when the URL changes (back button) so the box shows the search in force.
              key={filters.q ?? ''}
              allowClear
              defaultValue={filters.q}
              placeholder={t('members.searchPlaceholder')}
              onSearch={(q) => update({ q: q.trim() || undefined })}
              data-testid="member-search"
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <OrgTreeSelect
              allowClear
              value={filters.orgId}
              placeholder={t('fields.orgId')}
              onChange={(orgId) => update({ orgId: orgId ?? undefined })}
              data-testid="member-filter-org"
            />
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              value={filters.status}
              placeholder={t('fields.status')}
              onChange={(status) => update({ status })}
              options={MEMBER_STATUSES.map((value) => ({ value, label: t(`enums.memberStatus.${value}`) }))}
            />
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              value={filters.post}
              placeholder={t('fields.posts')}
              onChange={(post) => update({ post })}
              options={MEMBER_POSTS.map((value) => ({ value, label: t(`enums.memberPost.${value}`) }))}
            />
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              value={filters.mobile}
              placeholder={t('fields.isMobile')}
              onChange={(mobile) => update({ mobile })}
              options={[
                { value: 'true', label: t('common.yes') },
                { value: 'false', label: t('common.no') },
              ]}
            />
          </Col>
        </Row>
      </Card>
      <ErrorAlert error={error} />
      <div data-testid="member-table">
        {isPhone ? (
          <CompactList<MemberListItem>
            items={data?.items}
            rowKey={(member) => member.id}
            loading={isFetching}
            pagination={pagination}
            renderItem={(member) => (
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex align="center" gap={6} wrap>
                  <Link to={`/members/${member.id}`} style={{ fontWeight: 500 }}>
                    {member.name}
                  </Link>
                  <StatusTag status={member.status} />
                  {member.isMobile && <Tag color="blue">{t('members.mobile')}</Tag>}
                </Flex>
                <Typography.Text type="secondary" ellipsis>
                  {[member.orgName, member.groupName, member.phone].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            )}
          />
        ) : (
          <Table<MemberListItem>
            rowKey="id"
            size="middle"
            loading={isFetching}
            columns={columns}
            dataSource={data?.items}
            pagination={pagination}
            scroll={{ x: 'max-content' }}
          />
        )}
      </div>
      {creating && (
        <MemberFormModal
          mode={{ kind: 'create', orgId: defaultBranch?.id }}
          onClose={() => setCreating(false)}
        />
      )}
    </Page>
  );
}
