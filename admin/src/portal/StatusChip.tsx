import { RecordContextProvider, type RaRecord } from 'react-admin';
import { StatusField } from '../accounts/StatusField';

export function StatusChip({ record }: { record: RaRecord }) {
  return (
    <RecordContextProvider value={record}>
      <StatusField />
    </RecordContextProvider>
  );
}
