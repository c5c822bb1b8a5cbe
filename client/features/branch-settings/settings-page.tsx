import { Col, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { BranchLinks } from '../calendar/branch-links';
import { useOrgParam } from '../orgs/use-org-param';
import { FeedsCard } from './feeds-card';
import { WebhookCard } from './webhook-card';

export function SettingsPage() {
  const { t } = useTranslation();
  const { orgId, org } = useOrgParam();
  if (orgId === undefined) return null;
  return (
    <Page title={t('settings.title', { org: org?.name ?? '' })}>
      <Flex vertical gap={16}>
        <BranchLinks orgId={orgId} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <WebhookCard orgId={orgId} />
          </Col>
          <Col xs={24} lg={12}>
            <FeedsCard orgId={orgId} />
          </Col>
        </Row>
      </Flex>
    </Page>
  );
}
