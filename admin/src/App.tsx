import { Admin, ListGuesser, Resource } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

const dataProvider = simpleRestProvider('/api');

export function App() {
  return (
    <Admin dataProvider={dataProvider} title="CIMS">
      <Resource name="customers" list={ListGuesser} />
    </Admin>
  );
}
