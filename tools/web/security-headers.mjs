// The web app's security headers, with the Content-Security-Policy it works under: one definition
// for both servers of the production build (serve-web.mjs, and nginx in the cluster).

/** The headers for pages of the web app whose API lives at `apiUrl` (an origin). */
export function webSecurityHeaders(apiUrl) {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // Angular and Shaka's UI set styles at run time.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${apiUrl}`,
    // Shaka plays through MediaSource blob: URLs, fetches playlists, segments and keys from the API,
    // and shows captions through a <track> whose source is a data: URL.
    `media-src 'self' blob: data: ${apiUrl}`,
    `connect-src 'self' ${apiUrl}`,
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** index.html with the API's origin for the app to read (`<meta name="api-url">`) and connections to it opened early. */
export function withApiUrl(indexHtml, apiUrl) {
  return indexHtml.replace(
    /<meta charset="utf-8"\s*\/?>/i,
    (charset) =>
      // Open connections to the API while the app boots: its first calls and the posters go there.
      `${charset}\n    <meta name="api-url" content="${apiUrl}">` + `\n    <link rel="preconnect" href="${apiUrl}" crossorigin>\n    <link rel="preconnect" href="${apiUrl}">`,
  );
}

/** Angular's output names carry an 8-character content hash: such files never change. */
export const HASHED_FILE = /-[A-Z0-9]{8}\.(js|css)$/;
