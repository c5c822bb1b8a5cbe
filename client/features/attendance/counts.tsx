import { Card, Col, Progress, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttendanceCounts } from '../../../common/schemas/activity';

export function CountsCard({ counts }: { counts: AttendanceCounts }) {
  const { t } = useTranslation();
  const stats = [
    { key: 'members', value: counts.members },
    { key: 'present', value: counts.present },
    { key: 'leave', value: counts.leave },
    { key: 'absent', value: counts.absent },
    { key: 'masses', value: counts.masses },
  ] as const;
  return (
    <Card size="small" data-testid="attendance-counts" data-present={counts.present}>
      <Row gutter={[8, 8]} align="middle">
        {stats.map((stat) => (
          <Col key={stat.key} xs={8} sm={4}>
            <Statistic title={t(`attendance.counts.${stat.key}`)} value={stat.value} />
          </Col>
        ))}
        <Col xs={8} sm={4}>
          <Progress
            type="circle"
            size={64}
            percent={counts.rate === null ? 0 : Math.round(counts.rate * 100)}
            format={(percent) => (counts.rate === null ? '—' : `${percent}%`)}
            aria-label={`${t('attendance.rate')} ${counts.rate === null ? '—' : `${Math.round(counts.rate * 100)}%`}`}
          />
        </Col>
      </Row>
    </Card>
  );
}
