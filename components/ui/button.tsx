import type { ComponentProps } from 'react';

// ComponentProps (not ButtonHTMLAttributes) so `ref` passes through, React 19 style.
type Props = ComponentProps<'button'> & { variant?: 'primary' | 'secondary' | 'danger' };

const STYLES = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700',
  secondary: 'border-2 border-brand-600 text-brand-700 bg-surface hover:bg-brand-50',
  danger: 'bg-danger text-white hover:opacity-90',
} as const;

export function Button({ variant = 'primary', className, type = 'button', ...rest }: Props) {
  return (
    <button
      type={type}
      className={`inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${STYLES[variant]} ${className ?? ''}`}
      {...rest}
    />
  );
}
