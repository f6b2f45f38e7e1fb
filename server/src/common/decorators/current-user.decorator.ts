import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling: set by the JWT guard on every guarded request. */
export interface AuthenticatedUser {
  userId: string;
  /** The login (refresh-token family) this access token belongs to. */
  sessionId: string;
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
  return request.user as AuthenticatedUser;
});
