import { ApiProperty } from '@nestjs/swagger';

export class HealthDto {
  @ApiProperty({ enum: ['ok'], enumName: 'HealthStatus' })
  status: 'ok';

  @ApiProperty({
    description: 'What was checked and its state, e.g. `{ "database": { "status": "up", "store": "pglite" } }`',
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: true },
    example: { database: { status: 'up', store: 'pglite' } },
  })
  info: Record<string, Record<string, unknown>>;
}
