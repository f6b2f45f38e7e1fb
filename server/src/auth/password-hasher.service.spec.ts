import { loadConfig } from '../config/load-config';
import { PasswordHasher } from './password-hasher.service';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(loadConfig({ BCRYPT_ROUNDS: '4' }));

  it('hashes with bcrypt at the configured cost and verifies', async () => {
    const hash = await hasher.hash('long enough password');
    expect(hash).toMatch(/^\$2b\$04\$/);
    expect(await hasher.verify('long enough password', hash)).toBe(true);
    expect(await hasher.verify('long enough passworD', hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hasher.hash('same password')).not.toEqual(await hasher.hash('same password'));
  });

  it('fails the decoy check for any password, after doing bcrypt work', async () => {
    expect(await hasher.verifyNothing('not a real password, only a timing decoy')).toBe(false);
    expect(await hasher.verifyNothing('anything')).toBe(false);
  });
});
