import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { StrictValidationPipe } from '../../common/pipes/strict-validation.pipe';
import { HeartbeatDto } from './heartbeat.dto';

const ABSENT = Symbol('absent');

/** Every combination of these field values, each field present or not. */
function bodies(): Record<string, unknown>[] {
  const titleIds = [ABSENT, 'tt1000', 'tt123456789', 'tt1234567890', 'tt', 'TT1000', ' tt1000', 'tt1000\n', 1000, null, ['tt1000']];
  const episodeIds = [ABSENT, 'tt1003-s1e4', 'tt1003-s10e100', 'tt1003-s100e1', 'tt1003-s1e4x', 'tt1003', '', null, 4];
  const positions = [ABSENT, 0, -0, 12.5, 1e9, -1, -0.001, Number.NaN, Number.POSITIVE_INFINITY, '12', null, true];
  const durations = [ABSENT, 36, 0.5, 0, -3, Number.NaN, Number.NEGATIVE_INFINITY, '36', null];
  const extras = [ABSENT, 'x'];
  const result: Record<string, unknown>[] = [];
  for (const titleId of titleIds)
    for (const episodeId of episodeIds)
      for (const position of positions)
        for (const duration of durations)
          for (const extra of extras) {
            const body: Record<string, unknown> = {};
            for (const [name, value] of Object.entries({ titleId, episodeId, position, duration, preparedUrl: extra })) if (value !== ABSENT) body[name] = value;
            result.push(body);
          }
  return result;
}

async function validatorAccepts(body: object): Promise<boolean> {
  const errors = await validate(plainToInstance(HeartbeatDto, body), { whitelist: true, forbidNonWhitelisted: true });
  return errors.length === 0;
}

describe('HeartbeatDto.acceptsAsIs', () => {
  const all = bodies();

  it('accepts only bodies class-validator accepts, and every one of those without a null', async () => {
    let recognised = 0;
    for (const body of all) {
      const valid = await validatorAccepts(body);
      const plain = HeartbeatDto.acceptsAsIs(body);
      if (plain && !valid) throw new Error(`acceptsAsIs said yes to ${JSON.stringify(body)}, which the validator refuses`);
      // The validator also takes a null for an optional field: rare enough to leave to it.
      if (valid && !plain && !Object.values(body).includes(null)) throw new Error(`acceptsAsIs missed ${JSON.stringify(body)}`);
      if (plain) recognised += 1;
    }
    expect(recognised).toBeGreaterThan(50);
  });

  it('recognises what players send', () => {
    expect(HeartbeatDto.acceptsAsIs({ titleId: 'tt1000', position: 12 })).toBe(true);
    expect(HeartbeatDto.acceptsAsIs({ titleId: 'tt1003', episodeId: 'tt1003-s1e4', position: 0, duration: 36 })).toBe(true);
  });
});

describe('StrictValidationPipe with HeartbeatDto', () => {
  const pipe = new StrictValidationPipe();
  const asBody = { type: 'body', metatype: HeartbeatDto, data: '' } as const;

  it('answers a body it recognises with the same DTO class-transformer would build', async () => {
    const body = { titleId: 'tt1003', episodeId: 'tt1003-s1e4', position: 12.5, duration: 36 };
    const dto = await pipe.transform(body, asBody);
    expect(dto).toBeInstanceOf(HeartbeatDto);
    expect(dto).toEqual(plainToInstance(HeartbeatDto, body));
    expect(dto).not.toBe(body);
  });

  it('leaves every refusal to the validator, with its message', async () => {
    await expect(pipe.transform({ titleId: 'tt1000', position: -1 }, asBody)).rejects.toThrow(new BadRequestException('position must not be less than 0'));
    await expect(pipe.transform({ titleId: 'tt1000', position: 1, extra: 1 }, asBody)).rejects.toThrow(new BadRequestException('property extra should not exist'));
    await expect(pipe.transform({ titleId: 'film', position: 1 }, asBody)).rejects.toThrow(new BadRequestException('titleId must be a title id like tt1000'));
  });

  it('still accepts through the validator what the plain checks leave to it', async () => {
    await expect(pipe.transform({ titleId: 'tt1000', position: 1, duration: null }, asBody)).resolves.toEqual(plainToInstance(HeartbeatDto, { titleId: 'tt1000', position: 1, duration: null }));
  });
});
