import type { ComponentPropsWithRef } from 'react';

type Props = ComponentPropsWithRef<'button'> & { variant?: 'primary' | 'secondary' | 'danger' | 'link' };

export function Button({ variant = 'primary', className, type = 'button', ...rest }: Props) {
  const classes = ['button', `button--${variant}`, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
