import { MAX_RENEWALS_WITHOUT_SUCCESS, StreamLinkRenewal } from './stream-link-renewal';

const API = 'http://localhost:5000';
const TTL_MS = 20_000;

/** A link as `POST /play/start` grants it, living 20 s from now. */
const signed = (token: string) => ({ hlsUrl: `${API}/stream/${token}/master.m3u8`, expiresAt: new Date(Date.now() + TTL_MS).toISOString() });

describe('StreamLinkRenewal', () => {
  let grants: number;
  let requestLink: jest.Mock;
  let giveUp: jest.Mock;
  let renewal: StreamLinkRenewal;

  beforeEach(() => {
    jest.useFakeTimers();
    grants = 0;
    requestLink = jest.fn(async () => signed(`T${++grants}`));
    giveUp = jest.fn();
    renewal = new StreamLinkRenewal(requestLink, giveUp);
    renewal.begin(signed('T0'));
  });

  afterEach(() => {
    renewal.stop();
    jest.useRealTimers();
  });

  it('renews once three quarters of the link’s life have passed, and again for the new link', async () => {
    await jest.advanceTimersByTimeAsync(TTL_MS * 0.75 - 100);
    expect(requestLink).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(100);
    expect(requestLink).toHaveBeenCalledTimes(1);
    expect(renewal.link?.token).toBe('T1');
    await jest.advanceTimersByTimeAsync(TTL_MS * 0.75);
    expect(renewal.link?.token).toBe('T2');
  });

  it('makes one renewal for every request refused with the same link, and for the schedule meanwhile', async () => {
    let answer: (link: ReturnType<typeof signed>) => void = () => undefined;
    requestLink.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const retries = [renewal.refused('T0'), renewal.refused('T0'), renewal.refused('T0')];
    await jest.advanceTimersByTimeAsync(TTL_MS * 0.75);
    answer(signed('T1'));
    expect(await Promise.all(retries)).toEqual([true, true, true]);
    expect(requestLink).toHaveBeenCalledTimes(1);
    expect(renewal.link?.token).toBe('T1');
  });

  it('starts no renewal for a refusal of a link already replaced', async () => {
    await renewal.refused('T0');
    expect(await renewal.refused('T0')).toBe(true);
    expect(requestLink).toHaveBeenCalledTimes(1);
  });

  it('lets requests wait for a renewal under way, so they leave with the new link', async () => {
    let answer: (link: ReturnType<typeof signed>) => void = () => undefined;
    requestLink.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    void renewal.refused('T0');
    const tokenSeen = renewal.settled().then(() => renewal.link?.token);
    answer(signed('T1'));
    expect(await tokenSeen).toBe('T1');
  });

  it(`gives up after ${MAX_RENEWALS_WITHOUT_SUCCESS} renewals in a row whose links are refused too`, async () => {
    for (let attempt = 0; attempt < MAX_RENEWALS_WITHOUT_SUCCESS; attempt++) {
      expect(await renewal.refused(`T${attempt}`)).toBe(true);
    }
    expect(giveUp).not.toHaveBeenCalled();
    expect(await renewal.refused(`T${MAX_RENEWALS_WITHOUT_SUCCESS}`)).toBe(false);
    expect(await renewal.refused(`T${MAX_RENEWALS_WITHOUT_SUCCESS}`)).toBe(false);
    expect(requestLink).toHaveBeenCalledTimes(MAX_RENEWALS_WITHOUT_SUCCESS);
    expect(giveUp).toHaveBeenCalledTimes(1);
    expect(renewal.givenUp).toBe(true);
    await jest.advanceTimersByTimeAsync(10 * TTL_MS);
    expect(requestLink).toHaveBeenCalledTimes(MAX_RENEWALS_WITHOUT_SUCCESS);
  });

  it('counts requests refused together as one renewal towards the cap', async () => {
    const together = Array.from({ length: MAX_RENEWALS_WITHOUT_SUCCESS + 1 }, () => renewal.refused('T0'));
    expect(await Promise.all(together)).toEqual(together.map(() => true));
    expect(await renewal.refused('T1')).toBe(true);
    expect(giveUp).not.toHaveBeenCalled();
    expect(requestLink).toHaveBeenCalledTimes(2);
  });

  it('counts renewals the API refuses towards the same cap', async () => {
    requestLink.mockRejectedValue(new Error('offline'));
    for (let attempt = 0; attempt < MAX_RENEWALS_WITHOUT_SUCCESS; attempt++) {
      expect(await renewal.refused('T0')).toBe(false);
    }
    expect(await renewal.refused('T0')).toBe(false);
    expect(requestLink).toHaveBeenCalledTimes(MAX_RENEWALS_WITHOUT_SUCCESS);
    expect(giveUp).toHaveBeenCalledTimes(1);
  });

  it('starts counting again once a renewed link has worked', async () => {
    for (let round = 0; round < 2 * MAX_RENEWALS_WITHOUT_SUCCESS; round++) {
      expect(await renewal.refused(`T${round}`)).toBe(true);
      renewal.accepted(`T${round + 1}`);
    }
    expect(giveUp).not.toHaveBeenCalled();
    expect(requestLink).toHaveBeenCalledTimes(2 * MAX_RENEWALS_WITHOUT_SUCCESS);
  });

  it('tries a failed scheduled renewal again after 5 s, then 10 s, without giving up', async () => {
    requestLink.mockRejectedValueOnce(new Error('offline')).mockRejectedValueOnce(new Error('offline'));
    await jest.advanceTimersByTimeAsync(TTL_MS * 0.75);
    expect(requestLink).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(requestLink).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(9_900);
    expect(requestLink).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(100);
    expect(requestLink).toHaveBeenCalledTimes(3);
    expect(renewal.link?.token).toBe('T1');
    expect(giveUp).not.toHaveBeenCalled();
  });

  it('renews nothing once stopped', async () => {
    renewal.stop();
    expect(await renewal.refused('T0')).toBe(false);
    await jest.advanceTimersByTimeAsync(10 * TTL_MS);
    expect(requestLink).not.toHaveBeenCalled();
  });
});
