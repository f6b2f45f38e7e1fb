import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { Audience } from '../../catalog/audience';

/** Who is calling: set by the JWT guard on every guarded request. */
export interface AuthenticatedUser {
  userId: string;
  /** The login (refresh-token family) this access token belongs to. */
  sessionId: string;
  /** The profile the request speaks for: everything a viewer owns belongs to it. */
  profileId: string;
  /** Whether the access token names that profile (it was chosen, with its PIN if locked), rather than falling back to the first. */
  profileChosen: boolean;
  kids: boolean;
  /** What this profile may see. */
  audience: Audience;
}

/** What the per-viewer services need of a request: whose data, and what they may see. */
export type ProfileViewer = Pick<AuthenticatedUser, 'profileId' | 'audience'>;

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
  return request.user as AuthenticatedUser;
});
