import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const BEFORE_PROFILE_CHOICE_KEY = 'beforeProfileChoice';

/** Marks the operation in the OpenAPI document; `buildOpenApiDocument` documents the locked-profile 403 on every other one. */
export const BEFORE_PROFILE_CHOICE_EXTENSION = 'x-before-profile-choice';

/**
 * Routes a login may use before it has chosen a profile, even when the account's first profile is
 * locked: seeing the profiles, choosing one, and locking or unlocking one with the account password.
 */
export const BeforeProfileChoice = () => applyDecorators(SetMetadata(BEFORE_PROFILE_CHOICE_KEY, true), ApiExtension(BEFORE_PROFILE_CHOICE_EXTENSION, true));
