// "Save this search" on the customer and billing account lists: the list's current filter and
// sort, under a name the team will recognise, shared with everyone (resource saved-searches).
import { useState } from 'react';
import TextField from '@mui/material/TextField';
import BookmarkAddIcon from '@mui/icons-material/BookmarkAdd';
import { useCreate, useListContext, useNotify } from 'react-admin';
import { NameAndSaveDialog, useNameAndSave } from '../records/NameAndSaveDialog';
import { describeFilter } from './describe';
import { cleanFilter } from './urls';

export function SaveSearchButton() {
  const { resource, filterValues, sort } = useListContext();
  const naming = useNameAndSave('Give the search a name.');
  const [description, setDescription] = useState('');
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  if (!resource) return null;
  const filter = cleanFilter(filterValues);
  const { problems } = naming;

  const save = () => {
    const name = naming.takeName();
    if (!name) return;
    create(
      'saved-searches',
      {
        data: {
          name,
          resource,
          filter,
          sort: sort?.field ? [sort.field, sort.order === 'DESC' ? 'DESC' : 'ASC'] : null,
          description: description.trim() || null,
        },
      },
      {
        onSuccess: () => {
          notify(`Saved “${name}”. The whole team finds it under Saved searches.`, { type: 'success' });
          setDescription('');
          naming.saved();
        },
        onError: (error: unknown) => naming.refused(error, 'The search could not be saved.'),
      },
    );
  };

  return (
    <NameAndSaveDialog
      title="Save this search"
      icon={<BookmarkAddIcon />}
      intro={
        <>
          Saves the filters and sort of this list for the whole team: {describeFilter(filter)}
          {sort?.field ? `, sorted by ${sort.field} ${sort.order === 'DESC' ? 'descending' : 'ascending'}` : ''}.
        </>
      }
      nameHint="What the team will see, e.g. “Suspended utilities in District 11”."
      saveLabel="Save search"
      busy={isPending}
      naming={naming}
      problem={problems.root ?? problems.filter ?? problems.sort}
      onSave={save}
    >
      <TextField
        fullWidth
        multiline
        minRows={2}
        label="Description (optional)"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={Boolean(problems.description)}
        helperText={problems.description}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </NameAndSaveDialog>
  );
}
