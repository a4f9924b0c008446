import { useId, type ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

interface Props {
  /** The `<h1>`, which also names the browser tab. */
  title: string;
  /** Buttons beside the heading, e.g. "New user". */
  actions?: ReactNode;
  children: ReactNode;
}

/** A routed page: a section named by its heading, so landmarks and the tab title say where you are. */
export function Page({ title, actions, children }: Props) {
  usePageTitle(title);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <h1 id={headingId}>{title}</h1>
        {actions}
      </div>
      {children}
    </section>
  );
}
