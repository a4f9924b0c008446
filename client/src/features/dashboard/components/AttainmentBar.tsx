import './attainment.css';

/** A small bar for an attainment, full at 100% (longer attainments are capped). */
export function AttainmentBar({ attainment }: { attainment: number | null }) {
  const width = attainment === null ? 0 : Math.min(1, Math.max(0, attainment)) * 100;
  return (
    <span className="attainment" aria-hidden="true">
      <span className={`attainment__bar${attainment !== null && attainment >= 1 ? ' attainment__bar--met' : ''}`} style={{ width: `${String(width)}%` }} />
    </span>
  );
}
