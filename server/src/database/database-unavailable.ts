/** Socket-level failures: the server is down, restarting or out of reach. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** SQLSTATEs that mean "not now" rather than "wrong": connection exceptions (08…), shutdown, start-up, too many connections. */
function isTransientSqlState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

/** pg's own words for a connection it lost or could not get in time. */
const POOL_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /not queryable/i, /Client was closed/i, /Cannot use a pool after calling end/i];

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 5) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

/** Errors are read by shape, not `instanceof`: socket errors may come from another realm than this module's `Error`. */
function asErrorLike(value: unknown): ErrorLike | undefined {
  return typeof value === 'object' && value !== null ? (value as ErrorLike) : undefined;
}

/** True when a query failed because the database is unreachable, not because of what it asked: worth a 503 and a retry. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((candidate) => {
    const cause = asErrorLike(candidate);
    if (!cause) return false;
    const code = cause.code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isTransientSqlState(code)))) return true;
    // A connection to "localhost" tries each address it resolves to, and fails with all of them.
    if (Array.isArray(cause.errors) && cause.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    return typeof cause.message === 'string' && POOL_MESSAGES.some((pattern) => pattern.test(cause.message as string));
  });
}

/** The innermost error's code and message, one line, for logs and start-up failures. */
export function describeDatabaseError(error: unknown): string {
  const chain = causes(error);
  const innermost = asErrorLike(chain[chain.length - 1]);
  if (!innermost || typeof innermost.message !== 'string') return String(chain[chain.length - 1]);
  if (Array.isArray(innermost.errors) && innermost.errors.length > 0 && innermost.message === '') return describeDatabaseError(innermost.errors[0]);
  const code = innermost.code;
  const message = innermost.message.split('\n')[0];
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}
