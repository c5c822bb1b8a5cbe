import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useIsPhone } from './use-is-phone';

/** A card on a wide screen; on a phone the list below brings its own frame. */
export function Section({ title, children }: { title: ReactNode; children: ReactNode }) {
  const isPhone = useIsPhone();
  if (!isPhone) {
    return (
      <Card size="small" title={title}>
        {children}
      </Card>
    );
  }
  return (
    <div>
      <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}
