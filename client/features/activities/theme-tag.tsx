import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityKind, Theme } from '../../../common/enums';

const THEME_COLORS: Record<Theme, string> = {
  study_training: 'red',
  democratic_deliberation: 'purple',
  culture_sports: 'orange',
  volunteer_service: 'green',
};

export function ThemeTag({ theme }: { theme: Theme | null }) {
  const { t } = useTranslation();
  if (!theme) return null;
  return <Tag color={THEME_COLORS[theme]}>{t(`enums.theme.${theme}`)}</Tag>;
}

export function KindTags({ kinds }: { kinds: readonly ActivityKind[] }) {
  const { t } = useTranslation();
  return kinds.map((kind) => <Tag key={kind}>{t(`enums.activityKind.${kind}`)}</Tag>);
}
