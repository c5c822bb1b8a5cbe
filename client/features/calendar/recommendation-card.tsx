import { CheckOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recommendation } from '../../../common/schemas/plan';
import { KindTags, ThemeTag } from '../activities/theme-tag';

/** A recommended theme as a branch or its supervisor sees it, with whatever action fits. */
export function RecommendationCard({ item, action }: { item: Recommendation; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" styles={{ body: { display: 'flex', flexDirection: 'column', gap: 6 } }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">
          {t('plan.recommendedBy', { org: item.orgName, month: item.month })}
        </Typography.Text>
        {action}
      </Flex>
      <Flex gap={4} wrap align="center">
        <ThemeTag theme={item.theme} />
        <Typography.Text strong>{item.title}</Typography.Text>
      </Flex>
      <div>
        <KindTags kinds={item.kinds} />
      </div>
      {item.note && <Typography.Text type="secondary">{item.note}</Typography.Text>}
    </Card>
  );
}

export function AdoptButton({
  adopted,
  loading,
  onClick,
}: {
  adopted: boolean;
  loading: boolean;
  onClick: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Button
      type={adopted ? 'default' : 'primary'}
      size="small"
      icon={<CheckOutlined />}
      loading={loading}
      onClick={onClick}
      data-testid="plan-adopt"
    >
      {adopted ? t('plan.adoptedTag') : t('plan.adopt')}
    </Button>
  );
}
