import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Completeness } from '../../../common/schemas/activity';

const PARTS = ['materials', 'attendance', 'records'] as const;

/** "Materials, attendance and records" (seed 004): what the ledger still lacks, as a hint, not a verdict. */
export function CompletenessBadges({ completeness }: { completeness: Completeness }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap data-testid="completeness">
      {PARTS.map((part) => (
        <Tooltip key={part} title={t(`activity.completeness.${part}Hint`)}>
          <Tag
            color={completeness[part] ? 'success' : 'warning'}
            icon={completeness[part] ? <CheckCircleFilled /> : <ExclamationCircleOutlined />}
            data-complete={completeness[part]}
            style={{ marginInlineEnd: 0 }}
          >
            {t(`activity.completeness.${part}`)}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
