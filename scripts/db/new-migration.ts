/**
 * `npm run db:migration -- <name> [--print]`: writes the next migration after a change to prisma/schema.prisma.
 *
 * Our stand-in for `prisma migrate dev --create-only`, which cannot run here (Prisma 7's CLI needs a native engine
 * these machines cannot download). Prisma's own engine, in its WASM build, computes the SQL from "every committed
 * migration replayed into a throwaway shadow database" to the schema (scripts/db/schema-diff.ts); this script
 * writes it to prisma/migrations/<UTC yyyymmddhhmmss>_<name>/migration.sql, as Prisma names it. It never touches
 * your databases: apply the migration with `npm run db:migrate` (or by starting the app).
 *
 *   <name>    letters, digits, dashes and underscores; stored lower-case with underscores (add-tags → add_tags)
 *   --print   print the SQL and write nothing
 *
 * DEBUG_SCHEMA_ENGINE=1 prints the engine's own log lines.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_MIGRATIONS_DIR, MIGRATION_LOCK, planMigration, type MigrationPlan } from "./schema-diff";

const USAGE = "Usage: npm run db:migration -- <name> [--print]   (name: letters, digits, - and _)";

type Args = { name: string; print: boolean };

function parseArgs(argv: string[]): Args | string {
  let print = false;
  const names: string[] = [];
  for (const arg of argv) {
    if (arg === "--print") print = true;
    else if (arg === "--help" || arg === "-h") return USAGE;
    else if (arg.startsWith("-")) return `Unknown option ${arg}\n${USAGE}`;
    else names.push(arg);
  }
  if (names.length !== 1) return `Give exactly one migration name.\n${USAGE}`;
  const name = names[0] ?? "";
  if (!/^[A-Za-z0-9_-]+$/.test(name) || !/[A-Za-z0-9]/.test(name)) {
    return `Invalid migration name "${name}": use letters, digits, dashes and underscores.\n${USAGE}`;
  }
  if (name.length > 200) return "The migration name is too long (200 characters at most).";
  return { name, print };
}

/** addSearch-Index → add_search_index: the lower-case snake_case Prisma uses in directory names. */
function snakeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[-_]+/g, "_")
    .replace(/^_|_$/g, "");
}

/** UTC yyyymmddhhmmss. */
function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/** Now, or one second after the newest existing migration if the clock is behind it (names must sort in order). */
function nextTimestamp(dir: string, now: Date): string {
  const latest = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && /^\d{14}_/.test(d.name))
        .map((d) => d.name.slice(0, 14))
        .sort()
        .at(-1)
    : undefined;
  const candidate = migrationTimestamp(now);
  if (latest === undefined || candidate > latest) return candidate;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(latest);
  if (!m) return candidate;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return migrationTimestamp(new Date(Date.UTC(y, mo - 1, d, h, mi, s + 1)));
}

/** "2 CreateTable, 1 AddForeignKey" from the engine's `-- Step` headers. */
function summarize(sql: string): string {
  const counts = new Map<string, number>();
  for (const match of sql.matchAll(/^-- ([A-Z][A-Za-z]+)\s*$/gm)) {
    const step = match[1] ?? "";
    counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  return [...counts].map(([step, count]) => `${count} ${step}`).join(", ") || "no tagged steps";
}

function reportDataLoss(plan: MigrationPlan) {
  for (const warning of plan.warnings) console.warn(`warning: ${warning}`);
  for (const step of plan.unexecutable) console.warn(`warning (cannot run on a table with rows): ${step}`);
  if (plan.evaluationError) console.warn(`note: the data-loss check did not run: ${plan.evaluationError}`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === "string") {
    const isHelp = args === USAGE;
    (isHelp ? console.log : console.error)(args);
    return isHelp ? 0 : 2;
  }
  const dir = DEFAULT_MIGRATIONS_DIR;
  const started = Date.now();
  const plan = await planMigration({
    migrationsDir: dir,
    log: (line) => console.error(line),
    engineLog: process.env.DEBUG_SCHEMA_ENGINE ? (line) => console.error(line) : undefined,
  });
  if (plan.isEmpty) {
    console.log("schema.prisma and the migrations already agree; nothing to write");
    return 0;
  }
  if (args.print) {
    process.stdout.write(plan.sql.endsWith("\n") ? plan.sql : `${plan.sql}\n`);
    reportDataLoss(plan);
    return 0;
  }
  const name = `${nextTimestamp(dir, new Date())}_${snakeName(args.name)}`;
  const target = path.join(dir, name);
  if (existsSync(target)) throw new Error(`${target} already exists`);
  mkdirSync(target, { recursive: true });
  const lock = path.join(dir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, MIGRATION_LOCK);
  const file = path.join(target, "migration.sql");
  writeFileSync(file, plan.sql.endsWith("\n") ? plan.sql : `${plan.sql}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)} (${summarize(plan.sql)}) in ${Date.now() - started} ms`);
  reportDataLoss(plan);
  console.log("Review it (add what Prisma cannot express), then apply it with `npm run db:migrate`.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
