import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Flex, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert, useErrorToast } from '../../components/api-error';
import { chinaYear } from '../../components/china-time';
import { Page } from '../../components/page';
import { YearSwitch } from '../../components/year-switch';
import { useSignedIn } from '../auth/me-context';
import { useDeleteRecommendation, useRecommendations } from '../calendar/queries';
import { RecommendationCard } from '../calendar/recommendation-card';
import { OrgTreeSelect } from '../orgs/org-tree-select';
import { RecommendationForm } from './recommendation-form';

/** A supervisor recommends a theme a month to every branch below; branches adopt it in one click. */
export function RecommendationsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || chinaYear();
  const supervised =
    me.roles.find((binding) => binding.role === 'supervisor' && binding.orgId)?.orgId ?? undefined;
  const [orgId, setOrgId] = useState<number | undefined>(supervised);
  const { data: items, error, isPending } = useRecommendations(orgId, year);
  const remove = useDeleteRecommendation();
  const showError = useErrorToast();

  const confirmDelete = (id: number, title: string) =>
    modal.confirm({
      title: t('recommendations.deleteConfirm', { title }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(id).catch(showError),
    });

  return (
    <Page
      title={t('recommendations.title')}
      extra={
        <>
          <OrgTreeSelect
            value={orgId}
            onChange={setOrgId}
            style={{ width: 240 }}
            data-testid="recommendation-org"
          />
          <YearSwitch year={year} onChange={(next) => setParams({ year: String(next) })} />
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          {orgId !== undefined && <RecommendationForm orgId={orgId} year={year} />}
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('recommendations.list', { year })}>
            <ErrorAlert error={error} />
            {isPending && orgId !== undefined ? (
              <Skeleton active />
            ) : items?.length ? (
              <Flex vertical gap={8} data-testid="recommendation-list">
                {[...items]
                  .sort((a, b) => a.month - b.month)
                  .map((item) => (
                    <RecommendationCard
                      key={item.id}
                      item={item}
                      action={
                        item.orgId === orgId && (
                          <Button
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            onClick={() => confirmDelete(item.id, item.title)}
                          >
                            {t('common.delete')}
                          </Button>
                        )
                      }
                    />
                  ))}
              </Flex>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recommendations.empty')} />
            )}
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
