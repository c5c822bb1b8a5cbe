import { Badge, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useAlerts } from './queries';

/** How many alerts are still open, for the navigation. */
export function useOpenAlerts(enabled: boolean): number {
  const { data } = useAlerts('open', enabled);
  return data?.open ?? 0;
}

/** The menu's "Alerts" entry with its count, like the notices bell. */
export function AlertsMenuLabel({ label, count }: { label: ReactNode; count: number }) {
  return (
    <Flex justify="space-between" align="center" gap={8} data-testid="alerts-menu" data-open={count}>
      <span>{label}</span>
      {count > 0 && <Badge count={count} size="small" overflowCount={99} />}
    </Flex>
  );
}
