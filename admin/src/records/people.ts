import { useGetIdentity, type Identifier } from 'react-admin';

/** Who wrote or uploaded something: "You", or the user's number (user names are for administrators). */
export function useWhoLabel(): (userId: Identifier | null | undefined) => string {
  const { identity } = useGetIdentity();
  return (userId) => {
    if (userId === null || userId === undefined) return 'System';
    if (identity && String(identity.id) === String(userId)) return 'You';
    return `User #${String(userId)}`;
  };
}
