import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FixedDayState } from '../../../common/enums';

// A missing plan or a missed day is flagged in warning colours, never as an error: the work can
// still be done and recorded afterwards.
const COLORS: Record<FixedDayState, string> = {
  held: 'success',
  held_off_day: 'gold',
  scheduled: 'processing',
  planned: 'cyan',
  missing_plan: 'warning',
  missed: 'volcano',
};

export function StateTag({ state }: { state: FixedDayState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`enums.fixedDayState.${state}`)}
    </Tag>
  );
}
