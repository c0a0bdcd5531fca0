// "Save this search" on the customer and billing account lists: the list's current filter and
// sort, under a name the team will recognise, shared with everyone (resource saved-searches).
import { useId, useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import BookmarkAddIcon from '@mui/icons-material/BookmarkAdd';
import { useCreate, useListContext, useNotify } from 'react-admin';
import { describeError } from '../accounts/errors';
import { describeFilter } from './describe';
import { cleanFilter } from './urls';

export function SaveSearchButton() {
  const { resource, filterValues, sort } = useListContext();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<Record<string, string>>({});
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const titleId = useId();
  if (!resource) return null;
  const filter = cleanFilter(filterValues);

  const close = () => {
    setOpen(false);
    setProblem({});
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setProblem({ name: 'Give the search a name.' });
      return;
    }
    create(
      'saved-searches',
      {
        data: {
          name: name.trim(),
          resource,
          filter,
          sort: sort?.field ? [sort.field, sort.order === 'DESC' ? 'DESC' : 'ASC'] : null,
          description: description.trim() || null,
        },
      },
      {
        onSuccess: () => {
          notify(`Saved “${name.trim()}”. The whole team finds it under Saved searches.`, { type: 'success' });
          setName('');
          setDescription('');
          close();
        },
        onError: (error: unknown) => {
          const body = (error as { body?: { errors?: Record<string, string> } })?.body;
          setProblem(body?.errors && Object.keys(body.errors).length ? body.errors : { root: describeError(error, 'The search could not be saved.') });
        },
      },
    );
  };

  return (
    <>
      <Button size="small" startIcon={<BookmarkAddIcon />} onClick={() => setOpen(true)}>
        Save this search
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <form onSubmit={save} noValidate>
          <DialogTitle id={titleId}>Save this search</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              Saves the filters and sort of this list for the whole team: {describeFilter(filter)}
              {sort?.field ? `, sorted by ${sort.field} ${sort.order === 'DESC' ? 'descending' : 'ascending'}` : ''}.
            </DialogContentText>
            <TextField
              autoFocus
              required
              fullWidth
              label="Name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={Boolean(problem.name)}
              helperText={problem.name ?? 'What the team will see, e.g. “Suspended utilities in District 11”.'}
              slotProps={{ htmlInput: { maxLength: 120 } }}
              sx={{ mb: 2 }}
            />
            <TextField
              fullWidth
              multiline
              minRows={2}
              label="Description (optional)"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              error={Boolean(problem.description)}
              helperText={problem.description}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
            {problem.root || problem.filter || problem.sort ? (
              <DialogContentText role="alert" color="error" sx={{ mt: 2 }}>
                {problem.root ?? problem.filter ?? problem.sort}
              </DialogContentText>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="contained" disabled={isPending}>Save search</Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
