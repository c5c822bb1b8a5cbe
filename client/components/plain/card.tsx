import type { ReactNode } from 'react';

/** A white card with a titled header, the phone pages' one container. */
export function Card({
  title,
  extra,
  children,
  testId,
  level = 2,
}: {
  /** 1 when the card is the page (the check-in screens), so the page has its one h1. */
  level?: 1 | 2;
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="p-card" data-testid={testId}>
      {(title || extra) && (
        <header>
          {title && (level === 1 ? <h1>{title}</h1> : <h2>{title}</h2>)}
          {extra}
        </header>
      )}
      <div className="p-body">{children}</div>
    </section>
  );
}
