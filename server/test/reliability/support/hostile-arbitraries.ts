import fc from 'fast-check';
import { EPISODE_ID_PATTERN } from '../../../src/series/episode';
import { Schema } from './openapi-operations';

/** Stand-ins replaced at send time by the signed-in viewer's real secrets, so "valid" inputs can really succeed. */
export const VIEWER_REFRESH_TOKEN = 'sentinel:viewer-refresh-token';
export const VIEWER_PASSWORD = 'sentinel:viewer-password';
export const VIEWER_EMAIL = 'sentinel-viewer@example.com';
export const VIEWER_PROFILE = 'sentinel-viewer-profile';
export const VIEWER_OTHER_PROFILE = 'sentinel-other-profile';

/** Films (tt1000, tt1042) and series (tt1003: seasons of 5 and 4 episodes; tt1099: one of 6). */
const KNOWN_TITLES = ['tt1000', 'tt1003', 'tt1042', 'tt1099'];
/** Episodes of the series above, and one of a film that has none. */
const KNOWN_EPISODES = ['tt1003-s1e1', 'tt1003-s2e4', 'tt1099-s1e6', 'tt1000-s1e1'];
/** Query parameters whose valid values are few: drawn from those, so their routes can succeed. */
const KNOWN_QUERY_VALUES: Record<string, string[]> = { season: ['1', '2'] };
const BODY_LIMIT_BYTES = 100 * 1024;

/** A JSON value written verbatim, for keys such as `__proto__` that a JS object literal would swallow. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type BodyEntries = [string, unknown][];

function serialise(value: unknown): string {
  return value instanceof RawJson ? value.text : JSON.stringify(value);
}

/** An object body kept as ordered entries, so duplicate and prototype keys survive serialisation. */
export function objectText(entries: BodyEntries): string {
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${serialise(item)}`).join(',')}}`;
}

/** Percent-encodes every UTF-8 byte outside the unreserved set, the way a careful client would. */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** Path segments as sent on the wire: traversal, NUL, overlong UTF-8, broken escapes, prototype names. */
const HOSTILE_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '..%5c..%5cwindows%5cwin.ini',
  '%252e%252e%252f',
  '%00',
  'tt1000%00',
  'tt1000%00.svg',
  '%c0%ae%c0%ae%c0%af',
  '%e0%80%ae%e0%80%ae',
  '%ff%fe',
  '%zz',
  '%',
  'tt1000%',
  '%2f',
  'tt1000%2f..',
  'tt1000;x=1',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '%F0%9F%8E%AC',
  '%ED%A0%80',
  'TT1000',
  'tt',
  'tt0',
  'tt-1',
  'tt1e3',
  'tt9999999999',
  'tt1000.',
  '1000',
];

export function pathSegment(allowed?: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    // A parameter that takes only listed values (an enum) gets them too, so its route can succeed.
    ...(allowed?.length ? [{ weight: 3, arbitrary: fc.constantFrom(...allowed) }] : []),
    { weight: 3, arbitrary: fc.constantFrom(...KNOWN_TITLES) },
    { weight: 2, arbitrary: fc.constantFrom(VIEWER_PROFILE, VIEWER_OTHER_PROFILE) },
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(percentEncode) },
    // Long ids, kept under Node's 16 kB header limit so the app, not the HTTP parser, answers.
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 8000 }).map((length) => `tt${'9'.repeat(length)}`) },
  );
}

function numericText(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minimum ?? 0;
  const max = schema.maximum ?? 1000;
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min, max }).map(String) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(String(min - 1), String(max + 1), '0', '-1', '-0', '1.5', '1e3', '1e309', 'NaN', 'Infinity', '', ' 5', '0x10', '9007199254740993', 'null', 'true'),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
}

function textValue(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('sci-fi', 'drama', 'cafe', 'a', 'DRAMA', 'eyJhZnRlciI6InR0MTAwMCJ9', '*', '.*', '(a+)+$', '%', '\\', "' OR 1=1 --") },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.integer({ min: 90, max: 3000 }).map((length) => 'q'.repeat(length)) },
  );
}

/** A value the parameter's schema allows: one of its enum, a number in range (and step), or a plain word. */
function validQueryValue(name: string, schema: Schema): fc.Arbitrary<string> {
  const known = KNOWN_QUERY_VALUES[name];
  if (known) return fc.constantFrom(...known);
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
  if (schema.type === 'integer' || schema.type === 'number') {
    const step = schema.multipleOf ?? 1;
    return fc.integer({ min: Math.ceil((schema.minimum ?? 0) / step), max: Math.floor((schema.maximum ?? 1000) / step) }).map((n) => String(n * step));
  }
  return fc.constantFrom('drama', 'cafe', 'a', 'the night');
}

/**
 * One query string for the declared parameters, with arrays, duplicates, brackets and unknown names
 * mixed in; now and then one of only allowed values, so a route with many parameters still gets
 * requests it can answer (a cursor is never made up: only the server makes valid ones).
 */
export function queryString(parameters: { name: string; schema: Schema }[]): fc.Arbitrary<string> {
  if (parameters.length === 0) {
    return fc.oneof(fc.constant(''), fc.constantFrom('x=1', 'limit=5&limit=6', '__proto__[polluted]=1', 'a[b][c]=d'));
  }
  const valid = fc
    .tuple(...parameters.filter((parameter) => parameter.name !== 'cursor').map((parameter) => fc.option(validQueryValue(parameter.name, parameter.schema).map((value) => `${parameter.name}=${percentEncode(value)}`), { nil: undefined, freq: 2 })))
    .map((parts) => parts.filter((part) => part !== undefined).join('&'));
  return fc.oneof({ weight: 3, arbitrary: hostileQueryString(parameters) }, { weight: 1, arbitrary: valid });
}

function hostileQueryString(parameters: { name: string; schema: Schema }[]): fc.Arbitrary<string> {
  const one = (parameter: { name: string; schema: Schema }) => {
    const value = parameter.schema.type === 'integer' || parameter.schema.type === 'number' ? numericText(parameter.schema) : textValue();
    return fc.option(
      fc.tuple(fc.constantFrom('plain', 'plain', 'plain', 'duplicate', 'brackets', 'nested'), value, value).map(([shape, first, second]) => {
        const name = parameter.name;
        const a = percentEncode(first);
        const b = percentEncode(second);
        if (shape === 'duplicate') return `${name}=${a}&${name}=${b}`;
        if (shape === 'brackets') return `${name}[]=${a}&${name}[]=${b}`;
        if (shape === 'nested') return `${name}[__proto__][polluted]=${a}&${name}[x]=${b}`;
        return `${name}=${a}`;
      }),
      { nil: undefined, freq: 3 },
    );
  };
  const extras = fc.option(fc.constantFrom('unknown=1', '__proto__[polluted]=1', 'constructor[prototype][polluted]=1', 'limit', '&&&', '=x'), {
    nil: undefined,
    freq: 4,
  });
  return fc.tuple(fc.tuple(...parameters.map(one)), extras).map(([values, extra]) => [...values, extra].filter((part) => part !== undefined).join('&'));
}

function validValue(name: string, schema: Schema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (name === 'refreshToken') return fc.oneof(fc.constant(VIEWER_REFRESH_TOKEN), fc.base64String({ minLength: 4, maxLength: 64 }));
  if (name === 'currentPassword' || name === 'password') return fc.oneof(fc.constant(VIEWER_PASSWORD), fc.string({ minLength: 8, maxLength: 20 }));
  if (schema.pattern === '^[0-9]{4}$') return fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
  if (schema.pattern === '^tt\\d{1,9}$') return fc.oneof(fc.constantFrom(...KNOWN_TITLES), fc.integer({ min: 0, max: 999_999_999 }).map((n) => `tt${n}`));
  if (schema.pattern === EPISODE_ID_PATTERN.source) return fc.oneof(fc.constantFrom(...KNOWN_EPISODES), fc.tuple(fc.constantFrom(...KNOWN_TITLES), fc.nat(12), fc.nat(12)).map(([title, season, number]) => `${title}-s${season}e${number}`));
  if (schema.format === 'email') {
    return fc.oneof(
      fc.integer({ min: 1, max: 1_000_000 }).map((n) => `fuzz${n}@example.com`),
      fc.constant(VIEWER_EMAIL),
      fc.emailAddress({ size: 'small' }),
      fc.integer({ min: 1, max: 9 }).map((n) => `  Fuzz${n}@Example.COM  `),
    );
  }
  if (schema.type === 'string') {
    const minLength = schema.minLength ?? 0;
    const maxLength = Math.min(schema.maxLength ?? 64, 120);
    return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: 'grapheme', minLength, maxLength: Math.max(minLength, Math.floor(maxLength / 4)) }));
  }
  if (schema.type === 'integer') return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 });
  if (schema.type === 'number') {
    // Heartbeat positions: mostly within the sample streams' length, sometimes just past it.
    return fc.double({ min: schema.minimum ?? 0.001, max: 60, noNaN: true, noDefaultInfinity: true });
  }
  if (schema.type === 'boolean') return fc.boolean();
  return fc.constant('x');
}

/** Values of the wrong type, at the edges, enormous, or shaped to poke at prototypes. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, '', ' ', '0', 'null', 'undefined', [], {}, ['tt1000'], [[]]),
    fc.constantFrom(
      new RawJson('{"__proto__":{"polluted":true}}'),
      new RawJson('{"constructor":{"prototype":{"polluted":true}}}'),
      new RawJson('1e999'),
      new RawJson('-1e999'),
      new RawJson('"\\ud800"'),
      new RawJson('"\\u0000"'),
    ),
    fc.string({ unit: 'binary', maxLength: 50 }),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.integer({ min: 1000, max: 60_000 }).map((length) => 'x'.repeat(length)),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
    fc.double(),
  );
}

export interface GeneratedBody {
  text?: string;
  contentType?: string;
}

/** A request body for a schema: valid ones, and every way of getting it wrong the issue lists. */
export function requestBody(schema: Schema): fc.Arbitrary<GeneratedBody> {
  const properties = Object.entries(schema.properties ?? {});
  const valid: fc.Arbitrary<BodyEntries> = fc.tuple(...properties.map(([name, property]) => validValue(name, property))).map(
    (values) => values.map((value, index) => [properties[index][0], value] as [string, unknown]),
  );
  const names = properties.map(([name]) => name);
  const someName = names.length > 0 ? fc.constantFrom(...names) : fc.constant('field');
  const json = (entries: fc.Arbitrary<BodyEntries>) => entries.map(objectText);

  const variants: fc.Arbitrary<string>[] = [
    json(valid),
    json(valid),
    json(fc.tuple(valid, someName).map(([entries, name]) => entries.filter(([key]) => key !== name))),
    json(fc.tuple(valid, someName, hostileValue()).map(([entries, name, value]) => entries.map(([key, old]) => [key, key === name ? value : old] as [string, unknown]))),
    json(fc.tuple(valid, someName, hostileValue()).map(([entries, name, value]) => entries.map(([key, old]) => [key, key === name ? value : old] as [string, unknown]))),
    json(
      fc.tuple(valid, fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'id', 'userId', 'role', ''), hostileValue()).map(([entries, key, value]) => [
        ...entries,
        [key, key === '__proto__' ? new RawJson('{"polluted":true}') : value] as [string, unknown],
      ]),
    ),
    // The same key twice: JSON.parse keeps the last, so the validated value is the one that is used.
    json(fc.tuple(valid, someName, hostileValue()).map(([entries, name, value]) => [[name, value] as [string, unknown], ...entries])),
    json(valid).map((text) => `[${text}]`),
    fc.constantFrom('null', '0', '"text"', 'true', '[]', '{}', '', '{', '{"a":', '{"a":1,}', "{'a':1}", '\u0000', '{"a":"\\x"}', 'NaN'),
    fc.string({ unit: 'binary', maxLength: 100 }),
    // Either side of the 100 kB limit.
    fc.tuple(valid, someName, fc.integer({ min: BODY_LIMIT_BYTES - 2000, max: BODY_LIMIT_BYTES + 2000 })).map(([entries, name, length]) =>
      objectText(entries.map(([key, old]) => [key, key === name ? 'y'.repeat(length) : old] as [string, unknown])),
    ),
  ];
  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', '') },
  );
  return fc.tuple(fc.oneof(...variants), contentType).map(([text, type]) => ({ text, contentType: type || undefined }));
}

/** Authorization headers: the viewer's real one most of the time, else missing or forged. */
export function authorization(validHeader: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant(validHeader) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        undefined,
        'Bearer',
        'Bearer ',
        'Bearer garbage',
        'Basic dXNlcjpwYXNz',
        `Bearer ${'a'.repeat(4000)}`,
        'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyXzEiLCJzaWQiOiJ4In0.',
        `${validHeader}x`,
        validHeader.toLowerCase(),
      ),
    },
  );
}
