import { Card, Descriptions, type DescriptionsProps, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { useInspection } from './queries';
import { RectificationList } from './rectification-list';
import { MethodTag } from './tags';

export function InspectionPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id) || undefined;
  const { data: inspection, error, isPending } = useInspection(id);

  if (isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!inspection) return <ErrorAlert error={error} />;

  const items: DescriptionsProps['items'] = [
    {
      key: 'org',
      label: t('inspections.org'),
      children: <Link to={`/dashboard/${inspection.orgId}`}>{inspection.orgName}</Link>,
    },
    { key: 'date', label: t('fields.date'), children: inspection.date },
    { key: 'method', label: t('inspections.method'), children: <MethodTag method={inspection.method} /> },
    {
      key: 'activity',
      label: t('inspections.activity'),
      children: inspection.activityId ? (
        <Link to={`/activities/${inspection.activityId}`}>{inspection.activityTitle}</Link>
      ) : (
        '—'
      ),
    },
    { key: 'contacted', label: t('inspections.contacted'), children: inspection.contacted || '—' },
    {
      key: 'score',
      label: t('inspections.score'),
      children: (
        <Typography.Text strong data-testid="inspection-score">
          {inspection.score}
        </Typography.Text>
      ),
    },
    {
      key: 'inspector',
      label: t('inspections.inspector'),
      span: 'filled',
      children: `${inspection.inspectorName} · ${formatDateTime(inspection.createdAt)}`,
    },
    {
      key: 'findings',
      label: t('inspections.findings'),
      span: 'filled',
      children: <span style={{ whiteSpace: 'pre-line' }}>{inspection.findings}</span>,
    },
  ];

  return (
    <Page title={t('inspections.detailTitle', { org: inspection.orgName, date: inspection.date })}>
      <Flex vertical gap={16} data-testid="inspection-page">
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} items={items} />
        </Card>
        <Section title={t('inspections.rectificationsCount', { count: inspection.rectifications.length })}>
          <RectificationList items={inspection.rectifications} showOrg={false} showInspection={false} />
        </Section>
      </Flex>
    </Page>
  );
}
