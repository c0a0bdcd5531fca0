// What the customer and billing account lists share: the filters they offer, the toolbar
// (filters, create, Export CSV, Save this search), District viewers' default district, and the
// words shown when nothing matches.
import type { ReactElement, ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CanAccess, CreateButton, Datagrid, FilterButton, List, SearchInput, SelectInput, TopToolbar, type SortPayload } from 'react-admin';
import type { AccountResource } from '../providers/dataProvider';
import { SaveSearchButton } from '../saved-searches/SaveSearchButton';
import { ExportCsvButton } from './ExportCsvButton';
import {
  ACCOUNT_TYPE_CHOICES, DISTRICT_CHOICES, INVOICE_METHOD_CHOICES, PERMIT_SYSTEM_CHOICES, STATUS_CHOICES, SUBMITTED_CHOICES,
  type Choice,
} from './labels';
import { useDistrictDefault } from './useDistrictDefault';

/** Every pick-one filter an account list may offer, as the Filter button names it. */
const CHOICE_FILTERS = {
  status: { label: 'Status', choices: STATUS_CHOICES },
  accountType: { label: 'Account type', choices: ACCOUNT_TYPE_CHOICES },
  district: { label: 'District served', choices: DISTRICT_CHOICES },
  invoiceMethod: { label: 'Invoice method', choices: INVOICE_METHOD_CHOICES },
  permitSystem: { label: 'Permit system', choices: PERMIT_SYSTEM_CHOICES },
  submitted: { label: 'Authorization', choices: SUBMITTED_CHOICES },
} satisfies Record<string, { label: string; choices: Choice[] }>;

export type AccountFilter = keyof typeof CHOICE_FILTERS;

export interface AccountSearchBox {
  /** What may be typed, e.g. "Name, number, FEIN or BPID". */
  placeholder: string;
  /** The name a screen reader announces, e.g. "Search customer accounts". */
  label: string;
}

/** The search box, always shown, then `filters` in the order the Filter button lists them. */
export function accountFilters(search: AccountSearchBox, filters: AccountFilter[]): ReactElement[] {
  return [
    // The name goes on the input itself: given to SearchInput, it lands on a wrapper no screen reader announces.
    <SearchInput key="q" source="q" alwaysOn placeholder={search.placeholder} slotProps={{ htmlInput: { 'aria-label': search.label } }} />,
    ...filters.map((source) => (
      <SelectInput key={source} source={source} label={CHOICE_FILTERS[source].label} choices={CHOICE_FILTERS[source].choices} />
    )),
  ];
}

function AccountListActions({ resource, createLabel }: { resource: AccountResource; createLabel?: string }) {
  return (
    <TopToolbar>
      <FilterButton />
      {createLabel ? <CreateButton label={createLabel} /> : null}
      <CanAccess action="export" resource={resource}>
        <ExportCsvButton />
      </CanAccess>
      <CanAccess action="create" resource="saved-searches">
        <SaveSearchButton />
      </CanAccess>
    </TopToolbar>
  );
}

function NothingMatches({ text, hint }: { text: string; hint?: string }) {
  return (
    <Box sx={{ p: 3 }}>
      <Typography>{text}</Typography>
      {hint ? <Typography variant="body2" color="text.secondary">{hint}</Typography> : null}
    </Box>
  );
}

export interface AccountListProps {
  resource: AccountResource;
  title: string;
  filters: ReactElement[];
  sort: SortPayload;
  /** The Create button's label; no Create button without it. */
  createLabel?: string;
  /** Said when no account matches the filters, e.g. "No customer account matches these filters." */
  nothingMatches: string;
  /** Said under it, e.g. where such accounts are created. */
  nothingMatchesHint?: string;
  /** The columns. */
  children: ReactNode;
}

export function AccountList({ resource, title, filters, sort, createLabel, nothingMatches, nothingMatchesHint, children }: AccountListProps) {
  const { isPending, filterDefaultValues } = useDistrictDefault();
  if (isPending) return null;
  return (
    <List
      title={title}
      filters={filters}
      filterDefaultValues={filterDefaultValues}
      sort={sort}
      actions={<AccountListActions resource={resource} createLabel={createLabel} />}
      empty={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<NothingMatches text={nothingMatches} hint={nothingMatchesHint} />}>
        {children}
      </Datagrid>
    </List>
  );
}
