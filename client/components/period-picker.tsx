import { DatePicker, Flex, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RANKING_PERIODS, type RankingPeriod } from '../../common/enums';
import { fromIsoDate, toIsoDate } from './dates';
import { currentPeriod, type PeriodChoice } from './period';
import { YearSwitch } from './year-switch';

/** Any stretch of days, for the dashboard's "custom" choice. */
export interface CustomRange {
  period: 'custom';
  from: string;
  to: string;
}

export type PeriodValue = PeriodChoice | CustomRange;

type Kind = RankingPeriod | 'custom';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const QUARTERS = [1, 2, 3, 4];

/** Month, quarter or year (and, where offered, a custom range of days). */
export function PeriodPicker<V extends PeriodValue>({
  value,
  onChange,
  allowCustom = false,
}: {
  value: V;
  onChange: (next: PeriodValue) => void;
  allowCustom?: boolean;
}) {
  const { t } = useTranslation();
  const kinds: Kind[] = allowCustom ? [...RANKING_PERIODS, 'custom'] : [...RANKING_PERIODS];

  const switchTo = (kind: Kind) => {
    if (kind === 'custom') {
      const year = value.period === 'custom' ? Number(value.from.slice(0, 4)) : value.year;
      onChange({ period: 'custom', from: `${year}-01-01`, to: `${year}-12-31` });
      return;
    }
    const current = currentPeriod(kind);
    const year = value.period === 'custom' ? Number(value.from.slice(0, 4)) : value.year;
    onChange({ ...current, year });
  };

  return (
    <Flex gap={8} wrap align="center" data-testid="period-picker">
      <Segmented<Kind>
        value={value.period}
        onChange={switchTo}
        options={kinds.map((kind) => ({ value: kind, label: t(`period.kind.${kind}`) }))}
      />
      {value.period === 'custom' ? (
        <DatePicker.RangePicker
          allowClear={false}
          value={[fromIsoDate(value.from) ?? null, fromIsoDate(value.to) ?? null]}
          onChange={(range) => {
            const from = toIsoDate(range?.[0]);
            const to = toIsoDate(range?.[1]);
            if (from && to) onChange({ period: 'custom', from, to });
          }}
          style={{ maxWidth: 260 }}
        />
      ) : (
        <>
          <YearSwitch year={value.year} onChange={(year) => onChange({ ...value, year })} />
          {value.period !== 'year' && (
            <Select<number>
              value={value.index}
              onChange={(index) => onChange({ ...value, index })}
              style={{ width: 110 }}
              data-testid="period-index"
              options={(value.period === 'month' ? MONTHS : QUARTERS).map((index) => ({
                value: index,
                label: t(`period.index.${value.period as 'month' | 'quarter'}`, { index }),
              }))}
            />
          )}
        </>
      )}
    </Flex>
  );
}
