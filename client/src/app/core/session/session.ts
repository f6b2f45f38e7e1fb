import type { AuthResponseDto } from '@streaming/api';

/** What the app keeps about the signed-in viewer, as sign-up and sign-in return it; survives reloads in localStorage. */
export type Session = Pick<AuthResponseDto, 'user' | 'jwt' | 'refreshToken'>;

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
