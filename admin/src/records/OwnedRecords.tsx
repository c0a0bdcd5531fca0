// The records of one kind kept under an account (contacts, securities, agreements …): a table,
// Add for those who may create, and Edit/Delete per row for those who may change that row.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCanAccess, useGetList, type Identifier, type RaRecord, type SortPayload } from 'react-admin';
import { ownerDefaults, ownerFilter, type Owner } from './owner';
import { RecordActions } from './RecordActions';
import { RecordDialog } from './RecordDialog';

export interface Column {
  label: string;
  render: (record: RaRecord) => React.ReactNode;
  align?: 'left' | 'right';
}

export interface OwnedRecordsProps {
  resource: string;
  owner: Owner;
  /** Singular, lower case: "contact", "security". */
  kind: string;
  /** The table's accessible name, e.g. "Contacts". */
  title: string;
  columns: Column[];
  /** Names one record in button labels and dialogs, e.g. the contact's name. */
  nameOf: (record: RaRecord) => string;
  sort: SortPayload;
  /** Said when there is none yet. */
  empty: string;
  /** The form's inputs, shared by Add and Edit. */
  inputs: React.ReactNode;
  /** Extra values of a new record. */
  defaults?: Partial<RaRecord>;
  transform?: (data: RaRecord) => RaRecord;
  /** Said under the table, e.g. how primary contacts work. */
  hint?: React.ReactNode;
  perPage?: number;
  /** Adds through a dialog of its own (an upload) instead of the form of `inputs`. */
  renderAddDialog?: (props: { open: boolean; onClose: () => void }) => React.ReactNode;
  /** The Add button's words; "Add {kind}" unless told. */
  addLabel?: string;
}

type DialogState = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; id: Identifier; name: string };

export function OwnedRecords(props: OwnedRecordsProps) {
  const { resource, owner, kind, title, columns, nameOf, sort, empty, inputs, defaults, transform, hint, perPage = 100, renderAddDialog, addLabel } = props;
  const { canAccess: canCreate } = useCanAccess({ action: 'create', resource });
  const [dialog, setDialog] = useState<DialogState>({ mode: 'closed' });
  const { data, total, isPending, error } = useGetList<RaRecord>(resource, {
    filter: ownerFilter(owner),
    sort,
    pagination: { page: 1, perPage },
  });
  const close = () => setDialog({ mode: 'closed' });
  const plural = title.toLowerCase();

  return (
    <Box>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">{title}</Typography>
        {canCreate ? (
          <Button variant="outlined" onClick={() => setDialog({ mode: 'create' })}>
            {addLabel ?? `Add ${kind}`}
          </Button>
        ) : null}
      </Stack>
      {isPending ? <Typography color="text.secondary">Loading the {plural}…</Typography> : null}
      {error ? <Typography color="error">The {plural} could not be loaded.</Typography> : null}
      {!isPending && !error && (!data || data.length === 0) ? <Typography color="text.secondary">{empty}</Typography> : null}
      {data && data.length > 0 ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={title}>
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c.label} align={c.align}>{c.label}</TableCell>
                ))}
                <TableCell align="right"><Box component="span" sx={visuallyHidden}>Actions</Box></TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((record) => (
                <TableRow key={record.id}>
                  {columns.map((c) => (
                    <TableCell key={c.label} align={c.align}>{c.render(record)}</TableCell>
                  ))}
                  <TableCell align="right">
                    <RecordActions
                      resource={resource}
                      record={record}
                      name={`${kind} ${nameOf(record)}`.trim()}
                      onEdit={() => setDialog({ mode: 'edit', id: record.id, name: nameOf(record) })}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {total !== undefined && total > data.length ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              Showing {data.length} of {total} {plural}.
            </Typography>
          ) : null}
        </Box>
      ) : null}
      {hint ? <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>{hint}</Typography> : null}
      {renderAddDialog ? renderAddDialog({ open: dialog.mode === 'create', onClose: close }) : null}
      <RecordDialog
        resource={resource}
        open={renderAddDialog ? dialog.mode === 'edit' : dialog.mode !== 'closed'}
        onClose={close}
        title={dialog.mode === 'edit' ? `Edit ${kind} ${dialog.name}`.trim() : `Add ${kind}`}
        id={dialog.mode === 'edit' ? dialog.id : undefined}
        defaults={{ ...ownerDefaults(owner), ...defaults }}
        savedMessage={`${kind.charAt(0).toUpperCase()}${kind.slice(1)} saved.`}
        transform={transform}
      >
        {inputs}
      </RecordDialog>
    </Box>
  );
}

export const visuallyHidden = {
  border: 0, clip: 'rect(0 0 0 0)', height: '1px', margin: '-1px', overflow: 'hidden', padding: 0, position: 'absolute', whiteSpace: 'nowrap', width: '1px',
} as const;
