/** The kinds of document kept with accounts, in the agency's words (stored as written). */
export const DOCUMENT_TYPES = [
  'Certificate of insurance',
  'Self-insurance confirmation',
  'Bond',
  'Letter of credit',
  'Agreement',
  'Correspondence',
  'Application',
  'Other',
] as const;

export function documentTypeChoices(current?: unknown): { id: string; name: string }[] {
  const choices: { id: string; name: string }[] = DOCUMENT_TYPES.map((t) => ({ id: t, name: t }));
  if (typeof current === 'string' && current && !DOCUMENT_TYPES.includes(current as (typeof DOCUMENT_TYPES)[number])) {
    choices.push({ id: current, name: current });
  }
  return choices;
}
