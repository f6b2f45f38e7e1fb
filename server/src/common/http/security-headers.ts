import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * The headers a header-setting middleware (Helmet) puts on every response, collected once by running
 * it against a recording response, for answers written outside Express (Node's client errors).
 */
export function headersSetBy(middleware: RequestHandler): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name];
    },
    getHeader(name: string) {
      return headers[name];
    },
  };
  let called = false;
  middleware({ headers: {}, method: 'GET', url: '/' } as never, recorder as never, () => (called = true));
  if (!called) throw new Error('The middleware did not finish synchronously; its headers cannot be collected');
  return headers;
}

/** A middleware putting these headers on every response, as the middleware they were collected from would have. */
export function settingHeaders(headers: Record<string, string>): RequestHandler {
  const entries = Object.entries(headers);
  return (_request: Request, response: Response, next: NextFunction) => {
    for (const [name, value] of entries) response.setHeader(name, value);
    next();
  };
}
