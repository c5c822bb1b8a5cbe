import type { ButtonHTMLAttributes } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  kind?: 'primary' | 'default' | 'text' | 'link';
  size?: 'small' | 'middle' | 'large' | 'huge';
  block?: boolean;
  loading?: boolean;
  testId?: string;
};

const KIND_CLASS = { primary: 'p-primary', default: '', text: 'p-text-button', link: 'p-link-button' };
const SIZE_CLASS = { small: 'p-small-button', middle: '', large: 'p-large', huge: 'p-huge' };

/** A button that says it is busy (and takes no second press) while its request is on the way. */
export function Button({
  kind = 'default',
  size = 'middle',
  block,
  loading,
  testId,
  className,
  disabled,
  children,
  type = 'button',
  ...rest
}: Props) {
  const classes = ['p-button', KIND_CLASS[kind], SIZE_CLASS[size], block && 'p-block', className];
  return (
    <button
      {...rest}
      type={type}
      className={classes.filter(Boolean).join(' ')}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      data-testid={testId}
    >
      {loading && (
        <span className="p-spinner" style={{ width: 16, height: 16, borderWidth: 2 }} aria-hidden />
      )}
      {children}
    </button>
  );
}
