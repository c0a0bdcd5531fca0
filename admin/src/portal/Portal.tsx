// The account portal: open by number, the work queue (accounts waiting for an Authorizer, and
// insurance, securities and agreements coming due), and search.
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { CanAccess, CreateButton, Title } from 'react-admin';
import { AccountSearch } from './AccountSearch';
import { OpenByNumber } from './OpenByNumber';
import { WorkQueue } from './WorkQueue';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card component="section" aria-label={title}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>{title}</Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function UsersOnly() {
  return (
    <CanAccess action="list" resource="users">
      <Section title="Administration">
        <Typography>Manage users and their roles under Users in the menu.</Typography>
      </Section>
    </CanAccess>
  );
}

export function Portal() {
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="Account portal" />
      <Typography variant="h5" component="h1">Account portal</Typography>
      <CanAccess action="list" resource="customers" accessDenied={<UsersOnly />}>
        <Section title="Open an account">
          <OpenByNumber />
        </Section>
      </CanAccess>
      <CanAccess action="list" resource="customers">
        <Section title="Work queue">
          <WorkQueue />
        </Section>
      </CanAccess>
      <CanAccess action="list" resource="customers">
        <Section title="Search">
          <AccountSearch />
        </Section>
      </CanAccess>
      <CanAccess action="create" resource="customers">
        <Stack direction="row">
          <CreateButton resource="customers" label="Create customer account" variant="outlined" />
        </Stack>
      </CanAccess>
    </Stack>
  );
}
