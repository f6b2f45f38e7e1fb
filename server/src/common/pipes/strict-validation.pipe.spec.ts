import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max } from 'class-validator';
import { StrictValidationPipe } from './strict-validation.pipe';

class NameDto {
  @IsString()
  name: string;
}

describe('StrictValidationPipe', () => {
  const pipe = new StrictValidationPipe();
  const asBody = { type: 'body', metatype: NameDto, data: '' } as const;
  const asQuery = { type: 'query', metatype: NameDto, data: '' } as const;

  it('refuses unknown properties', async () => {
    await expect(pipe.transform({ name: 'Ada', role: 'admin' }, asBody)).rejects.toThrow('property role should not exist');
  });

  it.each(['__proto__', 'constructor'])('refuses a %s key like any other unknown property, though class-transformer drops it', async (key) => {
    const body = JSON.parse(`{"name":"Ada","${key}":{"polluted":true}}`) as object;
    await expect(pipe.transform(body, asBody)).rejects.toThrow(new BadRequestException(`property ${key} should not exist`));
    await expect(pipe.transform({ name: 'Ada', [key]: '1' }, asQuery)).rejects.toThrow(`property ${key} should not exist`);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses text with an unpaired surrogate with a 400 naming the field, instead of letting validators throw', async () => {
    const body = JSON.parse('{"name":"Ada \\ud800"}') as object;
    await expect(pipe.transform(body, asBody)).rejects.toThrow(new BadRequestException('name must be valid Unicode text (it has an unpaired surrogate)'));
    await expect(pipe.transform({ name: '\udc00x' }, asQuery)).rejects.toThrow(BadRequestException);
  });

  it('refuses text with a NUL character, which no PostgreSQL text column nor bcrypt can take, naming the field', async () => {
    await expect(pipe.transform(JSON.parse('{"name":"Ada\\u0000"}') as object, asBody)).rejects.toThrow(
      new BadRequestException('name must not contain the NUL character (U+0000)'),
    );
    await expect(pipe.transform({ name: 'a\u0000b' }, asQuery)).rejects.toThrow(BadRequestException);
  });

  it('accepts well-formed text outside the basic plane', async () => {
    await expect(pipe.transform({ name: 'Ada 🎬' }, asBody)).resolves.toEqual(Object.assign(new NameDto(), { name: 'Ada 🎬' }));
  });

  it('passes a valid body through as the DTO', async () => {
    await expect(pipe.transform({ name: 'Ada' }, asBody)).resolves.toEqual(Object.assign(new NameDto(), { name: 'Ada' }));
  });

  describe('remembered queries', () => {
    class PageQueryDto {
      @IsOptional()
      @Max(100)
      @IsInt()
      @Type(() => Number)
      limit?: number;
    }
    const asPageQuery = { type: 'query', metatype: PageQueryDto, data: '' } as const;

    it('answers a repeated query with an equal DTO of its class, a fresh copy each time', async () => {
      const first = (await pipe.transform({ limit: '20' }, asPageQuery)) as PageQueryDto;
      const second = (await pipe.transform({ limit: '20' }, asPageQuery)) as PageQueryDto;
      expect(second).toBeInstanceOf(PageQueryDto);
      expect(second).toEqual(Object.assign(new PageQueryDto(), { limit: 20 }));
      expect(second).not.toBe(first);
      second.limit = 99;
      expect(await pipe.transform({ limit: '20' }, asPageQuery)).toEqual(Object.assign(new PageQueryDto(), { limit: 20 }));
      expect(await pipe.transform({}, asPageQuery)).toEqual(new PageQueryDto());
    });

    it('refuses bad input with the same error every time, before and after good queries were remembered', async () => {
      const errorFor = (value: object) => pipe.transform(value, asPageQuery).then(() => undefined, (error: BadRequestException) => error.message);
      const before = [await errorFor({ limit: '101' }), await errorFor({ limit: 'abc' }), await errorFor({ limit: '20', extra: '1' })];
      await pipe.transform({ limit: '20' }, asPageQuery);
      await pipe.transform({}, asPageQuery);
      const after = [await errorFor({ limit: '101' }), await errorFor({ limit: 'abc' }), await errorFor({ limit: '20', extra: '1' })];
      expect(before).toEqual(['limit must not be greater than 100', 'limit must be an integer number', 'property extra should not exist']);
      expect(after).toEqual(before);
    });
  });
});
