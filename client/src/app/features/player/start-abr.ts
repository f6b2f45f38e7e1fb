/**
 * Shaka's ABR at start: assume almost no bandwidth, and ignore the browser's Network Information
 * guess, so the first segments come from the lowest rendition: the smallest download, and the one
 * PlaybackPrefetch fetched the playlist of. Shaka moves up as soon as its first downloads give it
 * a good estimate (a few hundred kB), without waiting for its switch interval.
 */
export const START_ABR = { useNetworkInformation: false, defaultBandwidthEstimate: 1 };
