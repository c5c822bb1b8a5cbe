import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Account } from '../../../common/schemas/account';
import { ErrorAlert, useErrorToast } from '../../components/api-error';
import { CompactList } from '../../components/compact-list';
import { Page } from '../../components/page';
import { useIsPhone } from '../../components/use-is-phone';
import { OrgTreeSelect } from '../orgs/org-tree-select';
import { AccountCreateModal } from './account-create-modal';
import { GrantRoleModal } from './grant-role-modal';
import { useAccounts, useRevokeRole } from './queries';

/** Accounts and their roles, each role bound to an organization (scoped access). */
export function AccountsPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const orgId = Number(params.get('orgId')) || undefined;
  const { data, error, isFetching } = useAccounts(orgId);
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<Account | null>(null);

  const columns: TableProps<Account>['columns'] = [
    { key: 'username', title: t('fields.username'), dataIndex: 'username' },
    { key: 'name', title: t('fields.name'), dataIndex: 'name' },
    { key: 'phone', title: t('fields.phone'), render: (_, account) => account.phone ?? '—' },
    { key: 'roles', title: t('accounts.roles'), render: (_, account) => <RoleTags account={account} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, account) => <GrantButton onClick={() => setGranting(account)} />,
    },
  ];

  return (
    <Page
      title={t('accounts.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="account-create"
        >
          {t('accounts.create')}
        </Button>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <OrgTreeSelect
          allowClear
          value={orgId}
          placeholder={t('accounts.filterOrg')}
          onChange={(id) => setParams(id ? { orgId: String(id) } : {})}
          style={{ width: '100%', maxWidth: 360 }}
        />
      </Card>
      <ErrorAlert error={error} />
      <div data-testid="account-table">
        {isPhone ? (
          <CompactList<Account>
            items={data?.items}
            rowKey={(account) => account.id}
            loading={isFetching}
            renderItem={(account) => (
              <Flex vertical gap={6}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong ellipsis>
                    {account.name} ({account.username})
                  </Typography.Text>
                  <GrantButton onClick={() => setGranting(account)} />
                </Flex>
                <RoleTags account={account} />
              </Flex>
            )}
          />
        ) : (
          <Table<Account>
            rowKey="id"
            size="middle"
            loading={isFetching}
            columns={columns}
            dataSource={data?.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        )}
      </div>
      {creating && <AccountCreateModal orgId={orgId} onClose={() => setCreating(false)} />}
      {granting && <GrantRoleModal account={granting} onClose={() => setGranting(null)} />}
    </Page>
  );
}

function GrantButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="small" icon={<SafetyCertificateOutlined />} onClick={onClick} data-testid="account-grant">
      {t('accounts.grant')}
    </Button>
  );
}

/** Each role as a tag; closing one revokes it after a confirmation. */
function RoleTags({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const revoke = useRevokeRole();
  const showError = useErrorToast();

  return (
    <Flex gap={4} wrap>
      {account.roles.map((binding) => {
        const label = binding.orgName
          ? t('accounts.roleAt', { role: t(`enums.role.${binding.role}`), org: binding.orgName })
          : t(`enums.role.${binding.role}`);
        return (
          <Tag
            key={binding.id}
            color={binding.role === 'member' ? 'default' : 'red'}
            closable={binding.role !== 'admin'}
            onClose={(event) => {
              // The tag stays until the server has agreed to the revocation.
              event.preventDefault();
              modal.confirm({
                title: t('accounts.revokeConfirm', { role: label, name: account.name }),
                okText: t('accounts.revoke'),
                okButtonProps: { danger: true },
                cancelText: t('common.cancel'),
                onOk: () =>
                  revoke.mutateAsync({ accountId: account.id, bindingId: binding.id }).catch(showError),
              });
            }}
          >
            {label}
          </Tag>
        );
      })}
    </Flex>
  );
}
