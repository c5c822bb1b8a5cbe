import { Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/api-error';
import { Page } from '../../components/page';
import { withParams } from '../../components/search-params';
import { useIsPhone } from '../../components/use-is-phone';
import { isOverseer } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { OrgTreeSelect } from '../orgs/org-tree-select';
import { useHomeOrg } from '../orgs/use-home-org';
import { type RectificationFilter, useRectifications } from './queries';
import { RectificationList } from './rectification-list';

const FILTERS: RectificationFilter[] = ['open', 'overdue', 'answered', 'closed', 'all'];

function isFilter(value: string | null): value is RectificationFilter {
  return FILTERS.includes(value as RectificationFilter);
}

/** Everything inspections asked to put right in the user's orgs: the secretary's to-do, the supervisor's follow-up. */
export function RectificationsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const home = useHomeOrg();
  const [params, setParams] = useSearchParams();
  const status = isFilter(params.get('status')) ? (params.get('status') as RectificationFilter) : 'open';
  const orgId = Number(params.get('org')) || home;
  const { data, error, isPending } = useRectifications(orgId, status);
  const set = (changes: { status?: RectificationFilter; org?: number }) =>
    setParams((current) => withParams(current, changes));

  return (
    <Page
      title={t('inspections.rectificationsTitle')}
      extra={
        isOverseer(me) && (
          <OrgTreeSelect
            value={orgId}
            onChange={(org) => set({ org })}
            style={{ width: isPhone ? '100%' : 280 }}
            data-testid="rectifications-org"
          />
        )
      }
    >
      <Flex vertical gap={12}>
        <div style={{ overflowX: 'auto' }}>
          <Segmented<RectificationFilter>
            value={status}
            onChange={(next) => set({ status: next })}
            options={FILTERS.map((value) => ({ value, label: t(`inspections.filter.${value}`) }))}
            data-testid="rectifications-filter"
          />
        </div>
        <ErrorAlert error={error} />
        <RectificationList items={data} loading={isPending && orgId !== undefined} showOrg={isOverseer(me)} />
      </Flex>
    </Page>
  );
}
