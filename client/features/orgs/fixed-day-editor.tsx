import { Flex, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HOLIDAY_RULES } from '../../../common/enums';
import { DEFAULT_FIXED_DAY, type FixedDayRule, type FixedDaySetting } from '../../../common/fixed-day';
import { fixedDayText, WEEKDAYS, weekdayLabel } from './fixed-day-text';

const NTHS = [1, 2, 3, 4, -1] as const;

/** Where a rule lands when the user switches between the two kinds: the common choices. */
const KIND_DEFAULTS: Record<FixedDayRule['kind'], FixedDayRule> = {
  day_of_month: { kind: 'day_of_month', day: 15 },
  nth_weekday: { kind: 'nth_weekday', nth: 2, weekday: 5 },
};

/** A form control for a branch's fixed activity day; antd's Form.Item passes value and onChange. */
export function FixedDayEditor({
  value = DEFAULT_FIXED_DAY,
  onChange,
  id,
}: {
  value?: FixedDaySetting;
  onChange?: (value: FixedDaySetting) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const { rule } = value;
  const setRule = (next: FixedDayRule) => onChange?.({ ...value, rule: next });

  return (
    <Flex vertical gap={8} id={id}>
      <Radio.Group
        value={rule.kind}
        onChange={(event) => setRule(KIND_DEFAULTS[event.target.value as FixedDayRule['kind']])}
        options={[
          { value: 'day_of_month', label: t('orgs.fixedDay.byDay') },
          { value: 'nth_weekday', label: t('orgs.fixedDay.byWeekday') },
        ]}
      />
      {rule.kind === 'day_of_month' ? (
        <Flex align="center" gap={8} wrap>
          <InputNumber
            min={1}
            max={31}
            precision={0}
            value={rule.day}
            onChange={(day) => day !== null && setRule({ kind: 'day_of_month', day })}
            prefix={t('orgs.fixedDay.dayPrefix')}
            suffix={t('orgs.fixedDay.daySuffix')}
            aria-label={t('orgs.fixedDay.day')}
            style={{ width: 200 }}
          />
          {rule.day > 28 && (
            <Typography.Text type="secondary">{t('orgs.fixedDay.shortMonth')}</Typography.Text>
          )}
        </Flex>
      ) : (
        <Flex gap={8} wrap>
          <Select
            value={rule.nth}
            onChange={(nth) => setRule({ ...rule, nth })}
            options={NTHS.map((nth) => ({
              value: nth,
              label:
                nth === -1 ? t('orgs.fixedDay.last') : t('orgs.fixedDay.nth', { count: nth, ordinal: true }),
            }))}
            aria-label={t('orgs.fixedDay.nthLabel')}
            style={{ width: 120 }}
          />
          <Select
            value={rule.weekday}
            onChange={(weekday) => setRule({ ...rule, weekday })}
            options={WEEKDAYS.map((weekday) => ({ value: weekday, label: weekdayLabel(t, weekday) }))}
            aria-label={t('orgs.fixedDay.weekday')}
            style={{ width: 120 }}
          />
        </Flex>
      )}
      <Flex align="center" gap={8} wrap>
        <Typography.Text>{t('orgs.fixedDay.onHoliday')}</Typography.Text>
        <Select
          value={value.holidayRule}
          onChange={(holidayRule) => onChange?.({ ...value, holidayRule })}
          options={HOLIDAY_RULES.map((holidayRule) => ({
            value: holidayRule,
            label: t(`enums.holidayRule.${holidayRule}`),
          }))}
          style={{ width: 220 }}
        />
      </Flex>
      <Typography.Text type="secondary">{fixedDayText(t, value)}</Typography.Text>
    </Flex>
  );
}
