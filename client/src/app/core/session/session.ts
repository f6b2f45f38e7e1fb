/** What the app keeps about the signed-in viewer; survives reloads in localStorage. */
export interface Session {
  user: { id: string; email: string; name: string };
  jwt: string;
  refreshToken: string;
}

export function isSession(value: unknown): value is Session {
  const session = value as Session | null;
  return (
    typeof session === 'object' &&
    session !== null &&
    typeof session.jwt === 'string' &&
    typeof session.refreshToken === 'string' &&
    typeof session.user?.id === 'string' &&
    typeof session.user?.email === 'string' &&
    typeof session.user?.name === 'string'
  );
}
