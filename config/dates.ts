// Calendar days as YYYY-MM-DD strings: the same day in every time zone, compared as text.

/** Whether a YYYY-MM-DD string names a day that exists (Date.parse turns 2026-02-30 into March 2). */
export function isRealDay(day: string): boolean {
  // Years before 1000 are typing mistakes here (and year 0 does not exist for PostgreSQL).
  if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}
