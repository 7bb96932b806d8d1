/** A time of the report (milliseconds since the epoch) as ISO 8601 UTC text, for Markdown and exports. */
export function isoTime(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
}
