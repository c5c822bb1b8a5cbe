import type { ReactNode } from 'react';
import { Icon } from './icons';

export function Spinner({ label }: { label: string }) {
  return (
    <div className="p-center" role="status" aria-label={label}>
      <div className="p-spinner" />
    </div>
  );
}

export function Skeleton() {
  return <div className="p-skeleton" aria-hidden />;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="p-empty">{children}</div>;
}

/** A line the reader must see: an error (announced at once), a warning, or a remark. */
export function Note({
  tone,
  children,
  testId,
}: {
  tone: 'error' | 'warning' | 'info';
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`p-note p-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}

// Drawn, not characters: a cheap phone's fonts may have no glyph for ✔ or ⏳.
const ICONS = {
  success: 'done',
  already: 'done',
  error: 'refused',
  waiting: 'waiting',
  warning: 'warning',
} as const;

/** The answer to an action, big enough to read at arm's length in a crowded room. */
export function Result({
  status,
  title,
  subTitle,
  extra,
}: {
  status: keyof typeof ICONS;
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className={`p-result p-${status}`}>
      <div className="p-result-icon">
        <Icon name={ICONS[status]} size={56} />
      </div>
      <p className="p-result-title">{title}</p>
      {subTitle && <div className="p-muted">{subTitle}</div>}
      {extra}
    </div>
  );
}
