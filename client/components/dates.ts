import dayjs, { type Dayjs } from 'dayjs';

/** The API speaks calendar dates as YYYY-MM-DD; antd's DatePicker speaks dayjs. */
export const ISO_DATE = 'YYYY-MM-DD';

export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format(ISO_DATE) : undefined;
}

export function fromIsoDate(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value, ISO_DATE) : undefined;
}

export function today(): Dayjs {
  return dayjs().startOf('day');
}
