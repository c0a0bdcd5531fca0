import { TextInput, type TextInputProps, type Validator } from 'react-admin';
import { DATE_ONLY } from './dates';

const dateOnly: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || (typeof value === 'string' && DATE_ONLY.test(value))
    ? undefined
    : 'Use a date such as 2027-04-30.';

export type DateOnlyInputProps = Omit<TextInputProps, 'type'>;

/**
 * A calendar day as the browser's date picker gives it: the string "YYYY-MM-DD", never a Date,
 * so no time zone can move it. An emptied field is saved as null.
 */
export function DateOnlyInput({ validate, ...props }: DateOnlyInputProps) {
  const validators = [dateOnly, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  return (
    <TextInput
      type="date"
      parse={(v: string) => (v === '' ? null : v)}
      format={(v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : '')}
      validate={validators}
      slotProps={{ inputLabel: { shrink: true } }}
      {...props}
    />
  );
}
