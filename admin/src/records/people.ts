import { useGetIdentity, type Identifier } from 'react-admin';

/**
 * Who wrote or uploaded something: "You", else the full name the server sends with the record
 * (authorName, uploadedByName), else the user's number when the name is unknown.
 */
export function useWhoLabel(): (userId: Identifier | null | undefined, name?: unknown) => string {
  const { identity } = useGetIdentity();
  return (userId, name) => {
    if (userId === null || userId === undefined) return 'System';
    if (identity && String(identity.id) === String(userId)) return 'You';
    if (typeof name === 'string' && name.trim()) return name;
    return `User #${String(userId)}`;
  };
}
