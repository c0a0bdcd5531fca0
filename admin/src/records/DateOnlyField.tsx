import { useRecordContext } from 'react-admin';
import { formatDateOnly, isDateOnly } from './dates';

export interface DateOnlyFieldProps {
  source: string;
  label?: string;
  emptyText?: string;
}

/** A calendar day exactly as stored (YYYY-MM-DD), in place of DateField, which shifts it a day west of UTC. */
export function DateOnlyField({ source, emptyText = '—' }: DateOnlyFieldProps) {
  const record = useRecordContext();
  const value = record?.[source];
  return <DateOnlyText value={value} emptyText={emptyText} />;
}

export function DateOnlyText({ value, emptyText = '—' }: { value: unknown; emptyText?: string }) {
  const text = formatDateOnly(value, emptyText);
  return isDateOnly(value) ? <time dateTime={value}>{text}</time> : <span>{text}</span>;
}
