import { formatTime } from './format-time';

describe('formatTime', () => {
  it.each([
    [0, '0:00'],
    [9.8, '0:09'],
    [754, '12:34'],
    [3754, '1:02:34'],
    [-5, '0:00'],
  ])('%p s reads %p', (seconds, text) => {
    expect(formatTime(seconds)).toBe(text);
  });
});
