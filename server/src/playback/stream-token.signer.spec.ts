import { loadConfig } from '../config/load-config';
import { StreamTokenSigner } from './stream-token.signer';

describe('StreamTokenSigner', () => {
  const signer = new StreamTokenSigner(loadConfig({ JWT_SECRET: 'stream-unit-secret' }));
  const grant = { userId: 'user_abc-DEF_123', sessionId: 'Q2hvc2VuLXNlc3Npb24taWQ', streamId: 'tt1042', expiresAt: 1_900_000_000 };

  it('round-trips a grant bound to user, login, title and expiry', () => {
    const token = signer.sign(grant);
    expect(token.startsWith('tt1042.')).toBe(true);
    expect(token).not.toMatch(/[/?#]/);
    expect(signer.verify(token)).toEqual(grant);
  });

  it('rejects any change to user, login, title, expiry or signature', () => {
    const [titleId, user, session, expiry, signature] = signer.sign(grant).split('.');
    const variants = [
      [titleId.replace('42', '43'), user, session, expiry, signature],
      [titleId, Buffer.from('user_other').toString('base64url'), session, expiry, signature],
      [titleId, user, 'another-session', expiry, signature],
      [titleId, user, session, String(Number(expiry) + 1), signature],
      [titleId, user, session, expiry, signature.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x'))],
      [titleId, user, session, expiry, ''],
      [titleId, user, session, expiry],
      // Without the login, as links were made before they named one.
      [titleId, user, expiry, signature],
    ];
    for (const parts of variants) expect(signer.verify(parts.join('.'))).toBeUndefined();
  });

  it('rejects a token signed with another secret', () => {
    const other = new StreamTokenSigner(loadConfig({ JWT_SECRET: 'another secret' }));
    expect(signer.verify(other.sign(grant))).toBeUndefined();
  });
});
