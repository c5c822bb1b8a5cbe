import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function YearSwitch({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={4} data-testid="year-switch">
      <Button
        icon={<LeftOutlined />}
        onClick={() => onChange(year - 1)}
        aria-label={t('calendar.prevYear')}
      />
      <Typography.Text strong style={{ minWidth: 64, textAlign: 'center' }}>
        {t('calendar.year', { year })}
      </Typography.Text>
      <Button
        icon={<RightOutlined />}
        onClick={() => onChange(year + 1)}
        aria-label={t('calendar.nextYear')}
      />
    </Flex>
  );
}
