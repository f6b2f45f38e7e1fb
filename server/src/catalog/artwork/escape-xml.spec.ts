import { escapeXml } from './escape-xml';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`Tom & "Jerry" <3 'n' >`)).toBe('Tom &amp; &quot;Jerry&quot; &lt;3 &apos;n&apos; &gt;');
  });

  it('escapes an ampersand that already looks like an entity', () => {
    expect(escapeXml('&amp; &#60;')).toBe('&amp;amp; &amp;#60;');
  });

  it('leaves accented letters, emoji and ordinary punctuation alone', () => {
    expect(escapeXml('Café Bjørn Ñandú Zoë — 🎬 (1994)!')).toBe('Café Bjørn Ñandú Zoë — 🎬 (1994)!');
  });

  it('drops characters XML cannot carry at all', () => {
    expect(escapeXml('a\u0000b\u0007c\u001fd\uffffe')).toBe('abcde');
    expect(escapeXml('x\ud800y')).toBe('xy');
    expect(escapeXml('tab\tline\nreturn\r')).toBe('tab\tline\nreturn\r');
  });
});
