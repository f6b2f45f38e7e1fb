
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
  /** How long a just-rotated refresh token still returns its (unused) successor instead of ending the login. */
  readonly refreshGraceSeconds: number;
  readonly streamTokenTtlSeconds: number;
  readonly bcryptRounds: number;
  /** The longest a password check may expect to queue for the CPU; past it the API answers 503 with Retry-After. */
  readonly hashQueueMaxWaitMs: number;
  readonly catalogSize: number;
  /** Sign-in attempts one client address may make per window. */
  readonly loginMaxAttemptsPerAddress: number;
  readonly loginAddressWindowSeconds: number;
  /** Accounts one client address may create per window. */
  readonly signupMaxPerAddress: number;
  readonly signupAddressWindowSeconds: number;
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
  /** Redis (`redis://…`) for what instances share fast: sign-in counters and the end of logins; undefined: in-process. */
  readonly redisUrl?: string;
  /** Put before every Redis key and channel, so deployments (or test runs) sharing one Redis keep apart. */
  readonly redisPrefix: string;
  /** Proxies whose X-Forwarded-For is believed (Express `trust proxy`); undefined: none, the socket's address counts. */
  readonly trustProxy?: string[];
  /** How many API instances share the database and Redis; more than one needs both, and shared secrets. */
  readonly instances: number;
  /** This instance's name in logs. */
  readonly instanceId: string;
  /**
   * When set (e.g. `/_media/`), stream files are not sent by the API: after checking the token it
   * answers `X-Accel-Redirect: <prefix><path under MEDIA_DIR>` and the proxy in front (nginx) sends them.
   */
  readonly mediaAccelRedirect?: string;
  /** Request logging; off in tests unless asked for. */
  readonly logRequests: boolean;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}
