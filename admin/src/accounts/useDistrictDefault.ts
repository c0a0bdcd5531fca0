import { useGetIdentity } from 'react-admin';
import type { CimsIdentity } from '../providers/authProvider';

/**
 * District viewers' lists open filtered to their district (the filter can be cleared); everyone
 * else's open unfiltered. isPending until the identity is known, so the list mounts once.
 */
export function useDistrictDefault(): { isPending: boolean; filterDefaultValues: Record<string, unknown> } {
  const { identity, isPending } = useGetIdentity();
  const me = identity as CimsIdentity | undefined;
  const district = me?.roles?.includes('district_viewer') ? me.district : null;
  return { isPending, filterDefaultValues: district ? { district } : {} };
}
