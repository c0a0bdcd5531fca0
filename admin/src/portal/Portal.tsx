// The account portal, fitted to the roles the user holds (sections.ts): an Authorizer's queue
// first; an Account Manager's returned accounts and drafts; a District viewer's district; an
// analyst's saved searches and export; then for everyone who reads accounts, open by number and
// search.
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { CanAccess, CreateButton, Title, useGetIdentity, usePermissions } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import type { Role } from '../../../config/vocabulary';
import type { CimsIdentity } from '../providers/authProvider';
import { AccountSearch } from './AccountSearch';
import { AuthorizerQueue } from './AuthorizerQueue';
import { DistrictAccounts, districtName } from './DistrictAccounts';
import { ReturnedToYou, YourDrafts } from './ManagerQueues';
import { OpenByNumber } from './OpenByNumber';
import { ExportBox, SavedSearchesBox } from './ReportBoxes';
import { portalSections, type SectionKey } from './sections';
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

function Search() {
  return (
    <>
      <AccountSearch />
      <Typography variant="body2" sx={{ mt: 2 }}>
        <Link component={RouterLink} to="/search">Advanced search</Link>: insurance, agreements, securities, invoice method and more.
      </Typography>
    </>
  );
}

/** Each section's title and content; `district` is the user's own. */
function section(key: SectionKey, district: string | null): { title: string; content: React.ReactNode } | null {
  switch (key) {
    case 'waiting': return { title: 'Waiting for your authorization', content: <AuthorizerQueue /> };
    case 'returned': return { title: 'Returned to you', content: <ReturnedToYou /> };
    case 'drafts': return { title: 'Your drafts', content: <YourDrafts /> };
    case 'district': return district ? { title: `Accounts in ${districtName(district)}`, content: <DistrictAccounts district={district} /> } : null;
    case 'open': return { title: 'Open an account', content: <OpenByNumber /> };
    case 'submitted': return { title: 'Waiting for an Authorizer', content: <AuthorizerQueue /> };
    case 'dueSoon': return { title: 'Work queue', content: <WorkQueue /> };
    case 'search': return { title: 'Search', content: <Search /> };
    case 'savedSearches': return { title: 'Saved searches', content: <SavedSearchesBox /> };
    case 'export': return { title: 'Export', content: <ExportBox /> };
    case 'administration': return { title: 'Administration', content: <Typography>Manage users and their roles, and the permit systems’ API clients, in the menu.</Typography> };
  }
}

export function Portal() {
  const { permissions, isPending } = usePermissions<Role[]>();
  const { identity, isPending: identityPending } = useGetIdentity();
  const roles = Array.isArray(permissions) ? permissions : [];
  const district = (identity as CimsIdentity | undefined)?.district ?? null;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="Account portal" />
      <Typography variant="h5" component="h1">Account portal</Typography>
      {isPending || identityPending
        ? null
        : portalSections(roles).map((key) => {
          const s = section(key, district);
          return s ? <Section key={key} title={s.title}>{s.content}</Section> : null;
        })}
      <CanAccess action="create" resource="customers">
        <Stack direction="row">
          <CreateButton resource="customers" label="Create customer account" variant="outlined" />
        </Stack>
      </CanAccess>
    </Stack>
  );
}
