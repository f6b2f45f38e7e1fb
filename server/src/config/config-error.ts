/** A configuration value that cannot be used; its message is the one line an operator sees. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
