/**
 * Where the API lives. The web server writes it into `<meta name="api-url">`; without one (dev
 * server) it is the page's host on port 5000, the API's default.
 */
export function resolveApiUrl(document: Document): string {
  const fromMeta = document.querySelector<HTMLMetaElement>('meta[name="api-url"]')?.content?.trim();
  if (fromMeta) return fromMeta.replace(/\/+$/, '');
  const { protocol, hostname } = document.location;
  return `${protocol}//${hostname}:5000`;
}
