// The one error type of the media tools that is the user's to fix: the CLI prints its message as one
// line on stderr and exits 1 (anything else is reported as "unexpected error").

/** An expected failure: the CLI prints its message as one line and exits 1. */
export class MediaError extends Error {}
