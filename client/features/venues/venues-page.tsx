import { DeleteOutlined, EditOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Venue } from '../../../common/schemas/venue';
import { ErrorAlert, useErrorToast } from '../../components/api-error';
import { CompactList } from '../../components/compact-list';
import { Page } from '../../components/page';
import { useIsPhone } from '../../components/use-is-phone';
import { useOrgParam } from '../orgs/use-org-param';
import { useDeleteVenue, useVenues } from './queries';
import { VenueModal } from './venue-modal';

type Dialog = { venue?: Venue } | null;

export function VenuesPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const isPhone = useIsPhone();
  const { orgId, org } = useOrgParam();
  const { data: venues, error, isPending } = useVenues(orgId);
  const remove = useDeleteVenue();
  const showError = useErrorToast();
  const [dialog, setDialog] = useState<Dialog>(null);

  const confirmDelete = (venue: Venue) =>
    modal.confirm({
      title: t('venues.deleteConfirm', { name: venue.name }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(venue.id).catch(showError),
    });

  // Venues an upper organization set up are shown for reference; that organization edits them.
  const actions = (venue: Venue) =>
    venue.orgId === orgId ? (
      <Flex gap={4}>
        <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ venue })}>
          {t('common.edit')}
        </Button>
        <Button size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(venue)}>
          {t('common.delete')}
        </Button>
      </Flex>
    ) : (
      <Tag>{t('venues.inherited')}</Tag>
    );

  const geofence = (venue: Venue) =>
    venue.lat !== null && venue.lng !== null ? (
      <Tag icon={<EnvironmentOutlined />} color="blue">
        {venue.radiusM ? t('venues.geofence', { radius: venue.radiusM }) : t('venues.located')}
        {venue.radiusM && venue.strict ? ` · ${t('venues.strict')}` : ''}
      </Tag>
    ) : null;

  const columns: TableProps<Venue>['columns'] = [
    { key: 'name', title: t('venues.name'), dataIndex: 'name' },
    { key: 'type', title: t('fields.venueType'), render: (_, v) => t(`enums.venueType.${v.type}`) },
    { key: 'address', title: t('fields.address'), render: (_, v) => v.address ?? '—' },
    { key: 'geo', title: t('venues.checkInArea'), render: (_, v) => geofence(v) ?? '—' },
    { key: 'actions', title: t('common.actions'), render: (_, v) => actions(v) },
  ];

  return (
    <Page
      title={t('venues.title', { org: org?.name ?? '' })}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({})}
          data-testid="venue-create"
        >
          {t('venues.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('venues.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <div data-testid="venue-list">
        {isPhone ? (
          <CompactList<Venue>
            items={venues}
            loading={isPending}
            rowKey={(venue) => venue.id}
            renderItem={(venue) => (
              <Flex vertical gap={4}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>{venue.name}</Typography.Text>
                  <Tag>{t(`enums.venueType.${venue.type}`)}</Tag>
                  {geofence(venue)}
                </Flex>
                {venue.address && <Typography.Text type="secondary">{venue.address}</Typography.Text>}
                {actions(venue)}
              </Flex>
            )}
          />
        ) : (
          <Table<Venue>
            rowKey="id"
            loading={isPending}
            columns={columns}
            dataSource={venues}
            pagination={false}
          />
        )}
      </div>
      {dialog && orgId !== undefined && (
        <VenueModal orgId={orgId} venue={dialog.venue} onClose={() => setDialog(null)} />
      )}
    </Page>
  );
}
