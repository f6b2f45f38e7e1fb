import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { resolve } from 'node:path';
import { TokensService } from '../auth/tokens.service';
import { loadConfig } from '../config/load-config';
import { MediaLibrary } from '../media/media-library.service';
import { FakeClock } from '../../test/support/fake-clock';
import { StreamAccessService } from './stream-access.service';
import { StreamTokenSigner } from './stream-token.signer';

describe('StreamAccessService', () => {
  // The committed sample programmes, wherever Jest runs from.
  const config = loadConfig({ JWT_SECRET: 'stream-access-unit', MEDIA_DIR: resolve(__dirname, '../../media') });
  const signer = new StreamTokenSigner(config);
  const media = new MediaLibrary(config);
  media.onModuleInit();
  let clock: FakeClock;
  let endedLogins: Set<string>;
  let access: StreamAccessService;

  beforeEach(() => {
    clock = new FakeClock();
    endedLogins = new Set();
    // The login check reads the session store; here a set of ended logins stands in for it.
    const tokens = { isSessionActive: async ({ sid }: { sid: string }) => !endedLogins.has(sid) } as unknown as TokensService;
    access = new StreamAccessService(signer, media, clock, tokens);
  });

  function tokenFor(secondsLeft: number, sessionId = 'login_1'): string {
    return signer.sign({ streamId: 'tt1000', userId: 'user_1', sessionId, expiresAt: Math.floor(clock.now() / 1000) + secondsLeft });
  }

  it('allows a media file of the token’s title, cached no longer than the token lives (at most an hour)', async () => {
    const soon = await access.authorize(tokenFor(120), ['master.m3u8']);
    expect(soon.file.absolutePath).toBe(`${media.forTitle('tt1000').directory}/master.m3u8`);
    expect(soon.cacheControl).toBe('private, max-age=120');
    expect((await access.authorize(tokenFor(6 * 3600), ['master.m3u8'])).cacheControl).toBe('private, max-age=3600');
  });

  it('never lets a cache keep the key', async () => {
    const key = await access.authorize(tokenFor(600), ['key.bin']);
    expect(key.file.isKey).toBe(true);
    expect(key.cacheControl).toBe('no-store');
  });

  it('refuses a forged token, then an expired one, each saying which', async () => {
    const genuine = tokenFor(60);
    await expect(access.authorize(`${genuine.slice(0, -2)}xx`, ['master.m3u8'])).rejects.toThrow(new ForbiddenException('Stream link is not valid'));
    clock.advance(60);
    await expect(access.authorize(genuine, ['master.m3u8'])).rejects.toThrow(new ForbiddenException('Stream link has expired; start playback again'));
  });

  it('refuses a link whose login has ended', async () => {
    const token = tokenFor(600, 'login_ended');
    endedLogins.add('login_ended');
    await expect(access.authorize(token, ['master.m3u8'])).rejects.toThrow(
      new ForbiddenException('Stream link has ended with the sign-in that started it; sign in and start playback again'),
    );
  });

  it('refuses paths out of the title’s folder (403) and files that are not media (404)', async () => {
    await expect(access.authorize(tokenFor(600), ['..', 'prog-02', 'master.m3u8'])).rejects.toThrow(new ForbiddenException('Path leaves the title’s folder'));
    await expect(access.authorize(tokenFor(600), ['manifest.json'])).rejects.toThrow(new NotFoundException('No such stream file'));
  });
});
