import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityKind } from '../../../common/enums';
import type { Venue } from '../../../common/schemas/venue';
import { useVenues } from './queries';
import { splitBySuitability } from './suitable';

type Props = Omit<SelectProps<number>, 'options'> & { orgId: number; kinds: readonly ActivityKind[] };

export function VenueSelect({ orgId, kinds, ...props }: Props) {
  const { t } = useTranslation();
  const { data: venues, isPending } = useVenues(orgId);
  const { suitable, others } = splitBySuitability(venues ?? [], kinds);
  const option = (venue: Venue) => ({
    value: venue.id,
    label: `${venue.name} · ${t(`enums.venueType.${venue.type}`)}`,
  });
  const options =
    kinds.length === 0
      ? (venues ?? []).map(option)
      : [
          { label: t('venues.suitable'), options: suitable.map(option) },
          { label: t('venues.others'), options: others.map(option) },
        ].filter((group) => group.options.length > 0);

  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={isPending}
      options={options}
      notFoundContent={t('venues.none')}
      {...props}
    />
  );
}
