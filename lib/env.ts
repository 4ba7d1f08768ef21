/**
 * The only reader of process.env in the app (HOUSE-STYLE §6). Parsed with zod on first use, so a wrong or missing
 * variable stops the server with a message that names it instead of failing somewhere deep in a request.
 *
 * DATABASE_URL and AUTH_SECRET are normally supplied by scripts/run.ts (`npm run dev` / `npm start`): it starts the
 * embedded PostgreSQL when DATABASE_URL is unset, and in development generates AUTH_SECRET into .data/ when unset.
 */
import { z } from "zod";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide one." })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    AUTH_SECRET: z.string().optional(),
    NEXTAUTH_SECRET: z.string().optional(),
    NEXTAUTH_URL: z.url().optional(),
    SITE_URL: z.url().optional(),
    CRON_SECRET: z.string().min(32, "CRON_SECRET must be at least 32 characters").optional(),
    SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(250).max(3_600_000).default(5_000),
    DISABLE_SCHEDULER: z.enum(["0", "1"]).optional(),
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
    return {
      nodeEnv: env.NODE_ENV,
      databaseUrl: env.DATABASE_URL,
      authSecret: secret,
      siteUrl: (env.SITE_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, ""),
      isProduction: env.NODE_ENV === "production",
      cronSecret: env.CRON_SECRET ?? null,
      schedulerIntervalMs: env.SCHEDULER_INTERVAL_MS,
      schedulerEnabled: env.DISABLE_SCHEDULER !== "1",
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
