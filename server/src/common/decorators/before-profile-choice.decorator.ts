import { SetMetadata } from '@nestjs/common';

export const BEFORE_PROFILE_CHOICE_KEY = 'beforeProfileChoice';

/**
 * Routes a login may use before it has chosen a profile, even when the account's first profile is
 * locked: seeing the profiles, choosing one, and locking or unlocking one with the account password.
 */
export const BeforeProfileChoice = () => SetMetadata(BEFORE_PROFILE_CHOICE_KEY, true);
