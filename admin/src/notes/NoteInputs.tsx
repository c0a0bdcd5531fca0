import Typography from '@mui/material/Typography';
import { TextInput, required, type Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { NOTE_MAX_LENGTH } from '../../../config/vocabulary';

const n = (count: number) => count.toLocaleString('en-US');

/** "3,990 characters left", or how far over the limit the text is. */
export function counterText(length: number, max: number = NOTE_MAX_LENGTH): string {
  const left = max - length;
  if (left >= 0) return `${n(left)} character${left === 1 ? '' : 's'} left`;
  return `${n(-left)} character${left === -1 ? '' : 's'} over the limit of ${n(max)}`;
}

const withinLimit: Validator = (value: unknown) =>
  typeof value === 'string' && value.trim().length > NOTE_MAX_LENGTH
    ? `A note has at most ${n(NOTE_MAX_LENGTH)} characters; shorten it by ${n(value.trim().length - NOTE_MAX_LENGTH)}.`
    : undefined;

const notBlank: Validator = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? 'Write the note.' : undefined);

/** The note's text with a live counter of what is left of the 4,000 characters. */
export function NoteInputs() {
  const text = useWatch({ name: 'text' }) as string | undefined;
  const length = (text ?? '').trim().length;
  const over = length > NOTE_MAX_LENGTH;
  return (
    <>
      <TextInput
        source="text"
        label="Note"
        multiline
        minRows={4}
        maxRows={16}
        validate={[required('Write the note.'), notBlank, withinLimit]}
        helperText={false}
        fullWidth
      />
      <Typography role="status" variant="body2" color={over ? 'error' : 'text.secondary'} sx={{ mt: 0.5 }}>
        {counterText(length)}
      </Typography>
    </>
  );
}
