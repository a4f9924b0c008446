const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

/** Shown for a ratio whose denominator is zero (the API sends `null`). */
export const NO_VALUE = '—';

export function formatCount(value: number): string {
  return integer.format(value);
}

/** A fraction (0.4567) as a percentage ("45.7%"); `null` as "—". */
export function formatRatio(value: number | null): string {
  return value === null ? NO_VALUE : percent.format(value);
}

/** A rate that is not a fraction (opportunities per 1,000 calls) with one decimal; `null` as "—". */
export function formatRate(value: number | null): string {
  return value === null ? NO_VALUE : decimal.format(value);
}

/** A number with one decimal (days, hours, follow-ups); `null` as "—". */
export function formatDecimal(value: number | null, unit = ''): string {
  return value === null ? NO_VALUE : `${decimal.format(value)}${unit}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount in the organisation's currency (plain number while the currency is unknown); `null` as "—". */
export function formatMoney(value: number | null, currency: string | undefined): string {
  if (value === null) return NO_VALUE;
  if (!currency) return integer.format(value);
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      format = integer;
    }
    moneyFormats.set(currency, format);
  }
  return format.format(value);
}
