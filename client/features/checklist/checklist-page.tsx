import { Empty, Flex, Tabs, type TabsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { chinaYear } from '../../components/china-time';
import { Page } from '../../components/page';
import { withParams } from '../../components/search-params';
import { useIsPhone } from '../../components/use-is-phone';
import { YearSwitch } from '../../components/year-switch';
import { isOverseer, secretaryBranchId } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { isBranch, OrgTreeSelect } from '../orgs/org-tree-select';
import { useHomeOrg } from '../orgs/use-home-org';
import { BranchChecklistView } from './branch-checklist';
import { ChecklistEditor } from './checklist-editor';

type Tab = 'setup' | 'score' | 'own';

/**
 * The assessment checklist (考核清单): the supervisor sets the items and weights and scores each
 * branch; the branch secretary assesses the branch against them with the activities as evidence.
 */
export function ChecklistPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const home = useHomeOrg();
  const ownBranch = secretaryBranchId(me);
  const overseer = isOverseer(me);
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || chinaYear();
  const tabs: Tab[] = [
    ...(overseer ? (['setup', 'score'] as const) : []),
    ...(ownBranch ? (['own'] as const) : []),
  ];
  const tab = tabs.find((v) => v === params.get('tab')) ?? tabs[0];
  const orgId = Number(params.get('org')) || home;
  const branchId = Number(params.get('branch')) || undefined;
  const set = (changes: Record<string, string | number | undefined>) =>
    setParams((current) => withParams(current, changes));

  const items: TabsProps['items'] = [
    ...(overseer
      ? [
          {
            key: 'setup',
            label: t('checklist.setupTab'),
            children: (
              <Flex vertical gap={12}>
                <OrgTreeSelect
                  value={orgId}
                  onChange={(org) => set({ org })}
                  canPick={(node) => !isBranch(node)}
                  style={{ width: isPhone ? '100%' : 320 }}
                  data-testid="checklist-org"
                />
                {orgId !== undefined && (
                  <ChecklistEditor key={`${orgId}-${year}`} orgId={orgId} year={year} />
                )}
              </Flex>
            ),
          },
          {
            key: 'score',
            label: t('checklist.scoreTab'),
            children: (
              <Flex vertical gap={12}>
                <OrgTreeSelect
                  value={branchId}
                  onChange={(branch) => set({ branch })}
                  canPick={isBranch}
                  placeholder={t('checklist.pickBranch')}
                  style={{ width: isPhone ? '100%' : 320 }}
                  data-testid="checklist-branch"
                />
                {branchId !== undefined ? (
                  <BranchChecklistView branchId={branchId} year={year} as="supervisor" />
                ) : (
                  <Empty description={t('checklist.pickBranch')} />
                )}
              </Flex>
            ),
          },
        ]
      : []),
    ...(ownBranch
      ? [
          {
            key: 'own',
            label: t('checklist.ownTab'),
            children: <BranchChecklistView branchId={ownBranch} year={year} as="branch" />,
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('checklist.title')}
      extra={<YearSwitch year={year} onChange={(next) => set({ year: next })} />}
    >
      {items.length > 1 ? (
        <Tabs activeKey={tab} onChange={(key) => set({ tab: key })} items={items} destroyOnHidden />
      ) : (
        items[0]?.children
      )}
    </Page>
  );
}
