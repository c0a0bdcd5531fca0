import { RecordContextProvider } from 'react-admin';

/**
 * Children that are not about the page's record: react-admin's useCanAccess takes the record
 * from context, and would otherwise test the account's record against the rules of a note or a
 * contact (notes: "only their author" would never match).
 */
export function Detached({ children }: { children: React.ReactNode }) {
  return <RecordContextProvider value={undefined}>{children}</RecordContextProvider>;
}
