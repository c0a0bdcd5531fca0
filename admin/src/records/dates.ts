// Calendar days ("YYYY-MM-DD") stay strings from the API to the screen: never a Date at midnight
// UTC, which shows the day before in every time zone west of Greenwich.
export const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDateOnly(value: unknown): value is string {
  return typeof value === 'string' && DATE_ONLY.test(value);
}

/** A stored calendar day as shown: the day itself, whatever the browser's time zone. */
export function formatDateOnly(value: unknown, empty = '—'): string {
  if (value === null || value === undefined || value === '') return empty;
  if (isDateOnly(value)) return value;
  // A timestamp where a day was expected: its first ten characters are the day the server meant.
  if (typeof value === 'string' && DATE_ONLY.test(value.slice(0, 10))) return value.slice(0, 10);
  return String(value);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Today in the browser's own calendar, from local date parts. */
export function localToday(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Today as the server counts it (UTC). */
export function serverToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function toUtcMs(day: string): number {
  const m = DATE_ONLY.exec(day);
  if (!m) throw new Error(`Not a date: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** `day` plus `days` calendar days, computed on UTC parts so no time zone or DST moves it. */
export function addDays(day: string, days: number): string {
  const d = new Date(toUtcMs(day) + days * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / 86_400_000);
}

/** Self-insured coverage is confirmed by April 30 each year: the next April 30 on or after `on`. */
export function nextApril30(on: string): string {
  const year = Number(on.slice(0, 4));
  const thisYear = `${pad(year, 4)}-04-30`;
  return on <= thisYear ? thisYear : `${pad(year + 1, 4)}-04-30`;
}

/** The April 30 to suggest today: never one the server (which counts in UTC) would call past. */
export function suggestedConfirmationDate(now: Date = new Date()): string {
  const local = localToday(now);
  const server = serverToday(now);
  return nextApril30(local > server ? local : server);
}

/** "In 12 days", "Today", "3 days ago". */
export function relativeDays(day: unknown, today: string): string {
  if (!isDateOnly(day)) return '';
  const n = daysBetween(today, day);
  if (n === 0) return 'Today';
  if (n === 1) return 'Tomorrow';
  if (n === -1) return 'Yesterday';
  return n > 0 ? `In ${n} days` : `${-n} days ago`;
}

/** A timestamp (createdAt …) in the reader's time zone; these are instants, not calendar days. */
export function formatDateTime(at: unknown): string {
  if (!at) return '';
  const d = new Date(String(at));
  return Number.isNaN(d.getTime()) ? String(at) : d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}
