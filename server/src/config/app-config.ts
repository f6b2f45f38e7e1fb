
/** Typed, validated configuration. Built once at start-up by `loadConfig`; nothing else reads the environment. */
export class AppConfig {
  readonly nodeEnv: string;
  readonly port: number;
  readonly webPort: number;
  readonly corsOrigins: readonly string[];
  readonly jwtSecret: string;
  /** Signs stream URLs. */
  readonly streamSecret: string;
  /** Signs catalog paging cursors. */
  readonly cursorSecret: string;
  readonly jwtTtlSeconds: number;
  readonly refreshTtlSeconds: number;
  readonly streamTokenTtlSeconds: number;
  readonly bcryptRounds: number;
  readonly catalogSize: number;
  /** Sign-in attempts one client address may make per window. */
  readonly loginMaxAttemptsPerAddress: number;
  readonly loginAddressWindowSeconds: number;
  /** Failed sign-ins one account may take per window before it is paused. */
  readonly loginMaxFailuresPerAccount: number;
  readonly loginAccountWindowSeconds: number;
  /** Where the HLS media lives (programmes/ and titles/). */
  readonly mediaDir: string;
  /** Public origin of this API, used to build absolute URLs (stream URLs, images). */
  readonly publicUrl: string;
  /** Which repositories serve the ports: PostgreSQL (embedded or a server) or in-process memory. */
  readonly store: 'postgres' | 'memory';
  /** A PostgreSQL server (`postgres://…`); undefined means the embedded PGlite in `dataDir`. */
  readonly databaseUrl?: string;
  /** Connections the API keeps to a PostgreSQL server. */
  readonly databasePoolSize: number;
  /** How long start-up keeps trying to reach a PostgreSQL server before it gives up. */
  readonly databaseStartTimeoutSeconds: number;
  /** The embedded database and generated secrets. */
  readonly dataDir: string;
  /** Request logging; off in tests unless asked for. */
  readonly logRequests: boolean;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}
