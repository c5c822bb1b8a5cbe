import { Empty, Skeleton, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ActivityKind, ActivityType, Theme } from '../../../common/enums';
import type { ActivityChange } from '../../../common/schemas/activity';
import type { Venue } from '../../../common/schemas/venue';
import { ErrorAlert } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import type { FieldName } from '../../components/zod-rule';
import { useVenues } from '../venues/queries';
import { useActivityHistory } from './queries';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Internal links the reader cannot use. */
const HIDDEN = new Set(['planEntryId']);

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

function valueText(t: TFunction, venues: Venue[] | undefined, key: string, value: unknown): string {
  if (isEmpty(value)) return '—';
  if (key === 'type') return t(`enums.activityType.${value as ActivityType}`);
  if (key === 'theme') return t(`enums.theme.${value as Theme}`);
  if (key === 'kinds' && Array.isArray(value))
    return value.map((kind: ActivityKind) => t(`enums.activityKind.${kind}`)).join('、');
  if (key === 'venueId') return venues?.find((venue) => venue.id === value)?.name ?? `#${value}`;
  if (typeof value === 'string' && INSTANT.test(value)) return formatDateTime(value);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** What changed, field by field, as the server kept it: nothing is edited silently. */
function ChangeLines({ change, venues }: { change: ActivityChange; venues: Venue[] | undefined }) {
  const { t, i18n } = useTranslation();
  const { before, after } = change;
  // A change shows what moved; the first record (no "before") shows everything it set.
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (key) =>
      !HIDDEN.has(key) && !(before && after && JSON.stringify(before[key]) === JSON.stringify(after[key])),
  );
  return keys.map((key) => (
    <div key={key}>
      <Typography.Text type="secondary">
        {i18n.exists(`fields.${key}`) ? t(`fields.${key as FieldName}`) : key}：
      </Typography.Text>
      {before && <Typography.Text delete>{valueText(t, venues, key, before[key])}</Typography.Text>}
      {before && after && ' → '}
      {after && <Typography.Text>{valueText(t, venues, key, after[key])}</Typography.Text>}
    </div>
  ));
}

export function HistoryList({ activityId, orgId }: { activityId: number; orgId: number }) {
  const { t } = useTranslation();
  const { data: changes, error, isPending } = useActivityHistory(activityId);
  const { data: venues } = useVenues(orgId);
  if (isPending) return <Skeleton active />;
  if (error) return <ErrorAlert error={error} />;
  if (!changes?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="activity-history"
      items={changes.map((change) => ({
        key: change.id,
        content: (
          <div>
            <Typography.Text strong>{t(`activity.change.${change.kind}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {[change.byName, formatDateTime(change.at)].filter(Boolean).join(' · ')}
            </Typography.Text>
            {change.reason && <div>{t('activity.changeReason', { reason: change.reason })}</div>}
            <ChangeLines change={change} venues={venues} />
          </div>
        ),
      }))}
    />
  );
}
