const payFormats = new Map<string, Intl.NumberFormat>();
const plain = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Pay to the cent in the organisation's currency (a plain number while it is unknown); `null` as "—". */
export function formatPay(value: number | null, currency: string | undefined): string {
  if (value === null) return '—';
  if (!currency) return plain.format(value);
  let format = payFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    } catch {
      format = plain;
    }
    payFormats.set(currency, format);
  }
  return format.format(value);
}

/** Percent typed by a person ("10") as the fraction the API takes (0.1), to 4 decimals. */
export function percentToFraction(value: number): number {
  return Number.isNaN(value) ? value : Math.round(value * 100) / 10000;
}
