import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FixedDayState } from '../../../common/enums';

// A missing plan or a missed day is flagged in warning colours, never as an error: the work can
// still be done and recorded afterwards.
// Status colours only: their text is darkened to 4.5:1 in the theme (main.tsx); the palette's
// gold, cyan and volcano on their pale backgrounds are not.
const COLORS: Record<FixedDayState, string> = {
  held: 'success',
  held_off_day: 'warning',
  scheduled: 'processing',
  planned: 'default',
  missing_plan: 'warning',
  missed: 'error',
};

export function StateTag({ state }: { state: FixedDayState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`enums.fixedDayState.${state}`)}
    </Tag>
  );
}
