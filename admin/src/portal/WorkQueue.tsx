// The work queue on the portal: insurance to confirm, and policies, securities and agreements
// expiring within the chosen 30, 60 or 90 days. Every row opens its customer's page at the right
// tab. (Accounts waiting for an Authorizer have their own box: see Portal.tsx.)
import { useId, useState } from 'react';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useCreatePath, useGetList, useGetMany, type RaRecord } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { AGREEMENT_STATUS_LABELS } from '../agreements/AgreementInputs';
import { INSURANCE_TYPE_LABELS } from '../insurance-policies/InsuranceInputs';
import { DateOnlyText } from '../records/DateOnlyField';
import { addDays, localToday, relativeDays } from '../records/dates';
import { formatAmount } from '../securities/money';
import { SECURITY_TYPE_LABELS } from '../securities/SecurityInputs';

export const HORIZONS = [30, 60, 90] as const;
export type Horizon = (typeof HORIZONS)[number];
const ROWS = 25;

interface QueueSpec {
  title: string;
  resource: string;
  filter: Record<string, string>;
  dateField: string;
  dateLabel: string;
  /** The customer page's tab the row opens. */
  tab: string;
  describe: (r: RaRecord) => string;
  empty: string;
}

function CustomerLink({ customer, customerId, tab }: { customer: RaRecord | undefined; customerId: unknown; tab: string }) {
  const createPath = useCreatePath();
  const to = `${createPath({ resource: 'customers', id: customerId as string, type: 'show' })}/${tab}`;
  const text = customer ? `${String(customer.accountNumber ?? '')} — ${String(customer.name ?? '')}` : `Customer #${String(customerId)}`;
  return <Link component={RouterLink} to={to}>{text}</Link>;
}

function QueueSection({ spec, today }: { spec: QueueSpec; today: string }) {
  const headingId = useId();
  const { data, total, isPending, error } = useGetList<RaRecord>(spec.resource, {
    filter: spec.filter,
    sort: { field: spec.dateField, order: 'ASC' },
    pagination: { page: 1, perPage: ROWS },
  });
  const ids = [...new Set((data ?? []).map((r) => r.customerId).filter((id) => id !== null && id !== undefined))];
  const { data: customers } = useGetMany<RaRecord>('customers', { ids }, { enabled: ids.length > 0 });
  const byId = new Map((customers ?? []).map((c) => [String(c.id), c]));
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {spec.title}
        {total ? ` (${total})` : ''}
      </Typography>
      {isPending ? <Typography color="text.secondary">Loading…</Typography> : null}
      {error ? <Typography color="error">This part of the queue could not be loaded.</Typography> : null}
      {!isPending && !error && (!data || data.length === 0) ? <Typography color="text.secondary">{spec.empty}</Typography> : null}
      {data && data.length > 0 ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-labelledby={headingId}>
            <TableHead>
              <TableRow>
                <TableCell>Customer account</TableCell>
                <TableCell>What</TableCell>
                <TableCell>{spec.dateLabel}</TableCell>
                <TableCell>When</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((r) => {
                const day = r[spec.dateField];
                const overdue = typeof day === 'string' && day < today;
                return (
                  <TableRow key={r.id}>
                    <TableCell><CustomerLink customer={byId.get(String(r.customerId))} customerId={r.customerId} tab={spec.tab} /></TableCell>
                    <TableCell>{spec.describe(r)}</TableCell>
                    <TableCell><DateOnlyText value={day} /></TableCell>
                    <TableCell>
                      <Typography component="span" variant="body2" color={overdue ? 'error' : undefined}>
                        {overdue ? `Overdue: ${relativeDays(day, today).toLowerCase()}` : relativeDays(day, today)}
                      </Typography>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {total !== undefined && total > data.length ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>Showing the first {data.length} of {total}, soonest first.</Typography>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}

export function queueSpecs(today: string, horizon: Horizon): QueueSpec[] {
  const until = addDays(today, horizon);
  const window = { _gte: today, _lte: until };
  const within = `in the next ${horizon} days`;
  return [
    {
      title: `Insurance confirmations due ${within} or overdue`,
      resource: 'insurance-policies',
      filter: { confirmationDueOn_lte: until },
      dateField: 'confirmationDueOn',
      dateLabel: 'Confirmation due on',
      tab: 'insurance',
      describe: (r) => [INSURANCE_TYPE_LABELS[String(r.insuranceType)] ?? String(r.insuranceType ?? ''), r.carrier].filter(Boolean).join(' · '),
      empty: `No insurance confirmation is due ${within}.`,
    },
    {
      title: `Insurance policies expiring ${within}`,
      resource: 'insurance-policies',
      filter: { policyExpiresOn_gte: window._gte, policyExpiresOn_lte: window._lte },
      dateField: 'policyExpiresOn',
      dateLabel: 'Policy expires on',
      tab: 'insurance',
      describe: (r) => [r.carrier, r.policyNumber ? `policy ${String(r.policyNumber)}` : null].filter(Boolean).join(' · ') || 'Policy',
      empty: `No insurance policy expires ${within}.`,
    },
    {
      title: `Securities expiring ${within}`,
      resource: 'securities',
      filter: { expiresOn_gte: window._gte, expiresOn_lte: window._lte },
      dateField: 'expiresOn',
      dateLabel: 'Expires on',
      tab: 'securities',
      describe: (r) =>
        [SECURITY_TYPE_LABELS[String(r.securityType)] ?? String(r.securityType ?? ''), r.systemNumber, r.issuerName, r.amount ? formatAmount(r.amount) : null]
          .filter(Boolean)
          .join(' · '),
      empty: `No bond or letter of credit expires ${within}.`,
    },
    {
      title: `Agreements expiring ${within}`,
      resource: 'agreements',
      filter: { expiresOn_gte: window._gte, expiresOn_lte: window._lte },
      dateField: 'expiresOn',
      dateLabel: 'Expires on',
      tab: 'agreements',
      describe: (r) =>
        [r.agreementType, r.agreementNumber, AGREEMENT_STATUS_LABELS[String(r.agreementStatus)]].filter(Boolean).join(' · '),
      empty: `No agreement expires ${within}.`,
    },
  ];
}

export interface WorkQueueProps {
  /** For tests: the day that counts as today. */
  today?: string;
}

export function WorkQueue({ today = localToday() }: WorkQueueProps) {
  const [horizon, setHorizon] = useState<Horizon>(30);
  const labelId = useId();
  return (
    <Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
        <Typography id={labelId}>Expiring or due within</Typography>
        <ToggleButtonGroup
          value={horizon}
          exclusive
          size="small"
          aria-labelledby={labelId}
          onChange={(_e, value: Horizon | null) => {
            if (value) setHorizon(value);
          }}
        >
          {HORIZONS.map((h) => (
            <ToggleButton key={h} value={h} aria-label={`${h} days`}>
              {h} days
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Typography variant="body2" color="text.secondary">
          Today is <DateOnlyText value={today} />; the window ends <DateOnlyText value={addDays(today, horizon)} />.
        </Typography>
      </Stack>
      {queueSpecs(today, horizon).map((spec) => (
        <QueueSection key={spec.title} spec={spec} today={today} />
      ))}
    </Box>
  );
}
