import type { ReactNode } from 'react';

export type Tone = 'success' | 'info' | 'warning' | 'error' | 'default';

export function Tag({ tone = 'default', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`p-tag p-${tone}`}>{children}</span>;
}

/** How many are waiting (unread notices); nothing at zero. */
export function Count({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <span className="p-count" role="status" aria-label={label}>
      {count > 99 ? '99+' : count}
    </span>
  );
}
