/**
 * The IANA time zones this browser knows, for the picker. `current` is kept even when the browser
 * does not list it (e.g. `UTC` in some engines), so an existing setting is never silently replaced.
 */
export function timeZoneOptions(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

/** ISO 4217 codes this browser knows, offered as suggestions; any three-letter code may be typed. */
export function currencyCodes(): string[] {
  return Intl.supportedValuesOf('currency');
}
