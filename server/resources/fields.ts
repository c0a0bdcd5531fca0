// Field validators shared by the resource declarations: what the agency's data must look like.
// Empty strings from forms are taken as "no value".
import { z } from 'zod';
import { isRealDay } from '../../config/dates';
import { US_STATES } from '../../config/vocabulary';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

// Control characters (a NUL above all, which PostgreSQL cannot store) are typing accidents or attacks.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const NO_CONTROL = 'Remove the invisible control characters from this text.';

export const hasControlCharacters = (text: string): boolean => CONTROL.test(text);

export const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `At most ${max} characters.`).refine((v) => !CONTROL.test(v), NO_CONTROL).nullable()).optional();

export const requiredText = (max: number, message = 'Required.') =>
  z.preprocess(trimmed, z.string({ message }).min(1, message).max(max, `At most ${max} characters.`).refine((v) => !CONTROL.test(v), NO_CONTROL));

export const email = z
  .preprocess(blankToNull, z.string().trim().toLowerCase().email('Not a valid email address.').max(254).nullable())
  .optional();

export const zip = z
  .preprocess(blankToNull, z.string().trim().regex(/^\d{5}(-?\d{4})?$/, 'A ZIP code has 5 or 9 digits (17101 or 17101-1234).').nullable())
  .transform((v) => (v && v.length === 9 ? `${v.slice(0, 5)}-${v.slice(5)}` : v))
  .optional();

export const usState = z
  .preprocess((v) => (typeof blankToNull(v) === 'string' ? String(v).trim().toUpperCase() : blankToNull(v)),
    z.enum(US_STATES, { message: 'Use the two-letter USPS code, such as PA.' }).nullable())
  .optional();

export const phone = z
  .preprocess(blankToNull, z.string().trim().regex(/^\+?[\d\s().-]{7,20}$/, 'Not a valid phone number.').nullable())
  .optional();

export const phoneExt = z.preprocess(blankToNull, z.string().trim().regex(/^\d{1,6}$/, 'An extension has up to 6 digits.').nullable()).optional();

/** FEIN: 9 digits, typed with or without the dash, kept as digits. */
export const fein = z
  .preprocess(blankToNull, z.string().trim().regex(/^\d{2}-?\d{7}$/, 'A FEIN has 9 digits, written NN-NNNNNNN.').nullable())
  .transform((v) => (v ? v.replace('-', '') : v))
  .optional();

/** A calendar day as YYYY-MM-DD: the same day in every time zone. */
export const isoDate = z
  .preprocess((v) => (v === '' ? null : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2027-04-30.').nullable())
  .refine((v) => v === null || v === undefined || isRealDay(v), 'There is no such day.')
  .optional();

export const oneOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { message: `Choose one of: ${label}.` });

export function formatFein(value: unknown): string {
  const digits = String(value);
  return digits.length === 9 ? `${digits.slice(0, 2)}-${digits.slice(2)}` : digits;
}

export function maskFein(value: unknown): string {
  const digits = String(value).replace(/\D/g, '');
  return `**-***${digits.slice(-4)}`;
}
