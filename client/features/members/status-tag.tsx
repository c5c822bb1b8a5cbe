import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberStatus } from '../../../common/enums';

const COLORS: Record<MemberStatus, string> = {
  applicant: 'default',
  activist: 'gold',
  development_target: 'cyan',
  probationary: 'orange',
  full: 'red',
};

export function StatusTag({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`enums.memberStatus.${status}`)}</Tag>;
}
