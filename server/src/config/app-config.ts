
/** Typed, validated configuration. Built once at start-up by `loadConfig`; nothing else reads the environment. */
export class AppConfig {
  readonly nodeEnv: string;
  readonly port: number;
  readonly webPort: number;
  readonly corsOrigins: readonly string[];
  readonly jwtSecret: string;
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
  /** Request logging; off in tests unless asked for. */
  readonly logRequests: boolean;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}
