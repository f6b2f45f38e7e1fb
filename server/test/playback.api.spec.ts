import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestApp, signUpViewer, TestApp, Viewer } from './support/test-app';

const run = promisify(execFile);

function streamPath(hlsUrl: string): { token: string; path: string } {
  const match = new URL(hlsUrl).pathname.match(/^\/stream\/([^/]+)\/(.+)$/);
  if (!match) throw new Error(`not a stream URL: ${hlsUrl}`);
  return { token: match[1], path: match[2] };
}

describe('Playback API', () => {
  let t: TestApp;
  let viewer: Viewer;

  beforeEach(async () => {
    t = await createTestApp();
    viewer = await signUpViewer(t);
  });

  afterEach(() => t.close());

  async function start(titleId = 'tt1000', who = viewer) {
    return (await t.http.post('/play/start').set(who.auth).send({ titleId }).expect(200)).body as {
      hlsUrl: string;
      expiresAt: string;
      resumePosition: number;
      duration: number;
    };
  }

  describe('POST /play/start', () => {
    it('gives an absolute, path-signed master playlist URL, its expiry, the resume point and the real length', async () => {
      const session = await start();
      expect(session.hlsUrl).toMatch(/^http:\/\/localhost:5000\/stream\/tt1000\.[^/]+\/master\.m3u8$/);
      expect(Date.parse(session.expiresAt)).toBe(t.clock.now() + t.config.streamTokenTtlSeconds * 1000);
      expect(session.resumePosition).toBe(0);
      expect(session.duration).toBeGreaterThanOrEqual(30);
    });

    it('refuses unknown titles with 404 and malformed ones with 400', async () => {
      await t.http.post('/play/start').set(viewer.auth).send({ titleId: 'tt9999' }).expect(404);
      const response = await t.http.post('/play/start').set(viewer.auth).send({ titleId: '../etc' }).expect(400);
      expect(response.body.message).toMatch(/titleId must be a title id/);
      await t.http.post('/play/start').set(viewer.auth).send({}).expect(400);
      await t.http.post('/play/start').send({ titleId: 'tt1000' }).expect(401);
    });
  });

  describe('stream files', () => {
    it('serves the master playlist with relative URIs and the HLS content type, cacheable no longer than the token', async () => {
      const { token } = streamPath((await start()).hlsUrl);
      const master = await t.http.get(`/stream/${token}/master.m3u8`).expect(200);
      expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
      const maxAge = Number(/max-age=(\d+)/.exec(master.headers['cache-control'])?.[1]);
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge).toBeLessThanOrEqual(t.config.streamTokenTtlSeconds);
      const text = master.text ?? master.body.toString();
      expect(text).toMatch(/^#EXTM3U/);
      const uris = [...text.matchAll(/^(?!#)(\S+)$/gm), ...text.matchAll(/URI="([^"]+)"/g)].map((match) => match[1]);
      expect(uris.length).toBeGreaterThanOrEqual(5);
      for (const uri of uris) expect(uri).not.toMatch(/^(https?:)?\//);
      expect(master.headers['x-content-type-options']).toBe('nosniff');
    });

    it('serves every rendition, segment, subtitle and the key under the same token, with the right types', async () => {
      const { hlsUrl } = await start();
      // Resolve each URI the way a player does: relative to the playlist that names it.
      const get = (url: URL) => t.http.get(url.pathname).buffer(true).expect(200);
      const lines = (text: string) => text.split('\n').filter((line) => line && !line.startsWith('#'));
      const masterUrl = new URL(hlsUrl);
      const master: string = (await get(masterUrl)).text;
      const variants = lines(master).map((line) => new URL(line, masterUrl));
      expect(variants.length).toBeGreaterThanOrEqual(3);
      for (const variantUrl of variants) {
        const playlist: string = (await get(variantUrl)).text;
        const keyUrl = new URL(/URI="([^"]+)"/.exec(playlist)?.[1] as string, variantUrl);
        const key = await get(keyUrl);
        expect(key.headers['cache-control']).toBe('no-store');
        expect(key.body).toHaveLength(16);
        const media = await get(new URL(lines(playlist)[0], variantUrl));
        expect(media.headers['content-type']).toMatch(/^video\/(mp2t|mp4)/);
      }
      const subtitleUrls = [...master.matchAll(/TYPE=SUBTITLES[^\n]*URI="([^"]+)"/g)].map((match) => new URL(match[1], masterUrl));
      expect(subtitleUrls.length).toBeGreaterThanOrEqual(2);
      for (const subtitleUrl of subtitleUrls) {
        const subtitlePlaylist: string = (await get(subtitleUrl)).text;
        const cue = await get(new URL(lines(subtitlePlaylist)[0], subtitleUrl));
        expect(cue.headers['content-type']).toMatch(/^text\/vtt/);
        expect(cue.text).toMatch(/^WEBVTT/);
      }
    });

    it('answers byte ranges with 206', async () => {
      const { token } = streamPath((await start()).hlsUrl);
      const response = await t.http.get(`/stream/${token}/master.m3u8`).set('Range', 'bytes=0-6').expect(206);
      expect(response.headers['content-range']).toMatch(/^bytes 0-6\/\d+$/);
      expect(response.text).toBe('#EXTM3U');
    });

    it('refuses an expired link with 403', async () => {
      const { token } = streamPath((await start()).hlsUrl);
      t.clock.advance(t.config.streamTokenTtlSeconds + 1);
      const response = await t.http.get(`/stream/${token}/master.m3u8`).expect(403);
      expect(response.body).toEqual({ statusCode: 403, error: 'Forbidden', message: expect.stringMatching(/expired/) });
    });

    it('refuses a tampered token, and never opens another title with it', async () => {
      const { token } = streamPath((await start('tt1000')).hlsUrl);
      const [titleId, user, session, expiry, signature] = token.split('.');
      const tampered = [
        `tt1001.${user}.${session}.${expiry}.${signature}`,
        `${titleId}.${user}.${session}.${Number(expiry) + 3600}.${signature}`,
        `${titleId}.${Buffer.from('user_other').toString('base64url')}.${session}.${expiry}.${signature}`,
        `${titleId}.${user}.${session.slice(0, -1)}${session.endsWith('A') ? 'B' : 'A'}.${expiry}.${signature}`,
        `${titleId}.${user}.${session}.${expiry}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
        `${titleId}.${user}.${session}.${expiry}`,
        // The format before links named their login: refused, not read as a grant without one.
        `${titleId}.${user}.${expiry}.${signature}`,
        'garbage',
      ];
      for (const bad of tampered) {
        const response = await t.http.get(`/stream/${bad}/master.m3u8`).expect(403);
        expect(response.body.statusCode).toBe(403);
      }
    });

    describe('when the login that started playback ends', () => {
      async function streamOfNewLogin(): Promise<{ viewer: Viewer; token: string; other: { token: string; jwt: string } }> {
        const viewer = await signUpViewer(t);
        const { token } = streamPath((await t.http.post('/play/start').set(viewer.auth).send({ titleId: 'tt1000' }).expect(200)).body.hlsUrl);
        const phone = await t.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }).expect(200);
        const started = await t.http.post('/play/start').set('Authorization', `Bearer ${phone.body.jwt}`).send({ titleId: 'tt1000' }).expect(200);
        // Each link is fetched once first, so the login's state is remembered before it ends.
        await t.http.get(`/stream/${token}/master.m3u8`).expect(200);
        const other = { token: streamPath(started.body.hlsUrl).token, jwt: phone.body.jwt as string };
        await t.http.get(`/stream/${other.token}/master.m3u8`).expect(200);
        return { viewer, token, other };
      }

      function expectEnded(response: { body: unknown }): void {
        expect(response.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Stream link has ended with the sign-in that started it; sign in and start playback again' });
      }

      it('signing out everywhere ends every stream link of the account at once', async () => {
        const { viewer, token, other } = await streamOfNewLogin();
        await t.http.delete('/me/sessions').set(viewer.auth).expect(204);
        expectEnded(await t.http.get(`/stream/${token}/master.m3u8`).expect(403));
        expectEnded(await t.http.get(`/stream/${other.token}/master.m3u8`).expect(403));
      });

      it('changing the password ends the other logins\' stream links and keeps this one\'s', async () => {
        const { viewer, token, other } = await streamOfNewLogin();
        await t.http.post('/me/password').set(viewer.auth).send({ currentPassword: viewer.password, newPassword: 'a brand new secret' }).expect(204);
        await t.http.get(`/stream/${token}/master.m3u8`).expect(200);
        expectEnded(await t.http.get(`/stream/${other.token}/master.m3u8`).expect(403));
      });

      it('signing out on one device ends that device\'s stream links only', async () => {
        const { viewer, token, other } = await streamOfNewLogin();
        await t.http.post('/auth/logout').send({ refreshToken: viewer.refreshToken }).expect(204);
        expectEnded(await t.http.get(`/stream/${token}/master.m3u8`).expect(403));
        await t.http.get(`/stream/${other.token}/master.m3u8`).expect(200);
      });
    });

    it('refuses paths that leave the title folder, however they are encoded', async () => {
      const { token } = streamPath((await start()).hlsUrl);
      const attempts = [
        '..%2f..%2fmanifest.json',
        '%2e%2e/%2e%2e/%2e%2e/package.json',
        '360p/%2e%2e/%2e%2e/prog-02/master.m3u8',
        '..%5c..%5cmaster.m3u8',
        '360p%2f..%2f..%2fmaster.m3u8',
        '%2e%2e%2f%2e%2e%2fpackage.json',
        'master.m3u8%00.ts',
      ];
      for (const attempt of attempts) {
        const response = await t.http.get(`/stream/${token}/${attempt}`);
        expect([403, 404]).toContain(response.status);
        expect(response.body).toEqual({ statusCode: response.status, error: expect.any(String), message: expect.any(String) });
      }
      // Literal dot segments (a raw client that does not normalise them).
      const raw = await t.http.get(`/stream/${token}/360p/../../../../package.json`);
      expect([403, 404]).toContain(raw.status);
      expect(raw.text).not.toContain('"dependencies"');
    });

    it('does not serve files that are not media, such as the manifest', async () => {
      const { token } = streamPath((await start()).hlsUrl);
      await t.http.get(`/stream/${token}/manifest.json`).expect(404);
      await t.http.get(`/stream/${token}/nothing-here.ts`).expect(404);
    });
  });

  it('a real HLS client (ffprobe) reads the signed master URL and finds video and audio', async () => {
    const session = await start('tt1002');
    const url = session.hlsUrl.replace(t.config.publicUrl, t.origin);
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,width,height', '-of', 'json', url], { timeout: 60_000 });
    const streams: { codec_type: string; codec_name: string; height?: number }[] = JSON.parse(stdout).streams;
    expect(streams.filter((stream) => stream.codec_type === 'video').map((stream) => stream.codec_name)).toContain('h264');
    expect(streams.filter((stream) => stream.codec_type === 'audio').map((stream) => stream.codec_name)).toContain('aac');
    expect(new Set(streams.filter((stream) => stream.codec_type === 'video').map((stream) => stream.height)).size).toBeGreaterThanOrEqual(3);
  }, 90_000);

  describe('heartbeats, Continue Watching and history', () => {
    it('moves a title into Continue Watching with its progress, and resumes there', async () => {
      const { duration } = await start('tt1007');
      await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt1007', position: 10 }).expect(204);
      const row = (await t.http.get('/me/continue-watching').set(viewer.auth).expect(200)).body.items;
      expect(row).toEqual([
        { title: expect.objectContaining({ id: 'tt1007' }), episode: null, position: 10, duration, progress: 10 / duration, updatedAt: new Date(t.clock.now()).toISOString() },
      ]);
      expect((await start('tt1007')).resumePosition).toBe(10);
    });

    it('orders Continue Watching by most recent heartbeat', async () => {
      for (const titleId of ['tt1004', 'tt1005', 'tt1006']) {
        t.clock.advance(5);
        await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId, position: 3 }).expect(204);
      }
      t.clock.advance(5);
      await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt1004', position: 6 }).expect(204);
      const ids = (await t.http.get('/me/continue-watching').set(viewer.auth).expect(200)).body.items.map((item: { title: { id: string } }) => item.title.id);
      expect(ids).toEqual(['tt1004', 'tt1006', 'tt1005']);
    });

    it('marks a title completed at 95 %: it leaves Continue Watching, stays in history, and restarts from 0', async () => {
      const { duration } = await start('tt1007');
      await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt1007', position: 5 }).expect(204);
      await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt1007', position: duration * 0.95, duration: 999 }).expect(204);
      expect((await t.http.get('/me/continue-watching').set(viewer.auth).expect(200)).body.items).toEqual([]);
      const history = (await t.http.get('/me/history').set(viewer.auth).expect(200)).body.items;
      expect(history).toEqual([expect.objectContaining({ title: expect.objectContaining({ id: 'tt1007' }), completed: true, duration })]);
      expect((await start('tt1007')).resumePosition).toBe(0);
    });

    it('keeps the latest of concurrent heartbeats', async () => {
      await start('tt1008');
      await Promise.all([1, 2, 3, 4, 5].map((position) => t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt1008', position }).expect(204)));
      await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt1008', position: 7 }).expect(204);
      expect((await t.http.get('/me/continue-watching').set(viewer.auth).expect(200)).body.items[0].position).toBe(7);
    });

    it('keeps each viewer’s progress to themselves', async () => {
      const other = await signUpViewer(t);
      await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt1009', position: 12 }).expect(204);
      expect((await t.http.get('/me/continue-watching').set(other.auth).expect(200)).body.items).toEqual([]);
      expect((await start('tt1009', other)).resumePosition).toBe(0);
    });

    it.each([
      [{ titleId: 'tt1000', position: -1 }, /position must not be less than 0/],
      [{ titleId: 'tt1000', position: 'ten' }, /position must be a number/],
      [{ titleId: 'tt1000' }, /position/],
      [{ titleId: 'tt1000', position: 5, duration: 0 }, /duration must be a positive number/],
      [{ titleId: 'tt1000', position: 5, extra: 1 }, /property extra should not exist/],
      [{ titleId: 'tt1000', position: 100_000 }, /at most the stream's length/],
    ])('refuses heartbeat %j with 400 and records nothing', async (body, message) => {
      const response = await t.http.post('/play/heartbeat').set(viewer.auth).send(body).expect(400);
      expect(response.body.message).toMatch(message);
      expect((await t.http.get('/me/history').set(viewer.auth).expect(200)).body.items).toEqual([]);
    });

    it('refuses a heartbeat for an unknown title with 404', async () => {
      await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt9999', position: 1 }).expect(404);
    });

    it('accepts the seed’s heartbeat without duration, and a position up to a second past the end', async () => {
      const { duration } = await start('tt1010');
      await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt1010', position: duration + 0.9 }).expect(204);
      const [entry] = (await t.http.get('/me/history').set(viewer.auth).expect(200)).body.items;
      expect(entry).toMatchObject({ position: duration, completed: true });
    });

    it('DELETE /me/history/:titleId removes the title from history and Continue Watching', async () => {
      await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt1011', position: 4 }).expect(204);
      await t.http.delete('/me/history/tt1011').set(viewer.auth).expect(204);
      expect((await t.http.get('/me/history').set(viewer.auth).expect(200)).body.items).toEqual([]);
      expect((await t.http.get('/me/continue-watching').set(viewer.auth).expect(200)).body.items).toEqual([]);
      await t.http.delete('/me/history/tt9999').set(viewer.auth).expect(404);
    });
  });

  describe('My List', () => {
    it('round-trips: add (idempotent), list newest first, remove (idempotent)', async () => {
      await t.http.put('/me/list/tt1001').set(viewer.auth).expect(204);
      t.clock.advance(1);
      await t.http.put('/me/list/tt1002').set(viewer.auth).expect(204);
      await t.http.put('/me/list/tt1001').set(viewer.auth).expect(204);
      let items = (await t.http.get('/me/list').set(viewer.auth).expect(200)).body.items;
      expect(items.map((item: { id: string }) => item.id)).toEqual(['tt1002', 'tt1001']);
      expect(items[0]).toEqual({ id: 'tt1002', name: expect.any(String), posterUrl: expect.any(String), year: expect.any(Number), genres: expect.any(Array) });
      await t.http.delete('/me/list/tt1002').set(viewer.auth).expect(204);
      await t.http.delete('/me/list/tt1002').set(viewer.auth).expect(204);
      items = (await t.http.get('/me/list').set(viewer.auth).expect(200)).body.items;
      expect(items.map((item: { id: string }) => item.id)).toEqual(['tt1001']);
    });

    it('refuses unknown titles with 404', async () => {
      await t.http.put('/me/list/tt9999').set(viewer.auth).expect(404);
      await t.http.delete('/me/list/nope').set(viewer.auth).expect(404);
      expect((await t.http.get('/me/list').set(viewer.auth).expect(200)).body.items).toEqual([]);
    });
  });

  describe('ratings', () => {
    it('round-trips a rating, replaces it, and clears it', async () => {
      await t.http.put('/me/ratings/tt1001').set(viewer.auth).send({ rating: 'up' }).expect(204);
      await t.http.put('/me/ratings/tt1001').set(viewer.auth).send({ rating: 'love' }).expect(204);
      expect((await t.http.get('/me/ratings').set(viewer.auth).expect(200)).body.items).toEqual([
        { titleId: 'tt1001', rating: 'love', updatedAt: expect.any(String) },
      ]);
      await t.http.delete('/me/ratings/tt1001').set(viewer.auth).expect(204);
      await t.http.delete('/me/ratings/tt1001').set(viewer.auth).expect(204);
      expect((await t.http.get('/me/ratings').set(viewer.auth).expect(200)).body.items).toEqual([]);
    });

    it.each([[{ rating: 'meh' }], [{}], [{ rating: 1 }], [{ rating: 'up', stars: 5 }]])('refuses %j with 400', async (body) => {
      const response = await t.http.put('/me/ratings/tt1001').set(viewer.auth).send(body).expect(400);
      expect(response.body.message).toMatch(/rating|stars/);
    });

    it('refuses unknown titles with 404', async () => {
      await t.http.put('/me/ratings/tt9999').set(viewer.auth).send({ rating: 'up' }).expect(404);
    });
  });
});
