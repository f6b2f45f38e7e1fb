import { DynamicModule, Global, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DatabaseClient } from './database-client';
import { openDatabase } from './open-database';

/** Closes the connection after everything else has stopped using it. */
@Injectable()
class DatabaseShutdown implements OnApplicationShutdown {
  constructor(private readonly database: DatabaseClient) {}

  onApplicationShutdown(): Promise<void> {
    return this.database.close();
  }
}

/** The PostgreSQL connection, opened and migrated before any repository needs it. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DatabaseClient,
          useFactory: async () => {
            const started = Date.now();
            const database = await openDatabase(config);
            new Logger('Database').log(`PostgreSQL (${database.kind === 'pglite' ? 'embedded' : 'server'}) at ${database.location}, ready in ${Date.now() - started} ms`);
            return database;
          },
        },
        DatabaseShutdown,
      ],
      exports: [DatabaseClient],
    };
  }
}
