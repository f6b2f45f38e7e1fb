import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesBelow, firstDifferentLine, sortKeysDeep, staleness } from './contract-files';

describe('sortKeysDeep', () => {
  it('orders keys at every depth and keeps arrays in their order, so the same document prints the same', () => {
    const document = { paths: { '/titles': { get: {} }, '/catalog': { get: { tags: ['catalog', 'browse'] } } }, info: { version: '1', title: 'API' }, openapi: '3.0.0' };
    const sorted = sortKeysDeep(document);
    expect(JSON.stringify(sorted)).toBe('{"info":{"title":"API","version":"1"},"openapi":"3.0.0","paths":{"/catalog":{"get":{"tags":["catalog","browse"]}},"/titles":{"get":{}}}}');
    expect(JSON.stringify(sortKeysDeep({ b: [{ z: 1, a: null }], a: 'x' }))).toBe('{"a":"x","b":[{"a":null,"z":1}]}');
  });
});

describe('how a committed file differs from a fresh one', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'contract-files-'));
    mkdirSync(join(root, 'generated', 'services'), { recursive: true });
    writeFileSync(join(root, 'openapi.json'), '{\n  "a": 1,\n  "b": 2\n}\n');
    writeFileSync(join(root, 'generated', 'index.ts'), 'export {};\n');
    writeFileSync(join(root, 'generated', 'services', 'catalog.service.ts'), 'export class CatalogService {}\n');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds nothing to say when the files are the same', () => {
    expect(staleness(root, join(root, 'openapi.json'), '{\n  "a": 1,\n  "b": 2\n}\n')).toBeNull();
  });

  it('names the stale file and the first line that differs', () => {
    expect(staleness(root, join(root, 'openapi.json'), '{\n  "a": 1,\n  "b": 3\n}\n')).toBe('openapi.json is stale (first difference at line 3)');
    expect(firstDifferentLine('one\ntwo', 'one\ntwo\nthree')).toBe(3);
  });

  it('says a committed file is missing', () => {
    expect(staleness(root, join(root, 'generated', 'models', 'title.ts'), 'export {};\n')).toBe(join('generated', 'models', 'title.ts') + ' is missing');
  });

  it('lists every file of a generated folder with forward slashes, sorted, and nothing for a folder that is not there', () => {
    expect(filesBelow(join(root, 'generated'))).toEqual(['index.ts', 'services/catalog.service.ts']);
    expect(filesBelow(join(root, 'absent'))).toEqual([]);
  });
});
