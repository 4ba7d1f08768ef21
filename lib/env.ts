/**
 * The only reader of process.env in the app (HOUSE-STYLE §6). Parsed with zod on first use, so a wrong or missing
 * variable stops the server with a message that names it instead of failing somewhere deep in a request.
 *
 * DATABASE_URL and AUTH_SECRET are normally supplied by scripts/run.ts (`npm run dev` / `npm start`): it starts the
 * embedded PostgreSQL when DATABASE_URL is unset, and in development generates AUTH_SECRET into .data/ when unset.
 */
import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "@/lib/security/client-address";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // Where the build is (next.config.ts distDir): reader documents read its stylesheet list (lib/reader/stylesheets.ts).
    NEXT_DIST_DIR: z.string().min(1).default(".next"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide one." })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    // Optional read replicas for the public site: one postgresql:// URL, or several separated by commas.
    DATABASE_REPLICA_URL: z
      .string()
      .optional()
      .transform((value) => (value ?? "").split(",").map((url) => url.trim()).filter((url) => url.length > 0))
      .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL must be postgresql:// URLs separated by commas"))),
    AUTH_SECRET: z.string().optional(),
    NEXTAUTH_SECRET: z.string().optional(),
    NEXTAUTH_URL: z.url().optional(),
    SITE_URL: z.url().optional(),
    CRON_SECRET: z.string().min(32, "CRON_SECRET must be at least 32 characters").optional(),
    // The proxies in front of the app whose X-Forwarded-For entry is believed: a hop count, or addresses/CIDR ranges
    // (lib/security/client-address.ts). Unset: none, the client is the socket's peer.
    TRUSTED_PROXIES: z.string().optional(),
    SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(250).max(3_600_000).default(5_000),
    DISABLE_SCHEDULER: z.enum(["0", "1"]).optional(),
    // Reader page requests let into Next at once (lib/traffic/reader-queue.ts); 0 turns the queue off.
    READER_CONCURRENCY: z.coerce.number().int().min(0).max(10_000).default(16),
    // Outgoing mail (invitations, password resets). Without SMTP_URL, messages are written to the server log.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL (e.g. smtps://user:pass@smtp.example.com:465)")
      .optional(),
    MAIL_FROM: z.string().min(3, "MAIL_FROM must be an address such as Dateline <newsroom@example.com>").optional(),
    // Without SMTP_URL, newsletters and their confirmations are written here as .eml files (docs/decisions/0026).
    MAIL_DIR: z.string().min(1).default(".data/mail"),
    // Newsletters: copies sent per minute by all instances together, and the hour (site time zone) of the daily digest.
    NEWSLETTER_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(6_000),
    NEWSLETTER_DIGEST_HOUR: z.coerce.number().int().min(0, "NEWSLETTER_DIGEST_HOUR must be an hour from 0 to 23").max(23, "NEWSLETTER_DIGEST_HOUR must be an hour from 0 to 23").default(7),
    // Media storage (lib/media/storage.ts): local disk by default; an S3-compatible bucket when MEDIA_STORAGE=s3.
    MEDIA_STORAGE: z.enum(["local", "s3"]).default("local"),
    MEDIA_LOCAL_DIR: z.string().min(1).default(".data/media"),
    MEDIA_S3_BUCKET: z.string().min(1).optional(),
    MEDIA_S3_REGION: z.string().min(1).default("us-east-1"),
    MEDIA_S3_ENDPOINT: z.url("MEDIA_S3_ENDPOINT must be a URL, e.g. https://s3.example.com").optional(),
    MEDIA_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    MEDIA_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    MEDIA_S3_FORCE_PATH_STYLE: z.enum(["0", "1"]).optional(),
    // The collaboration server (collab-server/, docs/decisions/0015-co-editing.md): where it listens, and Redis when
    // several servers share documents. scripts/run.ts, the cluster and the e2e runner set these.
    // This server's port (scripts/run.ts sets it; Next's default otherwise): a development server asks itself for a page.
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    COLLAB_PORT: z.coerce.number().int().min(1).max(65_535).default(3001),
    COLLAB_HOST: z.string().min(1).default("127.0.0.1"),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL").optional(),
    MEDIA_S3_PREFIX: z.string().regex(/^(?:[A-Za-z0-9._-]+\/)*$/, "MEDIA_S3_PREFIX must be empty or end with a slash, e.g. media/").default(""),
    // Webhooks and WebSub pings to loopback and private-network addresses are refused unless this is 1 (tests, a
    // receiver on the same private network): lib/webhooks/targets.ts.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: z.enum(["0", "1"], { error: "WEBHOOK_ALLOW_PRIVATE_TARGETS must be 0 or 1" }).optional(),
  })
  .transform((env, ctx) => {
    const secret = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
    if (!secret || secret.length < 32) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message:
          "AUTH_SECRET must be set to a random string of at least 32 characters (e.g. `openssl rand -base64 32`). " +
          "`npm run dev` generates one into .data/auth-secret; production requires it to be set.",
      });
      return z.NEVER;
    }
    let trustedProxies: TrustedProxies;
    try {
      trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["TRUSTED_PROXIES"], message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
    if (env.MEDIA_STORAGE === "s3" && !env.MEDIA_S3_BUCKET) {
      ctx.addIssue({ code: "custom", path: ["MEDIA_S3_BUCKET"], message: "MEDIA_S3_BUCKET must be set when MEDIA_STORAGE=s3." });
      return z.NEVER;
    }
    return {
      nodeEnv: env.NODE_ENV,
      databaseUrl: env.DATABASE_URL,
      databaseReplicaUrls: env.DATABASE_REPLICA_URL,
      authSecret: secret,
      siteUrl: (env.SITE_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, ""),
      isProduction: env.NODE_ENV === "production",
      distDir: env.NEXT_DIST_DIR,
      port: env.PORT,
      cronSecret: env.CRON_SECRET ?? null,
      trustedProxies,
      schedulerIntervalMs: env.SCHEDULER_INTERVAL_MS,
      schedulerEnabled: env.DISABLE_SCHEDULER !== "1",
      readerConcurrency: env.READER_CONCURRENCY,
      collab: { port: env.COLLAB_PORT, host: env.COLLAB_HOST, redisUrl: env.REDIS_URL ?? null },
      smtpUrl: env.SMTP_URL ?? null,
      webhookAllowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS === "1",
      mailFrom: env.MAIL_FROM ?? "Dateline <no-reply@dateline.invalid>",
      mailDir: env.MAIL_DIR,
      newsletter: { ratePerMinute: env.NEWSLETTER_RATE_PER_MINUTE, digestHour: env.NEWSLETTER_DIGEST_HOUR },
      media:
        env.MEDIA_STORAGE === "s3"
          ? ({
              driver: "s3",
              bucket: env.MEDIA_S3_BUCKET as string,
              region: env.MEDIA_S3_REGION,
              endpoint: env.MEDIA_S3_ENDPOINT ?? null,
              credentials:
                env.MEDIA_S3_ACCESS_KEY_ID && env.MEDIA_S3_SECRET_ACCESS_KEY
                  ? { accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID, secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY }
                  : null,
              forcePathStyle: env.MEDIA_S3_FORCE_PATH_STYLE === "1",
              prefix: env.MEDIA_S3_PREFIX,
            } as const)
          : ({ driver: "local", dir: env.MEDIA_LOCAL_DIR } as const),
    };
  });

export type Env = z.output<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Dateline cannot start: the environment is not valid.\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * True while `next build` prerenders pages. There is no database then (and none should be baked into the build):
 * public queries answer empty, and the cache handler never serves what the build rendered.
 */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/** The site's URL; during `next build`, which renders without the run-time environment and whose renders are never served, a stand-in. */
export function renderSiteUrl(): string {
  return isBuildPhase() ? "http://localhost:3000" : getEnv().siteUrl;
}
