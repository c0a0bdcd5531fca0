// Advanced search (issue 5): every criterion of the domain at once, customer and billing
// accounts in one list, each linking to its page, and a plain account of what was searched.
import { useId, type FormEvent, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Title, useCanAccess, useDataProvider, useStore, type RaRecord } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { describeError } from '../accounts/errors';
import { ACCOUNT_TYPE_CHOICES, DISTRICT_CHOICES, INVOICE_METHOD_CHOICES, STATUS_CHOICES, type Choice } from '../accounts/labels';
import type { AccountResource } from '../providers/dataProvider';
import { describeFilter } from '../saved-searches/describe';
import { listUrl } from '../saved-searches/urls';
import { EMPTY_CRITERIA, hasAnyCriterion, PER_KIND, runSearch, type Criteria, type SearchKind, type SearchOutcome } from './AdvancedSearchQuery';
import { AccountTable, invoiceMethodCell } from './AccountTable';
import { StatusChip } from './StatusChip';

const INSURANCE_TYPE_CHOICES: Choice[] = [
  { id: 'commercial', name: 'Commercial' },
  { id: 'self', name: 'Self-insured' },
  { id: 'both', name: 'Both' },
];

type Setter = <K extends keyof Criteria>(key: K, value: Criteria[K]) => void;

function Group({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  return (
    <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, m: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>{legend}</Typography>
      {hint ? <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{hint}</Typography> : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 2, alignItems: 'start' }}>{children}</Box>
    </Box>
  );
}

function Text({ label, field, criteria, set, helperText }: { label: string; field: keyof Criteria; criteria: Criteria; set: Setter; helperText?: string }) {
  return (
    <TextField size="small" fullWidth label={label} value={criteria[field]} onChange={(e) => set(field, e.target.value)} helperText={helperText} />
  );
}

function DateBox({ label, field, criteria, set }: { label: string; field: keyof Criteria; criteria: Criteria; set: Setter }) {
  return (
    <TextField
      size="small"
      fullWidth
      type="date"
      label={label}
      value={criteria[field]}
      onChange={(e) => set(field, e.target.value)}
      slotProps={{ inputLabel: { shrink: true } }}
     
    />
  );
}

function Pick({ label, field, choices, criteria, set, disabled, helperText }: { label: string; field: keyof Criteria; choices: Choice[]; criteria: Criteria; set: Setter; disabled?: boolean; helperText?: string }) {
  return (
    <TextField select fullWidth size="small" label={label} value={criteria[field]} onChange={(e) => set(field, e.target.value)} disabled={disabled} helperText={helperText}>
      <MenuItem value=""><em>Any</em></MenuItem>
      {choices.map((c) => (
        <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>
      ))}
    </TextField>
  );
}

function Searched({ outcome }: { outcome: SearchOutcome }) {
  return (
    <Box component="section" aria-label="What was searched" sx={{ mt: 2 }}>
      <Typography variant="subtitle2" component="h3">What was searched</Typography>
      <Box component="ul" sx={{ mt: 0.5, pl: 2 }}>
        {outcome.steps.map((s, i) => (
          <li key={i}>
            <Typography variant="body2">
              {s.label} — {describeFilter(s.filter)}: {s.outcome}.
            </Typography>
          </li>
        ))}
      </Box>
      {outcome.notes.map((n, i) => (
        <Alert key={i} severity="info" role="note" sx={{ mb: 1 }}>{n}</Alert>
      ))}
    </Box>
  );
}

/** A billing account's customer, quieter, after its billing name. */
function nameOfCustomer(resource: AccountResource, record: RaRecord): ReactNode {
  if (resource === 'customers') return String(record.name ?? '');
  return (
    <>
      {String(record.billingName ?? '')}
      {record.customerName ? (
        <Typography variant="body2" color="text.secondary" component="span"> (of {String(record.customerName)})</Typography>
      ) : null}
    </>
  );
}

function Results({ outcome }: { outcome: SearchOutcome }) {
  const { rows, customers, billing } = outcome;
  const more = (customers && customers.total > PER_KIND) || (billing && billing.total > PER_KIND);
  if (rows.length === 0) {
    return <Typography sx={{ mt: 2 }} role="status">No account matches these criteria.</Typography>;
  }
  return (
    <>
      <Typography sx={{ mt: 2 }} role="status">
        {[
          customers ? `${customers.total.toLocaleString('en-US')} customer account${customers.total === 1 ? '' : 's'}` : null,
          billing ? `${billing.total.toLocaleString('en-US')} billing account${billing.total === 1 ? '' : 's'}` : null,
        ].filter(Boolean).join(' and ')} found.
      </Typography>
      <AccountTable
        label="Advanced search results"
        columns={['Status', 'Invoice method']}
        naming={nameOfCustomer}
        sx={{ mt: 1 }}
        rows={rows.map(({ resource, record }) => ({
          resource,
          record,
          cells: [<StatusChip key="status" record={record} />, invoiceMethodCell(resource, record, '—')],
        }))}
      />
      {more ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Showing at most {PER_KIND} of each kind. Narrow the criteria, or open the results as a list to page through, sort, save or export them.
        </Typography>
      ) : null}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {customers?.listable && customers.total > 0 ? (
          <Button component={RouterLink} to={listUrl('customers', customers.filter, ['accountNumber', 'ASC'])} size="small">
            Open customer accounts as a list
          </Button>
        ) : null}
        {billing?.listable && billing.total > 0 ? (
          <Button component={RouterLink} to={listUrl('billing-accounts', billing.filter, ['accountNumber', 'ASC'])} size="small">
            Open billing accounts as a list
          </Button>
        ) : null}
      </Stack>
    </>
  );
}

export function AdvancedSearch() {
  const { canAccess, isPending } = useCanAccess({ action: 'list', resource: 'customers' });
  if (isPending) return null;
  if (!canAccess) {
    return (
      <Box sx={{ mt: 2 }}>
        <Title title="Advanced search" />
        <Typography>The advanced search is for those who read customer and billing accounts.</Typography>
      </Box>
    );
  }
  return <AdvancedSearchForm />;
}

function AdvancedSearchForm() {
  const dataProvider = useDataProvider();
  const [criteria, setCriteria] = useStore<Criteria>('cims.advancedSearch.criteria', EMPTY_CRITERIA);
  const [submitted, setSubmitted] = useStore<Criteria | null>('cims.advancedSearch.submitted', null);
  const kindId = useId();
  const search = useQuery({
    queryKey: ['cims-advanced-search', submitted],
    queryFn: () => runSearch(dataProvider, submitted!),
    enabled: submitted !== null,
    retry: false,
  });
  const c = { ...EMPTY_CRITERIA, ...criteria };
  const set: Setter = (key, value) => setCriteria({ ...c, [key]: value });
  const billingOnly = c.kind === 'billing-accounts';
  const customersOnly = c.kind === 'customers';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted({ ...c });
  };
  const clear = () => {
    setCriteria(EMPTY_CRITERIA);
    setSubmitted(null);
  };

  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="Advanced search" />
      <Typography variant="h5" component="h1">Advanced search</Typography>
      <Card>
        <CardContent>
          <form onSubmit={submit} role="search" aria-label="Advanced search" noValidate>
            <Stack spacing={2}>
              <Box>
                <Typography id={kindId} variant="subtitle2">Look for</Typography>
                <RadioGroup row aria-labelledby={kindId} value={c.kind} onChange={(e) => set('kind', e.target.value as SearchKind)}>
                  <FormControlLabel value="both" control={<Radio />} label="Customer and billing accounts" />
                  <FormControlLabel value="customers" control={<Radio />} label="Customer accounts only" />
                  <FormControlLabel value="billing-accounts" control={<Radio />} label="Billing accounts only" />
                </RadioGroup>
              </Box>
              <Group legend="Account" hint="These apply to every account searched.">
                <Text label="Account number" field="accountNumber" criteria={c} set={set} helperText="9 digits" />
                <Text label="Name" field="q" criteria={c} set={set} helperText="Name or part of it" />
                <Pick label="Status" field="status" choices={STATUS_CHOICES} criteria={c} set={set} />
                <Pick label="District served" field="district" choices={DISTRICT_CHOICES} criteria={c} set={set} />
                <DateBox label="Created on or after" field="createdFrom" criteria={c} set={set} />
                <DateBox label="Created on or before" field="createdTo" criteria={c} set={set} />
              </Group>
              <Group
                legend="Customer account"
                hint={billingOnly ? 'Billing accounts whose customer account matches.' : 'For billing accounts, these apply to their customer account.'}
              >
                <Pick label="Account type" field="accountType" choices={ACCOUNT_TYPE_CHOICES} criteria={c} set={set} />
                <Text label="BPID" field="bpid" criteria={c} set={set} helperText="Business Partner ID, exactly" />
                <Text label="FEIN" field="fein" criteria={c} set={set} helperText="Exactly, e.g. 46-9208663" />
              </Group>
              <Group legend="Billing account" hint={customersOnly ? 'Not used when looking for customer accounts only.' : 'Customer accounts are not searched when the invoice method is set.'}>
                <Pick label="Invoice method" field="invoiceMethod" choices={INVOICE_METHOD_CHOICES} criteria={c} set={set} disabled={customersOnly} />
              </Group>
              <Group legend="Insurance" hint="Customer accounts with insurance that matches.">
                <Pick label="Insurance type" field="insuranceType" choices={INSURANCE_TYPE_CHOICES} criteria={c} set={set} />
                <Text label="Policy number" field="policyNumber" criteria={c} set={set} />
                <DateBox label="Policy expires on or after" field="policyExpiresFrom" criteria={c} set={set} />
                <DateBox label="Policy expires on or before" field="policyExpiresTo" criteria={c} set={set} />
              </Group>
              <Group legend="Agreements" hint="Customer accounts with an agreement that matches.">
                <Text label="Agreement type" field="agreementType" criteria={c} set={set} />
                <Text label="Agreement number" field="agreementNumber" criteria={c} set={set} />
                <DateBox label="Agreement expires on or after" field="agreementExpiresFrom" criteria={c} set={set} />
                <DateBox label="Agreement expires on or before" field="agreementExpiresTo" criteria={c} set={set} />
              </Group>
              <Group legend="Securities" hint="Customer accounts with a security that matches.">
                <Text label="Security system number" field="securityNumber" criteria={c} set={set} />
                <DateBox label="Security expires on or after" field="securityExpiresFrom" criteria={c} set={set} />
                <DateBox label="Security expires on or before" field="securityExpiresTo" criteria={c} set={set} />
              </Group>
              <Stack direction="row" spacing={1}>
                <Button type="submit" variant="contained">Search</Button>
                <Button type="button" onClick={clear}>Clear criteria</Button>
              </Stack>
            </Stack>
          </form>
        </CardContent>
      </Card>
      {submitted ? (
        <Card component="section" aria-label="Results">
          <CardContent>
            <Typography variant="h6" component="h2">Results</Typography>
            {!hasAnyCriterion(submitted) ? (
              <Alert severity="info" role="note" sx={{ mt: 1 }}>No criterion was given: these are the first accounts of each kind.</Alert>
            ) : null}
            {search.isFetching ? <LinearProgress aria-label="Searching" sx={{ mt: 2 }} /> : null}
            {search.error ? (
              <Alert severity="error" role="alert" sx={{ mt: 2 }}>{describeError(search.error, 'The search failed; try again.')}</Alert>
            ) : null}
            {search.data ? (
              <>
                <Results outcome={search.data} />
                <Searched outcome={search.data} />
              </>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
    </Stack>
  );
}
