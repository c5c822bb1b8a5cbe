import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Exemption } from '../../../common/enums';

/** "Exempt", never "failing": what an org is excused from. */
export function ExemptTag({ exemption }: { exemption?: Exemption }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color="blue" data-testid="exempt-tag" style={{ marginInlineEnd: 0 }}>
      {t('exemptions.exempt')}
    </Tag>
  );
  return exemption ? <Tooltip title={t(`enums.exemption.${exemption}`)}>{tag}</Tooltip> : tag;
}

export function ExemptionTags({ exemptions }: { exemptions: readonly Exemption[] }) {
  const { t } = useTranslation();
  return exemptions.map((exemption) => (
    <Tag key={exemption} color="blue" data-testid={`exemption-${exemption}`}>
      {t('exemptions.tag', { what: t(`enums.exemption.${exemption}`) })}
    </Tag>
  ));
}
