import { CloseCircleFilled, LoadingOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/china-time';
import { useLedgerVerification } from './queries';

/** The inspector's question, answered from the hash chain: was anything changed silently? */
export function ChainBadge({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useLedgerVerification(orgId);
  if (isPending) {
    return (
      <Tag icon={<LoadingOutlined />} data-testid="ledger-chain" data-intact="pending">
        {t('ledger.chain.checking')}
      </Tag>
    );
  }
  if (!data) {
    return (
      <Tag color="default" data-testid="ledger-chain" data-intact="unknown">
        {error instanceof Error ? error.message : t('ledger.chain.unknown')}
      </Tag>
    );
  }
  if (data.intact) {
    return (
      <Tooltip title={t('ledger.chain.intactHint', { count: data.entries })}>
        <Tag color="success" icon={<SafetyCertificateFilled />} data-testid="ledger-chain" data-intact="true">
          {t('ledger.chain.intact')}
        </Tag>
      </Tooltip>
    );
  }
  const broken = data.brokenAt;
  return (
    <Tooltip
      title={
        broken
          ? t('ledger.chain.brokenHint', { kind: broken.kind, at: formatDateTime(broken.at) })
          : undefined
      }
    >
      <Tag color="error" icon={<CloseCircleFilled />} data-testid="ledger-chain" data-intact="false">
        {t('ledger.chain.broken', { seq: broken?.seq ?? '?' })}
      </Tag>
    </Tooltip>
  );
}
