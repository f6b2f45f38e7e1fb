import type { TestApp } from './test-app';

export interface ThumbnailCue {
  start: number;
  end: number;
  sheet: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function seconds(timestamp: string): number {
  const [hours, minutes, rest] = timestamp.split(':');
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(rest);
}

/** The cues of a trickplay WebVTT index: times, and the sheet and rectangle each points at. */
export function parseThumbnailIndex(text: string): ThumbnailCue[] {
  expect(text.startsWith('WEBVTT')).toBe(true);
  const cues: ThumbnailCue[] = [];
  for (const block of text.split(/\r?\n\r?\n/).slice(1)) {
    const lines = block.trim().split(/\r?\n/).filter(Boolean);
    if (lines.length === 0) continue;
    const times = /^(\d{2}:\d{2}:\d{2}\.\d{3}) --> (\d{2}:\d{2}:\d{2}\.\d{3})$/.exec(lines[0]);
    const target = /^([\w.-]+\.jpg)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(lines[1] ?? '');
    if (!times || !target) throw new Error(`not a thumbnail cue: ${block}`);
    cues.push({
      start: seconds(times[1]),
      end: seconds(times[2]),
      sheet: target[1],
      x: Number(target[2]),
      y: Number(target[3]),
      width: Number(target[4]),
      height: Number(target[5]),
    });
  }
  return cues;
}

/** Width and height from a baseline or progressive JPEG's start-of-frame segment. */
export function jpegSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.readUInt16BE(0)).toBe(0xffd8);
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) throw new Error(`JPEG marker expected at ${offset}`);
    const marker = bytes[offset + 1];
    const length = bytes.readUInt16BE(offset + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  throw new Error('no JPEG frame header found');
}

/**
 * Fetches a title's trickplay index and sheets through its signed URL, the way the player does, and
 * checks they agree: every cue inside its sheet, cues back to back from 0 to the programme's end.
 */
export async function expectThumbnailsAgree(t: TestApp, thumbnailsUrl: string, durationSeconds: number): Promise<ThumbnailCue[]> {
  const indexUrl = new URL(thumbnailsUrl);
  const index = await t.http.get(indexUrl.pathname).buffer(true).expect(200);
  expect(index.headers['content-type']).toMatch(/^text\/vtt/);
  const cues = parseThumbnailIndex(index.text);
  expect(cues.length).toBeGreaterThan(0);

  const sizes = new Map<string, { width: number; height: number }>();
  for (const sheet of new Set(cues.map((cue) => cue.sheet))) {
    const image = await t.http
      .get(new URL(sheet, indexUrl).pathname)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    sizes.set(sheet, jpegSize(image.body as Buffer));
  }

  expect(cues[0].start).toBe(0);
  cues.forEach((cue, i) => {
    const size = sizes.get(cue.sheet);
    if (!size) throw new Error(`no sheet ${cue.sheet}`);
    expect(cue.width).toBeGreaterThan(0);
    expect(cue.height).toBeGreaterThan(0);
    expect(cue.x + cue.width).toBeLessThanOrEqual(size.width);
    expect(cue.y + cue.height).toBeLessThanOrEqual(size.height);
    expect(cue.end).toBeGreaterThan(cue.start);
    if (i > 0) expect(cue.start).toBeCloseTo(cues[i - 1].end, 3);
  });
  expect(cues[cues.length - 1].end).toBeCloseTo(durationSeconds, 0);
  return cues;
}
