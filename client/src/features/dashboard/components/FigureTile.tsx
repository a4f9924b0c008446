interface Props {
  label: string;
  /** The formatted figure ("45.7%", "1,204", "—"). */
  value: string;
  /** The counts behind it, e.g. "12 connected of 40 calls". */
  detail?: string;
  /** Opens the records behind the figure; without it the tile is not interactive. */
  onExplain?: () => void;
}

/** One headline number; a button that opens its drill-down when it has one. */
export function FigureTile({ label, value, detail, onExplain }: Props) {
  const body = (
    <>
      <span className="figure-tile__label">{label}</span>
      <span className="figure-tile__value">{value}</span>
      {detail && <span className="figure-tile__detail">{detail}</span>}
    </>
  );
  return (
    <li className="figure-tiles__item">
      {onExplain ? (
        <button type="button" className="figure-tile figure-tile--button" aria-haspopup="dialog" onClick={onExplain}>
          {body}
          <span className="visually-hidden">: show the records</span>
        </button>
      ) : (
        <div className="figure-tile">{body}</div>
      )}
    </li>
  );
}
