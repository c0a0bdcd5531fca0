import FindInPageIcon from '@mui/icons-material/FindInPage';
import HistoryIcon from '@mui/icons-material/History';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { CanAccess, Layout as RaLayout, Menu, usePermissions, useResourceDefinitions, type LayoutProps } from 'react-admin';

/** Resources shown in the menu by their own entry below, not in the list of resources. */
const OWN_ENTRIES = new Set(['events']);

function ResourceEntries() {
  const resources = useResourceDefinitions();
  return (
    <>
      {Object.values(resources)
        .filter((r) => r.hasList && !OWN_ENTRIES.has(r.name))
        .map((r) => (
          <Menu.ResourceItem key={r.name} name={r.name} />
        ))}
    </>
  );
}

/** The audit log is the administrators'; everyone else reads an account's history on its page. */
function AuditLogEntry() {
  const { permissions } = usePermissions<string[]>();
  const resources = useResourceDefinitions();
  if (!resources.events || !Array.isArray(permissions) || !permissions.includes('administrator')) return null;
  return <Menu.Item to="/events" primaryText="Audit log" leftIcon={<HistoryIcon />} />;
}

function CimsMenu() {
  return (
    <Menu>
      <Menu.DashboardItem primaryText="Account portal" />
      <CanAccess action="list" resource="customers">
        <Menu.Item to="/search" primaryText="Advanced search" leftIcon={<FindInPageIcon />} />
      </CanAccess>
      <ResourceEntries />
      <CanAccess action="import" resource="customers">
        <Menu.Item to="/import" primaryText="Load accounts" leftIcon={<UploadFileIcon />} />
      </CanAccess>
      <AuditLogEntry />
    </Menu>
  );
}

export function Layout(props: LayoutProps) {
  return <RaLayout {...props} menu={CimsMenu} />;
}
