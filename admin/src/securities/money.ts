// Amounts stay strings of dollars and cents ("250000.10") from the API to the screen: never a
// float, so no cent is ever lost. Shown with thousands separators, edited as plain text.
export const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/** "250000.1" → "$250,000.10"; anything not an amount is shown as it is. */
export function formatAmount(value: unknown, empty = '—'): string {
  if (value === null || value === undefined || value === '') return empty;
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return text;
  const dollars = m[2].replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (m[3] ?? '').padEnd(2, '0');
  return `${m[1]}$${dollars}.${cents}`;
}

/** What a user typed ("$250,000.10 ") → what the API takes ("250000.10"); blank → null. */
export function parseAmount(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).replace(/[\s,$]/g, '');
  return text === '' ? null : text;
}

export function amountProblem(value: unknown): string | undefined {
  const text = parseAmount(value);
  if (text === null) return undefined;
  return AMOUNT.test(text) ? undefined : 'An amount in dollars and cents, such as 250000.00.';
}
