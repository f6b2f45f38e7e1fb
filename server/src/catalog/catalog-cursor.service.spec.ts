import { BadRequestException } from '@nestjs/common';
import { loadConfig } from '../config/load-config';
import { CatalogCursor } from './catalog-cursor.service';

describe('CatalogCursor', () => {
  const cursors = () => new CatalogCursor(loadConfig({ JWT_SECRET: 'cursor-unit-secret-cursor-unit' }));

  it('round-trips a position for its query, and makes the same cursor each time', () => {
    const cursor = cursors();
    const made = cursor.encode(41, 'drama|night');
    expect(cursor.encode(41, 'drama|night')).toBe(made);
    expect(cursor.decode(made, 'drama|night')).toBe(41);
    expect(cursor.decode(made, 'drama|night')).toBe(41);
    expect(cursor.encode(42, 'drama|night')).not.toBe(made);
  });

  it('refuses a cursor for another query, also once it has been accepted for its own', () => {
    const cursor = cursors();
    const made = cursor.encode(7, 'comedy|');
    expect(cursor.decode(made, 'comedy|')).toBe(7);
    expect(() => cursor.decode(made, 'drama|')).toThrow(/different query/);
  });

  it('refuses an altered or garbled cursor with a 400, also after the genuine one was accepted', () => {
    const cursor = cursors();
    const made = cursor.encode(3, '|');
    cursor.decode(made, '|');
    const [body, signature] = made.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ after: 90, query: '|' })).toString('base64url');
    for (const bad of [`${forgedBody}.${signature}`, `${body}.${signature.slice(1)}`, `${body}.${signature}.x`, 'nonsense', '']) {
      expect(() => cursor.decode(bad, '|')).toThrow(BadRequestException);
    }
  });

  it('does not accept cursors signed with another secret', () => {
    const other = new CatalogCursor(loadConfig({ JWT_SECRET: 'another-secret-another-secret-xx' }));
    expect(() => cursors().decode(other.encode(3, '|'), '|')).toThrow(/cursor is invalid/);
  });
});
