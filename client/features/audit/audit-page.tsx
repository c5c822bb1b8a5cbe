import { FileExcelOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Flex,
  Input,
  Select,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDITED_OBJECTS, type AuditEntry, type AuditQuery, MASKED } from '../../../common/schemas/audit';
import { apiUrl } from '../../api';
import { ErrorAlert } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { fromIsoDate, toIsoDate } from '../../components/dates';
import { Page } from '../../components/page';
import { useAudit } from './queries';

const OP_COLORS = { insert: 'success', update: 'processing', delete: 'error', read: 'warning' } as const;
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** One line per changed column; a masked personal field says only that it changed. */
function Changes({
  entry,
  t,
  exists,
}: {
  entry: AuditEntry;
  t: TFunction;
  exists: (key: string) => boolean;
}) {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  const text = (value: unknown) =>
    value === null || value === undefined
      ? '—'
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return keys.map((key) => {
    const label = exists(`fields.${camel(key)}`) ? t(`fields.${camel(key)}` as 'fields.name') : key;
    const masked = entry.before?.[key] === MASKED || entry.after?.[key] === MASKED;
    return (
      <div key={key} style={{ wordBreak: 'break-all' }}>
        <Typography.Text type="secondary">{t('audit.field', { field: label })}</Typography.Text>
        {masked ? (
          t('audit.masked')
        ) : (
          <>
            {entry.before && <Typography.Text delete>{text(entry.before[key])}</Typography.Text>}
            {entry.before && entry.after && ' → '}
            {entry.after && text(entry.after[key])}
          </>
        )}
      </div>
    );
  });
}

/** Who changed what, when and from where, in the reader's subtree (supervisors and the admin). */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState<Partial<AuditQuery>>({ page: 1, pageSize: 50 });
  const { data, error, isFetching } = useAudit(query);
  const filter = (change: Partial<AuditQuery>) => setQuery((q) => ({ ...q, ...change, page: 1 }));
  const { page: _page, pageSize: _size, ...filters } = query;

  const columns: TableProps<AuditEntry>['columns'] = [
    { key: 'at', title: t('audit.at'), width: 150, render: (_, e) => formatDateTime(e.at) },
    {
      key: 'person',
      title: t('audit.person'),
      width: 140,
      render: (_, e) => (
        <Flex vertical>
          <span>{e.username ?? t('audit.nobody')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.ip}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'object',
      title: t('audit.object'),
      width: 180,
      render: (_, e) => (
        <Flex gap={4} wrap align="center">
          <Tag color={OP_COLORS[e.op]}>{t(`enums.auditOp.${e.op}`)}</Tag>
          <span>
            {t(`enums.auditObject.${e.object}`)} #{e.objectId}
          </span>
        </Flex>
      ),
    },
    {
      key: 'changes',
      title: t('audit.changes'),
      render: (_, e) => <Changes entry={e} t={t} exists={(key) => i18n.exists(key)} />,
    },
  ];

  return (
    <Page
      title={t('audit.title')}
      extra={
        <Button icon={<FileExcelOutlined />} href={apiUrl('/audit.xlsx', filters)} data-testid="audit-xlsx">
          {t('audit.export')}
        </Button>
      }
    >
      <Alert type="info" showIcon title={t('audit.intro')} style={{ marginBottom: 16 }} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="audit-filters">
        <Select
          allowClear
          placeholder={t('audit.allObjects')}
          aria-label={t('audit.object')}
          style={{ width: 180 }}
          value={query.object}
          onChange={(object) => filter({ object, objectId: object ? query.objectId : undefined })}
          options={AUDITED_OBJECTS.map((object) => ({
            value: object,
            label: t(`enums.auditObject.${object}`),
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t('audit.objectId')}
          aria-label={t('audit.objectId')}
          style={{ width: 140 }}
          onSearch={(objectId) => filter({ objectId: objectId.trim() || undefined })}
        />
        <Input.Search
          allowClear
          placeholder={t('audit.person')}
          aria-label={t('audit.person')}
          style={{ width: 180 }}
          onSearch={(person) => filter({ person: person.trim() || undefined })}
          data-testid="audit-person"
        />
        <DatePicker.RangePicker
          aria-label={t('audit.dates')}
          value={[fromIsoDate(query.from) ?? null, fromIsoDate(query.to) ?? null]}
          onChange={(range) => filter({ from: toIsoDate(range?.[0]), to: toIsoDate(range?.[1]) })}
        />
      </Flex>
      {error ? (
        <ErrorAlert error={error} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          data-testid="audit-table"
          loading={isFetching}
          columns={columns}
          dataSource={data?.items}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('audit.empty') }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total,
            showSizeChanger: false,
            onChange: (page) => setQuery((q) => ({ ...q, page })),
          }}
        />
      )}
    </Page>
  );
}
