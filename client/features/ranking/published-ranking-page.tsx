import { Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SCORE_ITEMS } from '../../../common/enums';
import { ErrorAlert } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { Page } from '../../components/page';
import { periodLabel } from '../../components/period';
import { secretaryBranchId } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { usePublishedRanking } from './queries';
import { RankingTable } from './ranking-table';

/** A ranking as it was published: the scores and weights of that day, not today's. */
export function PublishedRankingPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const id = Number(useParams().id) || undefined;
  const { data: ranking, error, isPending } = usePublishedRanking(id);
  if (isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!ranking) return <ErrorAlert error={error} />;
  return (
    <Page title={t('ranking.publishedTitle', { org: ranking.orgName, period: periodLabel(t, ranking) })}>
      <Flex vertical gap={12} data-testid="published-ranking">
        <Flex gap={4} wrap align="center">
          <Typography.Text type="secondary">
            {t('ranking.publishedCaption', {
              from: ranking.from,
              to: ranking.to,
              by: ranking.publishedBy,
              at: formatDateTime(ranking.publishedAt),
            })}
          </Typography.Text>
          {SCORE_ITEMS.filter((item) => ranking.weights[item] > 0).map((item) => (
            <Tag key={item}>
              {t(`enums.scoreItem.${item}`)} {ranking.weights[item]}
            </Tag>
          ))}
        </Flex>
        <RankingTable rows={ranking.rows} weights={ranking.weights} highlight={secretaryBranchId(me)} />
      </Flex>
    </Page>
  );
}
