import { ArgumentMetadata, BadRequestException, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { LruCache } from '../cache/lru-cache';
import { declaresAcceptedAsIs } from './accepted-as-is';

function describeErrors(errors: ValidationError[], parentPath = ''): string[] {
  return errors.flatMap((error) => {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) =>
      // class-validator names the property itself; for nested fields say the full path.
      parentPath ? `${path}: ${text}` : text,
    );
    return [...own, ...describeErrors(error.children ?? [], path)];
  });
}

/** Keys class-transformer skips when it builds the DTO, so the whitelist never sees them; refused here instead. */
const KEYS_THE_TRANSFORMER_DROPS = ['__proto__', 'constructor'];

/** A UTF-16 surrogate without its partner: text no UTF-8 encoder (nor validator's byte counts) can handle. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * U+0000: PostgreSQL text cannot hold it, and bcrypt would end a password there, so no field may
 * carry it.
 */
const NUL = String.fromCharCode(0);

interface TextProblem {
  path: string;
  reason: string;
}

function textProblem(text: string): string | undefined {
  if (UNPAIRED_SURROGATE.test(text)) return 'must be valid Unicode text (it has an unpaired surrogate)';
  if (text.includes(NUL)) return 'must not contain the NUL character (U+0000)';
  return undefined;
}

/** The first string (or key) in a parsed body or query that no store or hasher could take as it is, if any. */
function unusableText(value: unknown, path = ''): TextProblem | undefined {
  if (typeof value === 'string') {
    const reason = textProblem(value);
    return reason === undefined ? undefined : { path: path || 'body', reason };
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    const keyReason = textProblem(key);
    if (keyReason !== undefined) return { path: itemPath, reason: keyReason };
    const found = unusableText(item, itemPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Query strings whose validated DTO is remembered, per DTO class. */
const REMEMBERED_QUERIES = 1_000;

/** A query string's own text, the key of its validated DTO: flat fields of strings only (anything else is validated every time). */
function queryKey(value: object): string | undefined {
  let key = '';
  for (const [name, item] of Object.entries(value)) {
    if (typeof item !== 'string') return undefined;
    key += `${JSON.stringify(name)}:${JSON.stringify(item)},`;
  }
  return key;
}

/**
 * The global pipe: strips nothing silently (unknown properties are a 400), converts types, and
 * refuses a body that is not a JSON object before class-validator sees it.
 */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  /**
   * Small query DTOs validated once per distinct query string: most requests send the same few
   * (often none), and class-transformer plus class-validator cost more than the rest of the request.
   * Only accepted queries are remembered, so bad input meets the full check and the same error.
   */
  private readonly validQueries = new WeakMap<object, LruCache<string, object>>();

  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new BadRequestException(describeErrors(errors).join('; ')),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && this.toValidate(metadata)) {
      // No body at all reads as an empty object, so the message names the missing fields.
      value ??= {};
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new BadRequestException('Request body must be a JSON object');
      }
    }
    if ((metadata.type === 'body' || metadata.type === 'query') && this.toValidate(metadata) && typeof value === 'object' && value !== null) {
      const smuggled = Object.keys(value).find((key) => KEYS_THE_TRANSFORMER_DROPS.includes(key));
      if (smuggled !== undefined) throw new BadRequestException(`property ${smuggled} should not exist`);
      const problem = unusableText(value);
      if (problem !== undefined) throw new BadRequestException(`${problem.path} ${problem.reason}`);
      const { metatype } = metadata;
      if (metadata.type === 'body' && declaresAcceptedAsIs(metatype) && Object.getPrototypeOf(value) === Object.prototype && metatype.acceptsAsIs(value as Record<string, unknown>)) {
        // What class-transformer would build from it: an instance of the DTO with the same fields.
        return Object.assign(new metatype(), value);
      }
    }
    const remembered = metadata.type === 'query' && metadata.metatype && typeof value === 'object' && value !== null ? this.rememberedQuery(metadata.metatype, value) : undefined;
    if (remembered) return remembered;
    const result: unknown = await super.transform(value, metadata);
    if (metadata.type === 'query' && metadata.metatype && typeof value === 'object' && value !== null && typeof result === 'object' && result !== null) this.rememberQuery(metadata.metatype, value, result);
    return result;
  }

  /** A fresh copy of the DTO made for this same query before: a handler may change its own without touching the next request's. */
  private rememberedQuery(metatype: object, value: object): object | undefined {
    const key = queryKey(value);
    const validated = key === undefined ? undefined : this.validQueries.get(metatype)?.get(key);
    return validated && Object.assign(Object.create(Object.getPrototypeOf(validated) as object) as object, validated);
  }

  private rememberQuery(metatype: object, value: object, validated: object): void {
    const key = queryKey(value);
    if (key === undefined) return;
    let cache = this.validQueries.get(metatype);
    if (!cache) this.validQueries.set(metatype, (cache = new LruCache<string, object>(REMEMBERED_QUERIES)));
    cache.set(key, Object.assign(Object.create(Object.getPrototypeOf(validated) as object) as object, validated));
  }
}
