/** The `ETag` of a record read from a list: its version in quotes, as the API sends it. */
export function versionTag(version: number): string {
  return `"${String(version)}"`;
}
