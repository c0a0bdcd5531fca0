import { Admin, Resource } from 'react-admin';
import billingAccounts from './billing-accounts';
import customers from './customers';
import insurancePolicies from './insurance-policies';
import { Layout } from './Layout';
import { LoginPage } from './LoginPage';
import { Portal } from './portal/Portal';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { theme } from './theme';
import users from './users';

export function App() {
  return (
    <Admin
      requireAuth
      title="CIMS"
      dataProvider={dataProvider}
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
    </Admin>
  );
}
