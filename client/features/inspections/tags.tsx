import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionMethod, RectificationStatus } from '../../../common/enums';

const METHOD_COLORS: Record<InspectionMethod, string> = {
  on_site: 'red',
  records_review: 'geekblue',
  phone_check: 'purple',
};

export function MethodTag({ method }: { method: InspectionMethod }) {
  const { t } = useTranslation();
  return <Tag color={METHOD_COLORS[method]}>{t(`enums.inspectionMethod.${method}`)}</Tag>;
}

const STATUS_COLORS: Record<RectificationStatus, string> = {
  open: 'warning',
  answered: 'processing',
  closed: 'success',
};

/** The status, and "overdue" beside it while a rectification past its due date is not closed. */
export function RectificationStatusTag({
  status,
  overdue,
}: {
  status: RectificationStatus;
  overdue: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLORS[status]} data-testid="rectification-status">
        {t(`enums.rectificationStatus.${status}`)}
      </Tag>
      {overdue && (
        <Tag color="error" data-testid="rectification-overdue">
          {t('inspections.overdue')}
        </Tag>
      )}
    </>
  );
}
