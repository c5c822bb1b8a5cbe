import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Flex, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXEMPTIONS, type Exemption } from '../../../common/enums';
import type { Org } from '../../../common/schemas/org';
import { useErrorToast } from '../../components/api-error';
import { refreshOversightViews } from '../../components/refresh-oversight';
import { isOverseer } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { useUpdateOrg } from './queries';

/**
 * What a branch is excused from (a retired cadres' branch from the monthly fixed day): the
 * dashboard and the ranking show it as exempt, never as failing. Only supervisors change it.
 */
export function ExemptionsCard({ org }: { org: Org }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const update = useUpdateOrg(org.id);
  const showError = useErrorToast();
  const editable = isOverseer(me);

  const toggle = (exemption: Exemption, on: boolean) => {
    const exemptions = on ? [...org.exemptions, exemption] : org.exemptions.filter((e) => e !== exemption);
    update.mutate(
      { exemptions: EXEMPTIONS.filter((e) => exemptions.includes(e)) },
      {
        onSuccess: () => {
          void message.success(
            t(on ? 'exemptions.granted' : 'exemptions.revoked', { what: t(`enums.exemption.${exemption}`) }),
          );
          void refreshOversightViews(queryClient);
        },
        onError: showError,
      },
    );
  };

  return (
    <Card size="small" title={t('exemptions.title')} data-testid="org-exemptions">
      <Flex vertical gap={8}>
        {EXEMPTIONS.map((exemption) => (
          <Flex key={exemption} gap={12} align="center" justify="space-between" wrap>
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text>{t(`enums.exemption.${exemption}`)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`exemptions.hint.${exemption}`)}
              </Typography.Text>
            </Flex>
            <Switch
              checked={org.exemptions.includes(exemption)}
              disabled={!editable}
              loading={update.isPending}
              onChange={(on) => toggle(exemption, on)}
              checkedChildren={t('exemptions.exempt')}
              data-testid={`exemption-switch-${exemption}`}
            />
          </Flex>
        ))}
        {!editable && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('exemptions.onlySupervisors')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
