// What the customer and billing account pages share: the page itself (title, loading), the header
// card (number, name, status, actions), the labelled details and the History tab.
import type { ReactElement, ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateField, FunctionField, Labeled, Show, useRecordContext, type RaRecord } from 'react-admin';
import type { AccountResource } from '../providers/dataProvider';
import { AccountActions } from './AccountActions';
import { AccountNumberHeading } from './AccountNumberField';
import { HistoryList } from './HistoryList';
import { RESOURCE_KIND } from './labels';
import { ReassignButton } from './ReassignDialog';
import { StatusField } from './StatusField';

/** The field that names the account: a customer's name, a billing account's billing name. */
export type AccountNameSource = 'name' | 'billingName';

function AccountTitle({ resource, nameSource }: { resource: AccountResource; nameSource: AccountNameSource }) {
  const record = useRecordContext();
  return <span>{RESOURCE_KIND[resource]} {record ? `${String(record.accountNumber)} — ${String(record[nameSource])}` : ''}</span>;
}

function Loaded({ resource, children }: { resource: AccountResource; children: (record: RaRecord) => ReactNode }) {
  const record = useRecordContext();
  if (!record) return <Typography sx={{ p: 2 }}>Loading the {RESOURCE_KIND[resource].toLowerCase()}…</Typography>;
  return <Box sx={{ mt: 2 }}>{children(record)}</Box>;
}

export interface AccountShowProps {
  resource: AccountResource;
  nameSource: AccountNameSource;
  /** The page, once the account has loaded. */
  children: (record: RaRecord) => ReactNode;
}

/** An account's page, titled "Customer account 100000009 — Keystone Water". */
export function AccountShow({ resource, nameSource, children }: AccountShowProps) {
  return (
    <Show title={<AccountTitle resource={resource} nameSource={nameSource} />} actions={false} component="div">
      <Loaded resource={resource}>{children}</Loaded>
    </Show>
  );
}

export interface AccountHeaderProps {
  resource: AccountResource;
  name: string;
  /** Said after the status, e.g. "Utility customer"; nothing when null. */
  about: string | null;
  /** Lines under the name and status, e.g. the billing account's customer. */
  children?: ReactNode;
  /** Buttons after the lifecycle actions and before Reassign. */
  actions?: ReactNode;
}

/** The card at the top of an account page: number, name, status, and what may be done. */
export function AccountHeader({ resource, name, about, children, actions }: AccountHeaderProps) {
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
          <AccountNumberHeading kind={RESOURCE_KIND[resource]} />
          <Box sx={{ flex: 1 }}>
            <Typography variant="h5" component="h1">{name}</Typography>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
              <StatusField />
              {about !== null ? <Typography variant="body2" color="text.secondary">{about}</Typography> : null}
            </Stack>
            {children}
          </Box>
        </Stack>
        <AccountActions resource={resource}>
          {actions}
          <ReassignButton from={resource} />
        </AccountActions>
      </CardContent>
    </Card>
  );
}

/** One labelled value of the Details tab. */
export function DetailField({ label, children }: { label: string; children: ReactElement }) {
  return (
    <Labeled label={label} sx={{ minWidth: 180, mr: 3, mb: 1 }}>
      {children}
    </Labeled>
  );
}

/** A tab of the account page under its own heading, e.g. "Billing accounts". */
export function AccountSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{title}</Typography>
      {children}
    </>
  );
}

/**
 * The Details tab: the address first, then `children` (what this kind of account has of its
 * own), then when the account was submitted, created and last changed.
 */
export function AccountDetails({ children }: { children: ReactNode }) {
  return (
    <AccountSection title="Details">
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap' }}>
        <DetailField label="Address"><FunctionField render={(r: RaRecord) => [r.addressLine1, r.addressLine2].filter(Boolean).join(', ') || '—'} /></DetailField>
        <DetailField label="City, state, ZIP"><FunctionField render={(r: RaRecord) => [r.city, r.state, r.zip].filter(Boolean).join(' ') || '—'} /></DetailField>
        {children}
        <DetailField label="Submitted"><DateField source="submittedAt" showTime emptyText="Not submitted" /></DetailField>
        <DetailField label="Created"><DateField source="createdAt" showTime /></DetailField>
        <DetailField label="Last changed"><DateField source="updatedAt" showTime /></DetailField>
      </Stack>
    </AccountSection>
  );
}

export function AccountHistory({ resource }: { resource: AccountResource }) {
  return (
    <AccountSection title="History">
      <HistoryList resource={resource} />
    </AccountSection>
  );
}
