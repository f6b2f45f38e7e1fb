/**
 * The media playlist of the lowest-bandwidth video rendition an HLS master playlist lists, as an
 * absolute URL (resolved against the master's), or null when it lists none. The player starts on
 * that rendition (see START_ABR), so it is the one worth fetching ahead.
 */
export function lowestRendition(master: string, masterUrl: string): string | null {
  const lines = master.split(/\r?\n/).map((line) => line.trim());
  let lowest: { bandwidth: number; uri: string } | null = null;
  for (let index = 0; index < lines.length; index++) {
    if (!lines[index].startsWith('#EXT-X-STREAM-INF:')) continue;
    const bandwidth = Number(/[:,]BANDWIDTH=(\d+)/.exec(lines[index])?.[1]);
    const uri = lines.slice(index + 1).find((line) => line !== '' && !line.startsWith('#'));
    if (!uri || !Number.isFinite(bandwidth)) continue;
    if (!lowest || bandwidth < lowest.bandwidth) lowest = { bandwidth, uri };
  }
  return lowest ? new URL(lowest.uri, masterUrl).href : null;
}
