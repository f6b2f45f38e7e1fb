import { Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../config/app-config';
import { DatabaseClient } from '../database/database-client';
import { describeDatabaseError } from '../database/database-unavailable';

/** Up when the database answers a trivial query; the in-memory store has none and is always up. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly config: AppConfig,
    @Optional() private readonly database?: DatabaseClient,
  ) {}

  async check(key: string): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    if (!this.database) return indicator.up({ store: this.config.store });
    try {
      await this.database.ping();
      return indicator.up({ store: this.database.kind });
    } catch (error) {
      return indicator.down({ store: this.database.kind, message: describeDatabaseError(error) });
    }
  }
}
