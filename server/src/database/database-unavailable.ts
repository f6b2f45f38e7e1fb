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

/** True when a query failed because the database is unreachable, not because of what it asked: worth a 503 and a retry. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((cause) => {
    if (!(cause instanceof Error)) return false;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isTransientSqlState(code)))) return true;
    if (cause instanceof AggregateError && cause.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    return POOL_MESSAGES.some((pattern) => pattern.test(cause.message));
  });
}

/** The innermost error's code and message, one line, for logs and start-up failures. */
export function describeDatabaseError(error: unknown): string {
  const chain = causes(error);
  const innermost = chain[chain.length - 1];
  if (innermost instanceof AggregateError && innermost.errors.length > 0) return describeDatabaseError(innermost.errors[0]);
  if (!(innermost instanceof Error)) return String(innermost);
  const code = (innermost as { code?: unknown }).code;
  const message = innermost.message.split('\n')[0];
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}
