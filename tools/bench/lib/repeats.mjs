// Repeated rows reduced to one: the median run, and whether the load client, not the server, set the pace.

/** A load client using at least this much of one core is the likely limit of its row. */
export const CLIENT_BOUND_PERCENT = 90;

/**
 * The run with the median requests/s (the lower middle one for an even count), so the row's
 * latency and CPU figures come from the same run as its rate.
 * @template {{ requestsPerSecond: number }} T
 * @param {T[]} runs
 * @returns {T}
 */
export function medianRun(runs) {
  if (runs.length === 0) throw new Error('no runs to take the median of');
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[(sorted.length - 1) >> 1];
}

/**
 * True when the load client used ≥ 90 % of a core during the run: its rate then measures
 * autocannon as much as the server.
 * @param {{ requestsPerSecond?: number, cpuPercent?: { client?: number } }} run
 */
export function clientBound(run) {
  const client = run.cpuPercent?.client;
  return client !== undefined && client >= CLIENT_BOUND_PERCENT;
}
