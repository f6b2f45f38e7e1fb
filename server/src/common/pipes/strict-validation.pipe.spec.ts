import { BadRequestException } from '@nestjs/common';
import { IsString } from 'class-validator';
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
});
