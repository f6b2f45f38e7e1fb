/**
 * The media playlists of the video renditions an HLS master playlist lists, lowest bandwidth first,
 * as absolute URLs (resolved against the master's). Shaka starts on whichever its bandwidth guess
 * picks, so each is worth fetching ahead: a few hundred bytes apiece.
 */
export function variantPlaylists(master: string, masterUrl: string): string[] {
  const lines = master.split(/\r?\n/).map((line) => line.trim());
  const variants: { bandwidth: number; uri: string }[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!lines[index].startsWith('#EXT-X-STREAM-INF:')) continue;
    const bandwidth = Number(/[:,]BANDWIDTH=(\d+)/.exec(lines[index])?.[1]);
    const uri = lines.slice(index + 1).find((line) => line !== '' && !line.startsWith('#'));
    if (uri && Number.isFinite(bandwidth)) variants.push({ bandwidth, uri: new URL(uri, masterUrl).href });
  }
  return [...new Set(variants.sort((a, b) => a.bandwidth - b.bandwidth).map((variant) => variant.uri))];
}
