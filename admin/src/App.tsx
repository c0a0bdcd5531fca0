import { Admin, Resource } from 'react-admin';
import { CustomRoutes } from 'react-admin';
import { Route } from 'react-router-dom';
import apiClients from './api-clients';
import events from './events';
import { ImportPage } from './import';
import { AdvancedSearch } from './portal/AdvancedSearch';
import savedSearches from './saved-searches';
import billingAccounts from './billing-accounts';
import customers from './customers';
import insurancePolicies from './insurance-policies';
import { Layout } from './Layout';
import { LoginPage } from './LoginPage';
import { Portal } from './portal/Portal';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { theme } from './theme';
import users from './users';
import contacts from './contacts';
import securities from './securities';
import agreements from './agreements';
import notes from './notes';
import attachments from './attachments';

export function App() {
  return (
    <Admin
      requireAuth
      title="CIMS"
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      authProvider={authProvider}
      dashboard={Portal}
      theme={theme}
      layout={Layout}
      loginPage={LoginPage}
      disableTelemetry
    >
      <Resource name="customers" {...customers} />
      <Resource name="billing-accounts" {...billingAccounts} />
      <Resource name="insurance-policies" {...insurancePolicies} />
      <Resource name="users" {...users} />
      <Resource name="contacts" {...contacts} />
      <Resource name="securities" {...securities} />
      <Resource name="agreements" {...agreements} />
      <Resource name="notes" {...notes} />
      <Resource name="attachments" {...attachments} />
      <Resource name="saved-searches" {...savedSearches} />
      <Resource name="api-clients" {...apiClients} />
      <Resource name="events" {...events} />
      <CustomRoutes>
        <Route path="/search" element={<AdvancedSearch />} />
        <Route path="/import" element={<ImportPage />} />
      </CustomRoutes>
    </Admin>
  );
}
