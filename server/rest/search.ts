// Text search that behaves the same on SQLite and PostgreSQL: every searchable record keeps a
// normalised copy of its text (lower case, accents stripped), and the query is normalised the
// same way, so that neither database's own case rules matter.

export function normalizeText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-US')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern that finds `term` anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(term: string): string {
  return `%${normalizeText(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
