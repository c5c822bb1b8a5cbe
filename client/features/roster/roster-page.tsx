import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Input, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { RosterProblem } from '../../../common/schemas/roster';
import { ErrorAlert } from '../../components/api-error';
import { Page } from '../../components/page';
import { OrgTreeSelect } from '../orgs/org-tree-select';
import { useOrgTree } from '../orgs/queries';
import { exportUrl, rosterProblems, templateUrl, useImportRoster, XLSX_TYPE } from './queries';

/** Roster import into a branch and export of a branch or a whole subtree, as Excel files. */
export function RosterPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const orgId = Number(params.get('orgId')) || undefined;
  const { data: tree } = useOrgTree();
  const org = tree?.nodes.find((node) => node.id === orgId);
  const canImport = org?.level === 'branch';
  const importRoster = useImportRoster(orgId);
  const problems = importRoster.data?.problems ?? rosterProblems(importRoster.error);
  const [full, setFull] = useState(false);
  const [reason, setReason] = useState('');

  return (
    <Page title={t('roster.title')}>
      <Flex vertical gap={16}>
        <Card title={t('roster.step1')} size="small">
          <OrgTreeSelect
            value={orgId}
            placeholder={t('roster.pickOrg')}
            onChange={(id) => {
              importRoster.reset();
              setParams(id ? { orgId: String(id) } : {});
            }}
            style={{ width: '100%', maxWidth: 480 }}
            data-testid="roster-org"
          />
        </Card>

        <Card title={t('roster.exportTitle')} size="small">
          <Typography.Paragraph type="secondary">
            {t('roster.exportHint')} {t('roster.exportHintMasked')}
          </Typography.Paragraph>
          <Flex vertical gap={8} align="flex-start">
            <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)} data-testid="roster-full">
              {t('roster.full')}
            </Checkbox>
            {full && (
              <Input
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder={t('roster.fullReason')}
                aria-label={t('roster.fullReason')}
                maxLength={200}
                style={{ maxWidth: 480 }}
                data-testid="roster-full-reason"
              />
            )}
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={
                orgId && (!full || reason.trim())
                  ? exportUrl(orgId, full ? reason.trim() : undefined)
                  : undefined
              }
              disabled={!orgId || (full && !reason.trim())}
              data-testid="roster-export"
            >
              {org ? t('roster.exportOf', { name: org.name }) : t('roster.export')}
            </Button>
          </Flex>
        </Card>

        <Card title={t('roster.importTitle')} size="small">
          <Typography.Paragraph type="secondary">{t('roster.importHint')}</Typography.Paragraph>
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <Button icon={<FileExcelOutlined />} href={templateUrl} data-testid="roster-template">
              {t('roster.template')}
            </Button>
            <Upload
              accept={`.xlsx,${XLSX_TYPE}`}
              showUploadList={false}
              disabled={!canImport || importRoster.isPending}
              customRequest={({ file, onSuccess, onError }) => {
                importRoster.mutate(file as Blob, {
                  onSuccess: (result) => onSuccess?.(result),
                  onError: (error) => onError?.(error),
                });
              }}
            >
              <Button
                type="primary"
                icon={<UploadOutlined />}
                disabled={!canImport}
                loading={importRoster.isPending}
                data-testid="roster-import"
              >
                {t('roster.upload')}
              </Button>
            </Upload>
          </Flex>
          {orgId && !canImport && (
            <Alert type="info" showIcon title={t('roster.importNeedsBranch')} style={{ marginBottom: 16 }} />
          )}
          {importRoster.data && (
            <Alert
              type="success"
              showIcon
              title={t('roster.imported', { count: importRoster.data.imported })}
              style={{ marginBottom: 16 }}
              data-testid="roster-success"
            />
          )}
          <ErrorAlert error={importRoster.error} testId="roster-error" />
          {problems.length > 0 && <ProblemTable problems={problems} />}
        </Card>
      </Flex>
    </Page>
  );
}

function ProblemTable({ problems }: { problems: RosterProblem[] }) {
  const { t } = useTranslation();
  return (
    <Table<RosterProblem>
      data-testid="roster-problems"
      size="small"
      rowKey={(problem) => `${problem.row}-${problem.column}-${problem.message}`}
      dataSource={problems}
      pagination={problems.length > 20 ? { pageSize: 20, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'row', title: t('roster.row'), dataIndex: 'row', width: 80 },
        {
          key: 'column',
          title: t('roster.column'),
          render: (_, problem) => problem.column ?? '—',
          width: 140,
        },
        { key: 'message', title: t('roster.problem'), dataIndex: 'message' },
      ]}
    />
  );
}
