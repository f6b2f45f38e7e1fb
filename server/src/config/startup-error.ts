/** A reason the server cannot start that an operator can act on (a database out of reach); its message is the one line they see. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
