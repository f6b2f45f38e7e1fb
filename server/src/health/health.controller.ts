import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ServiceUnavailableException } from '../common/exceptions/service-unavailable.exception';
import { DatabaseHealthIndicator } from './database.health';
import { HealthDto } from './dto/health.dto';

/** How soon a balancer or client should ask again after "not ready". */
const RETRY_AFTER_SECONDS = 5;

/** Readiness (`/health`: can this instance serve? its database answers) and liveness (`/health/live`: is the process alive?). */
@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getHealth', summary: 'Readiness: 200 when this instance and its database can serve, else 503' })
  @ApiOkResponse({ type: HealthDto })
  @ApiErrors(503)
  async getHealth(): Promise<HealthDto> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([() => this.database.check('database')]);
    } catch {
      const state = await this.database.check('database');
      const detail = state['database'] as { message?: string } | undefined;
      throw new ServiceUnavailableException(`Not ready: the database is unavailable (${detail?.message ?? 'no answer'})`, RETRY_AFTER_SECONDS);
    }
    return { status: 'ok', info: (result.info ?? {}) as HealthDto['info'] };
  }

  @Get('live')
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: 200 while the process can answer at all' })
  @ApiOkResponse({ type: HealthDto })
  getLiveness(): HealthDto {
    return { status: 'ok', info: {} };
  }
}
