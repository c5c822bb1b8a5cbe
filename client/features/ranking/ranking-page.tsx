import { FileExcelOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tabs, type TabsProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SCORE_ITEMS } from '../../../common/enums';
import { ErrorAlert, useErrorToast } from '../../components/api-error';
import { Page } from '../../components/page';
import { type PeriodChoice, periodFromParams, periodLabel, periodParams } from '../../components/period';
import { PeriodPicker } from '../../components/period-picker';
import { withParams } from '../../components/search-params';
import { Section } from '../../components/section';
import { useIsPhone } from '../../components/use-is-phone';
import { YearSwitch } from '../../components/year-switch';
import { isOverseer } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { OrgTreeSelect } from '../orgs/org-tree-select';
import { useHomeOrg } from '../orgs/use-home-org';
import { PublishedList } from './published-list';
import { rankingXlsxUrl, usePublishRanking, useRanking } from './queries';
import { RankingTable } from './ranking-table';
import { SchemeEditor } from './scheme-editor';

type Tab = 'live' | 'published' | 'scheme';

function LiveRanking({
  orgId,
  choice,
  onChoice,
}: {
  orgId: number;
  choice: PeriodChoice;
  onChoice: (c: PeriodChoice) => void;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useErrorToast();
  const { data: ranking, error, isPending } = useRanking(orgId, choice);
  const publish = usePublishRanking(orgId);
  const label = periodLabel(t, choice);

  const confirmPublish = () =>
    modal.confirm({
      title: t('ranking.publishConfirm', { period: label }),
      content: t('ranking.publishHint'),
      okText: t('ranking.publish'),
      cancelText: t('common.cancel'),
      onOk: () =>
        publish
          .mutateAsync(choice)
          .then(() => void message.success(t('ranking.publishedOk', { period: label })), showError),
    });

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <PeriodPicker value={choice} onChange={(next) => next.period !== 'custom' && onChoice(next)} />
        <Flex gap={8} wrap>
          <Button
            icon={<FileExcelOutlined />}
            href={rankingXlsxUrl(orgId, choice)}
            data-testid="ranking-xlsx"
          >
            {t('dashboard.excel')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={!ranking?.rows.length}
            loading={publish.isPending}
            onClick={confirmPublish}
            data-testid="ranking-publish"
          >
            {t('ranking.publish')}
          </Button>
        </Flex>
      </Flex>
      {ranking && (
        <Flex gap={4} wrap align="center">
          <Typography.Text type="secondary">
            {t('ranking.liveCaption', { org: ranking.orgName, from: ranking.from, to: ranking.to })}
          </Typography.Text>
          {SCORE_ITEMS.filter((item) => ranking.weights[item] > 0).map((item) => (
            <Tag key={item}>
              {t(`enums.scoreItem.${item}`)} {ranking.weights[item]}
            </Tag>
          ))}
        </Flex>
      )}
      <ErrorAlert error={error} />
      <RankingTable rows={ranking?.rows} weights={ranking?.weights} loading={isPending} />
    </Flex>
  );
}

/**
 * Branches ranked by a score anyone can check: the supervisor sees it live and publishes it; a
 * branch sees what was published above it.
 */
export function RankingPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const home = useHomeOrg();
  const [params, setParams] = useSearchParams();
  const overseer = isOverseer(me);
  const tab: Tab = overseer
    ? ((['live', 'published', 'scheme'] as const).find((v) => v === params.get('tab')) ?? 'live')
    : 'published';
  const orgId = Number(params.get('org')) || home;
  const choice = periodFromParams(params, 'year');
  const set = ({ choice: period, ...changes }: { tab?: Tab; org?: number; choice?: PeriodChoice }) =>
    setParams((current) => withParams(current, { ...changes, ...(period && periodParams(period)) }));

  if (!overseer) {
    return (
      <Page title={t('ranking.title')}>
        <Section title={t('ranking.published')}>
          <PublishedList orgId={orgId} />
        </Section>
      </Page>
    );
  }

  const items: TabsProps['items'] = [
    {
      key: 'live',
      label: t('ranking.live'),
      children: orgId !== undefined && (
        <LiveRanking orgId={orgId} choice={choice} onChoice={(c) => set({ choice: c })} />
      ),
    },
    { key: 'published', label: t('ranking.published'), children: <PublishedList orgId={orgId} /> },
    {
      key: 'scheme',
      label: t('ranking.scheme.tab'),
      children: orgId !== undefined && (
        <Flex vertical gap={12}>
          <YearSwitch year={choice.year} onChange={(year) => set({ choice: { ...choice, year } })} />
          <SchemeEditor key={`${orgId}-${choice.year}`} orgId={orgId} year={choice.year} />
        </Flex>
      ),
    },
  ];
  return (
    <Page
      title={t('ranking.title')}
      extra={
        <OrgTreeSelect
          value={orgId}
          onChange={(org) => set({ org })}
          canPick={(node) => node.level !== 'branch'}
          style={{ width: isPhone ? '100%' : 280 }}
          data-testid="ranking-org"
        />
      }
    >
      <Tabs activeKey={tab} onChange={(key) => set({ tab: key as Tab })} items={items} destroyOnHidden />
    </Page>
  );
}
