import { SetMetadata } from '@nestjs/common';

export const NOT_FOR_KIDS_KEY = 'notForKidsProfiles';

/** Routes that manage profiles or the account: a request speaking for a kids profile gets 403. */
export const NotForKidsProfiles = () => SetMetadata(NOT_FOR_KIDS_KEY, true);
