import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};

/** The signing key used when JWT_SECRET is not set: public (it is in the source), so only for development. */
export const BUILT_IN_JWT_SECRET = 'local-simulator-signing-key-change-me-0123456789';

/** NODE_ENV values in which the built-in secret and the demo clients are allowed by default. */
export const DEVELOPMENT_ENVS = ['development', 'test'];

/**
 * Every environment variable the simulator reads, validated once at boot.
 * A bad environment lists every wrong variable and the process exits.
 */
export class AppConfig {
  /** TCP port the HTTP server listens on. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  /** Interface to bind to. */
  @IsString()
  HOST: string = '0.0.0.0';

  /**
   * PostgreSQL connection string. When absent the app starts an embedded
   * PostgreSQL with its data in EMBEDDED_PG_DIR.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Data folder of the embedded PostgreSQL (only without DATABASE_URL). */
  @IsString()
  EMBEDDED_PG_DIR: string = '.data/pg';

  /**
   * Port of the embedded PostgreSQL (only without DATABASE_URL). Unset: 54329 when free, else any free port (logged).
   * Set: exactly this port; a clear error when it is busy.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  /** Size of the database connection pool. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE: number = 20;

  /**
   * Key that signs access tokens (HMAC-SHA256). The default suits a local
   * simulator only; set your own anywhere else.
   */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string = BUILT_IN_JWT_SECRET;

  /**
   * `development` (default; also `test`) allows the built-in JWT secret and creates the demo clients. Anything else
   * (the container image sets `production`) refuses the built-in secret and creates demo clients only when asked.
   */
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]*$/, { message: 'NODE_ENV must be a lowercase word such as development or production' })
  NODE_ENV: string = 'development';

  /** Create the demo clients, whose secrets are public (README). Default: true in development, false elsewhere. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DEMO_CLIENTS?: boolean;

  /** Client id of the administrator created on start when BEHEER_CLIENT_SECRET is set. */
  @Matches(/^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$/, { message: 'BEHEER_CLIENT_ID must be 3-100 lowercase letters, digits or hyphens' })
  BEHEER_CLIENT_ID: string = 'beheer';

  /** When set (at least 32 characters), an administrator client BEHEER_CLIENT_ID with this secret is created on start if it does not exist. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'BEHEER_CLIENT_SECRET must be at least 32 characters' })
  BEHEER_CLIENT_SECRET?: string;

  /** Lifetime of an access token, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  TOKEN_TTL_SECONDS: number = 900;

  /** Token requests one client id may make at once (the bucket of the token endpoint's rate limit). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  TOKEN_RATE_BURST: number = 30;

  /** Token requests per minute one client id may make after its burst; beyond it 429 with Retry-After. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  TOKEN_RATE_PER_MINUTE: number = 60;

  /** Issuer (`iss`) of access tokens and audience for private_key_jwt assertions. */
  @IsString()
  TOKEN_ISSUER: string = 'urn:nld:oin:00000001800866472000:systeem:rod-po-simulator';

  /** Log level: error, warn, info or debug. */
  @IsIn(['error', 'warn', 'info', 'debug', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Create the default sandbox, demo clients and seed data on start. */
  @Transform(toBool)
  @IsBoolean()
  SEED_ON_START: boolean = true;

  /** Run background workers (event delivery, scheduled clock work) in this instance. */
  @Transform(toBool)
  @IsBoolean()
  WORKERS_ENABLED: boolean = true;

  /** Staged inschrijvingen per chunk of a BRON migratie's dry run or conversion (one transaction each). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  BRON_CHUNK: number = 2000;

  /** Pupils in the generated BRON files of a `bron-2021` sandbox seed. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(2_000_000)
  BRON_SEED_LEERLINGEN: number = 5000;

  /** Milliseconds between two checks of the sandbox clocks for scheduled work (teldata reached, deadlines passed). */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  KLOK_TICK_MS: number = 1000;

  /** Milliseconds the delivery worker waits when it found nothing to do. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60_000)
  WORKER_POLL_MS: number = 250;

  /** Concurrent write groups for ROD submissions (each one database connection at a time). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WRITE_LANES: number = 2;

  /** Most ROD submissions committed together in one write group. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WRITE_BATCH_MAX: number = 32;

  /** Deliveries one worker claims per round, and the most in flight per subscription (ten times this per instance). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WEBHOOK_BATCH_SIZE: number = 50;

  /** Timeout of one webhook delivery (HTTP POST), in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  /**
   * Which webhook targets are allowed besides public addresses: `none` (a shared instance), `loopback` (default: receivers
   * on 127.0.0.1/::1 for local development and tests), `private` (anything, including private, link-local and metadata
   * addresses). Checked when a subscription is made and again before every delivery (after DNS).
   */
  @IsIn(['none', 'loopback', 'private'])
  WEBHOOK_PRIVATE_TARGETS: 'none' | 'loopback' | 'private' = 'loopback';

  /** Attempts per delivery before it is dead-lettered. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  WEBHOOK_MAX_ATTEMPTS: number = 8;

  /** First retry delay in milliseconds; doubles on every further attempt (exponential backoff). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_BACKOFF_BASE_MS: number = 30_000;

  /** Upper bound of the retry delay, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86_400_000)
  WEBHOOK_BACKOFF_MAX_MS: number = 3_600_000;

  /** Hours an Idempotency-Key and its stored response are kept. */
  @Transform(toInt)
  @IsInt()
  @Min(24)
  @Max(24 * 30)
  IDEMPOTENCY_RETENTION_HOURS: number = 24;

  /** Keep a journal of every exchange per sandbox (conformance runs grade from it; vendors search it). */
  @Transform(toBool)
  @IsBoolean()
  JOURNAAL_ENABLED: boolean = true;

  /** Hours an exchange stays in the journal. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  JOURNAAL_RETENTION_HOURS: number = 168;
}

export type ConfigKey = keyof AppConfig;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates the environment and returns the typed config, or throws listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, unknown> = {};
  for (const key of [...known, 'DATABASE_URL', 'DEMO_CLIENTS', 'BEHEER_CLIENT_SECRET']) {
    if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  const problems = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((msg) => `${e.property}=${JSON.stringify(e.property.includes('SECRET') ? '…' : raw[e.property])}: ${msg}`),
  );
  const development = DEVELOPMENT_ENVS.includes(config.NODE_ENV);
  if (!development && config.JWT_SECRET === BUILT_IN_JWT_SECRET && !problems.some((p) => p.startsWith('JWT_SECRET='))) {
    problems.push(
      `JWT_SECRET: the built-in signing key is public and allowed only in development (NODE_ENV=${config.NODE_ENV}); set JWT_SECRET to a secret of your own, at least 32 characters`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  config.DEMO_CLIENTS ??= development;
  return config;
}
