import { redactPath } from './redact-path';

describe('redactPath', () => {
  const token = 'tt1000.dXNlcl94.1767247200.c2lnbmF0dXJl';

  it('keeps the shape of a stream path but not its token', () => {
    expect(redactPath(`/stream/${token}/720p/segment1.ts`)).toBe('/stream/[redacted]/720p/segment1.ts');
  });

  it('redacts the token whatever case the client used, as the router serves it in any case', () => {
    expect(redactPath(`/STREAM/${token}/master.m3u8`)).toBe('/STREAM/[redacted]/master.m3u8');
  });

  it('redacts the token of an absolute-form request target', () => {
    expect(redactPath(`http://127.0.0.1:5000/stream/${token}/master.m3u8`)).toBe('/stream/[redacted]/master.m3u8');
  });

  it('never logs the query string, where clients sometimes put tokens', () => {
    expect(redactPath('/me?access_token=eyJhbGciOi')).toBe('/me');
  });
});
