import type { AuthResponseDto, ProfileDto } from '@streaming/api';

/**
 * What the app keeps about the signed-in viewer, as sign-up and sign-in return it, and the profile
 * chosen for this login (null until one is: its token then speaks for no profile); survives reloads
 * in localStorage.
 */
export type Session = Pick<AuthResponseDto, 'user' | 'jwt' | 'refreshToken'> & { profile: ProfileDto | null };

function isProfile(value: unknown): value is ProfileDto {
  const profile = value as ProfileDto | null;
  return typeof profile === 'object' && profile !== null && typeof profile.id === 'string' && typeof profile.name === 'string' && typeof profile.kids === 'boolean';
}

/** A stored session; one kept before profiles existed has none chosen yet. */
export function readSession(value: unknown): Session | null {
  const session = value as Partial<Session> | null;
  const valid =
    typeof session === 'object' &&
    session !== null &&
    typeof session.jwt === 'string' &&
    typeof session.refreshToken === 'string' &&
    typeof session.user?.id === 'string' &&
    typeof session.user?.email === 'string' &&
    typeof session.user?.name === 'string';
  if (!valid) return null;
  return { user: session.user, jwt: session.jwt, refreshToken: session.refreshToken, profile: isProfile(session.profile) ? session.profile : null } as Session;
}
