// The analyst's boxes on the portal: the team's saved searches (open or export each), and the
// export of whole lists.
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { CanAccess, useGetList, type RaRecord } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { ExportButton } from '../accounts/ExportCsvButton';
import { describeFilter } from '../saved-searches/describe';
import { listUrl, SAVED_RESOURCE_LABELS, savedFilter, savedSort, type SavedResource } from '../saved-searches/urls';

const SHOWN = 10;

function SavedSearchRow({ record }: { record: RaRecord }) {
  const resource = String(record.resource);
  const sort = savedSort(record);
  return (
    <TableRow>
      <TableCell>
        <Link component={RouterLink} to={listUrl(resource, savedFilter(record), sort)}>{String(record.name ?? '')}</Link>
      </TableCell>
      <TableCell>{SAVED_RESOURCE_LABELS[resource as SavedResource] ?? resource}</TableCell>
      <TableCell>{describeFilter(savedFilter(record))}</TableCell>
      <TableCell>
        <CanAccess action="export" resource={resource}>
          <ExportButton resource={resource} filter={savedFilter(record)} sort={sort ? { field: sort[0], order: sort[1] } : { field: 'id', order: 'ASC' }} label={`Export ${String(record.name ?? '')}`} />
        </CanAccess>
      </TableCell>
    </TableRow>
  );
}

export function SavedSearchesBox() {
  const { data, total, isPending } = useGetList<RaRecord>('saved-searches', { sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: SHOWN } });
  if (isPending) return <Typography color="text.secondary">Loading…</Typography>;
  return (
    <>
      {!data || data.length === 0 ? (
        <Typography color="text.secondary">No saved search yet. Filter a list, then choose “Save this search”.</Typography>
      ) : (
        <Table size="small" aria-label="Saved searches">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>List</TableCell>
              <TableCell>Criteria</TableCell>
              <TableCell>Export</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((record) => <SavedSearchRow key={record.id} record={record} />)}
          </TableBody>
        </Table>
      )}
      <Typography variant="body2" sx={{ mt: 1 }}>
        <Link component={RouterLink} to="/saved-searches">All saved searches{total && total > SHOWN ? ` (${total})` : ''}</Link>
      </Typography>
    </>
  );
}

export function ExportBox() {
  const everything = { field: 'accountNumber', order: 'ASC' };
  return (
    <>
      <Typography sx={{ mb: 1 }}>
        Every account as CSV, masked as on screen. For part of a list, filter the list (or open a saved search) and choose Export CSV there.
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <CanAccess action="export" resource="customers">
          <ExportButton resource="customers" filter={{}} sort={everything} label="Export all customer accounts" />
        </CanAccess>
        <CanAccess action="export" resource="billing-accounts">
          <ExportButton resource="billing-accounts" filter={{}} sort={everything} label="Export all billing accounts" />
        </CanAccess>
      </Stack>
    </>
  );
}
