/**
 * Asks Prisma's own schema engine what SQL would take "every committed migration, replayed into an empty shadow
 * database" to prisma/schema.prisma. That answer is what `prisma migrate dev` would write; an empty answer means
 * the migrations and the schema agree.
 *
 * Why this exists: Prisma 7's CLI needs its native schema engine for `migrate`, and these machines cannot download
 * it. Prisma publishes the same engine compiled to WebAssembly (@prisma/schema-engine-wasm), which talks to
 * PostgreSQL through a driver adapter (@prisma/adapter-pg). This module loads it and drives it.
 *
 * API
 *   diffMigrationsToSchema(options?) → Promise<string>
 *     The SQL script, exactly as the engine renders it (`-- CreateTable` headers and all). When migrations and
 *     schema agree the engine returns only a comment ("-- This is an empty migration."): test with
 *     isEmptyMigration().
 *   planMigration(options?) → Promise<MigrationPlan>
 *     The same script plus the engine's data-loss evaluation (warnings and unexecutable steps), as `migrate dev`
 *     shows them before it writes a migration.
 *   options.server: a PostgreSQL server (host, port, user, password; `maintenanceDatabase`, default "postgres",
 *     is where CREATE/DROP DATABASE run). Every database this module needs is created there with a random name
 *     (`options.databasePrefix`, default "dateline_shadow") and dropped before the call returns. Omit `server`
 *     and a throwaway embedded PostgreSQL is started and stopped around the call (a few seconds).
 *   options.schemaPath / options.migrationsDir default to prisma/schema.prisma and prisma/migrations.
 *   diagnoseMigrationHistory(databaseUrl) → what the engine makes of that database's _prisma_migrations
 *     (`prisma migrate status`), to check that lib/db/migrate.ts writes it the way Prisma reads it.
 *   withSchemaEngine(databaseUrl, options, run) → an engine on that database, for scripts/db/schema-engine.mjs.
 *   shadowServerFromUrl(url), isEmptyMigration(sql), readMigrationList(dir), loadSchemaEngine(): helpers.
 *
 * Prisma internals this relies on (versions are pinned in package.json; tests/schema/schema-drift.test.ts fails
 * when an upgrade breaks one of them):
 * - the WASM package's module layout: schema_engine_bg.js (glue) + schema_engine_bg.wasm, wired by hand because
 *   Node 20 cannot import .wasm, and the glue's `global.PRISMA_WASM_PANIC_REGISTRY`;
 * - @prisma/adapter-pg rejects PostgreSQL's `"char"` catalog type (and, in some versions, `name`). We rename those
 *   columns to text inside the adapter's private `performIO` and report `"char"` as a Character column: reported
 *   as text, the engine panics on PostgreSQL 18;
 * - adapter-pg's executeScript splits scripts on every `;`, which breaks function bodies (`$$ … ; … $$`): we send
 *   migration scripts whole, as the native engine does;
 * - adapter-pg's connectToShadowDb drops the shadow database while its own pool still holds connections (so the
 *   drop fails) and builds the pool from a config in which a connection string would win over the shadow
 *   database name: we create and drop shadow databases ourselves;
 * - `devDiagnostic` must run before `evaluateDataLoss`.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
} from "@prisma/driver-adapter-utils";
import type {
  DiagnoseMigrationHistoryOutput,
  MigrationDirectory,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
  SchemasContainer,
} from "@prisma/schema-engine-wasm";
import pg from "pg";
import { applyMigrations } from "../../lib/db/migrate";
import { makeThrowawayDir, startEmbeddedPostgres } from "./embedded";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DEFAULT_SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
export const DEFAULT_MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

/** The engine build this module was written against; loadSchemaEngine() refuses any other. */
export const EXPECTED_ENGINE_VERSION = "0edf323efd1d98336f3f0a68684b56f689b900d3";

/** A PostgreSQL server on which scratch databases may be created and dropped. */
export type ShadowServer = {
  host: string;
  port: number;
  user: string;
  password: string;
  /** An existing database to connect to for CREATE/DROP DATABASE. Default "postgres". */
  maintenanceDatabase?: string;
};

export type SchemaDiffOptions = {
  /** Where to create the shadow database(s). Omitted: a throwaway embedded PostgreSQL is started for the call. */
  server?: ShadowServer;
  /** Scratch databases are named `<prefix>_<random>`. Default "dateline_shadow". */
  databasePrefix?: string;
  /** Default prisma/schema.prisma. */
  schemaPath?: string;
  /** Default prisma/migrations. */
  migrationsDir?: string;
  /** Progress lines ("starting a throwaway PostgreSQL …"). */
  log?: (line: string) => void;
  /** The engine's own log lines (verbose JSON). */
  engineLog?: (line: string) => void;
};

export type MigrationPlan = {
  /** The SQL script as the engine renders it. */
  sql: string;
  /** True when the script has no statements (schema and migrations agree). */
  isEmpty: boolean;
  /** Data-loss warnings for the script (e.g. dropping a column, adding a unique constraint). */
  warnings: string[];
  /** Steps that could not run on a database holding data (e.g. a required column without a default). */
  unexecutable: string[];
  /** Set when the data-loss evaluation itself failed (the SQL is still valid). */
  evaluationError?: string;
};

/** Parses a postgresql:// URL (e.g. TEST_ADMIN_DATABASE_URL) into a ShadowServer; its path is the maintenance db. */
export function shadowServerFromUrl(connectionString: string): ShadowServer {
  const url = new URL(connectionString);
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`Not a postgresql:// URL: ${url.protocol}`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1",
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    maintenanceDatabase: database || "postgres",
  };
}

/** True when a script the engine rendered contains no SQL statement (only comments and blank lines). */
export function isEmptyMigration(sql: string): boolean {
  return (
    sql
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("--")).length === 0
  );
}

/** The SQL from "committed migrations applied to an empty database" to the Prisma schema. */
export async function diffMigrationsToSchema(options: SchemaDiffOptions = {}): Promise<string> {
  return withScratchServer(options, async (server) => {
    const inputs = readInputs(options);
    return withEngine(server, options, inputs.schema, undefined, (engine) => diffWith(engine, inputs));
  });
}

/**
 * The diff plus the engine's data-loss evaluation (skipped when the diff is empty). The evaluation needs a "main"
 * database holding the migrated schema: a scratch database on the same server, migrated with lib/db/migrate.ts.
 * Its tables are empty, so warnings that depend on row counts ("…which still contains 3 non-null values") cannot
 * appear; those that do not depend on data do. A failed evaluation is reported in `evaluationError`, not thrown.
 */
export async function planMigration(options: SchemaDiffOptions = {}): Promise<MigrationPlan> {
  return withScratchServer(options, async (server) => {
    const inputs = readInputs(options);
    const databases = new ScratchDatabases(server, options.databasePrefix ?? DEFAULT_PREFIX);
    try {
      const mainDatabase = await databases.create();
      await applyMigrations(pgUrl(server, mainDatabase), { dir: inputs.migrations.baseDir });
      return await withEngine(server, options, inputs.schema, mainDatabase, async (engine) => {
        const sql = await diffWith(engine, inputs);
        const plan: MigrationPlan = { sql, isEmpty: isEmptyMigration(sql), warnings: [], unexecutable: [] };
        if (plan.isEmpty) return plan;
        try {
          // The engine's `migrate dev` order: evaluateDataLoss relies on state devDiagnostic sets up.
          const diagnostic = await engine.devDiagnostic({ migrationsList: inputs.migrations, filters: NO_FILTERS });
          if (diagnostic.action.tag === "reset") throw new Error(diagnostic.action.reason);
          const loss = await engine.evaluateDataLoss({
            migrationsList: inputs.migrations,
            schema: inputs.schema,
            filters: NO_FILTERS,
          });
          plan.warnings = loss.warnings.map((w) => w.message);
          plan.unexecutable = loss.unexecutableSteps.map((w) => w.message);
        } catch (error) {
          plan.evaluationError = engineError(error).message;
        }
        return plan;
      });
    } finally {
      await databases.dropAll();
    }
  });
}

function diffWith(engine: SchemaEngine, inputs: Inputs): Promise<string> {
  return engine
    .diff({
      from: { tag: "migrations", ...inputs.migrations },
      to: { tag: "schemaDatamodel", ...inputs.schema },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    })
    .then((result) => result.stdout ?? "");
}

/**
 * What Prisma's engine makes of a database's `_prisma_migrations` table compared with prisma/migrations (the
 * check behind `prisma migrate status`). Read-only; no shadow database. Used to prove that lib/db/migrate.ts
 * records migrations the way Prisma reads them.
 */
export async function diagnoseMigrationHistory(
  databaseUrl: string,
  options: Pick<SchemaDiffOptions, "migrationsDir" | "schemaPath" | "engineLog"> = {},
): Promise<DiagnoseMigrationHistoryOutput> {
  const server = shadowServerFromUrl(databaseUrl);
  const database = server.maintenanceDatabase ?? "postgres";
  const inputs = readInputs(options);
  return withEngine(server, options, inputs.schema, database, (engine) =>
    engine.diagnoseMigrationHistory({
      migrationsList: inputs.migrations,
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    }),
  );
}

/**
 * Runs `run` with an engine whose main database is `databaseUrl`; shadow databases are created (and dropped) on
 * the same server, so its user needs CREATEDB. For scripts/db/schema-engine.mjs, which serves the engine to the
 * Prisma CLI.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  options: Pick<SchemaDiffOptions, "databasePrefix" | "engineLog"> & { schema?: SchemasContainer },
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const server = shadowServerFromUrl(databaseUrl);
  return withEngine(server, options, options.schema, server.maintenanceDatabase ?? "postgres", run);
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs, in the shapes Prisma's CLI passes to the engine.

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };
const DEFAULT_PREFIX = "dateline_shadow";

type Inputs = { schema: SchemasContainer; migrations: MigrationList };

function readInputs(options: SchemaDiffOptions): Inputs {
  const schemaPath = path.resolve(options.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const schema: SchemasContainer = { files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] };
  return { schema, migrations: readMigrationList(path.resolve(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR)) };
}

/** What `prisma migrate dev` writes to prisma/migrations/migration_lock.toml. */
export const MIGRATION_LOCK = `# Please do not edit this file manually
# It should be added in your version-control system (e.g., Git)
provider = "postgresql"
`;

/**
 * prisma/migrations as the CLI lists it: every directory, sorted by name, with its migration.sql. The engine needs
 * migration_lock.toml to know the database kind; before the first migration there is none, so we supply Prisma's.
 */
export function readMigrationList(baseDir: string): MigrationList {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const directories: MigrationDirectory[] = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort((a, b) => a.localeCompare(b))
        .map((name) => {
          const file = path.join(baseDir, name, "migration.sql");
          let content: MigrationDirectory["migrationFile"]["content"];
          try {
            content = { tag: "ok", value: readFileSync(file, "utf8") };
          } catch (error) {
            content = { tag: "error", value: error instanceof Error ? error.message : String(error) };
          }
          return { path: name, migrationFile: { path: "migration.sql", content } };
        })
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : MIGRATION_LOCK },
    shadowDbInitScript: "",
    migrationDirectories: directories,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Servers and scratch databases.

async function withScratchServer<T>(options: SchemaDiffOptions, run: (server: ShadowServer) => Promise<T>) {
  if (options.server) return run(options.server);
  const log = options.log ?? (() => {});
  log("starting a throwaway PostgreSQL for the shadow database");
  const dataDir = makeThrowawayDir("dateline-shadow");
  const embedded = await startEmbeddedPostgres({ dataDir, throwaway: true, log });
  try {
    return await run(shadowServerFromUrl(embedded.url("postgres")));
  } finally {
    await embedded.stop(); // removes the cluster; its temporary parent directory is ours to remove
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
}

function poolConfig(server: ShadowServer, database: string): pg.PoolConfig {
  // Separate fields, never a connectionString: pg lets a connection string override `database`.
  return { host: server.host, port: server.port, user: server.user, password: server.password, database, max: 4 };
}

function pgUrl(server: ShadowServer, database: string): string {
  const auth = `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}`;
  return `postgresql://${auth}@${server.host}:${server.port}/${encodeURIComponent(database)}`;
}

/** Creates databases with random names on a server and drops every one of them again. */
class ScratchDatabases {
  private readonly created = new Set<string>();

  constructor(
    private readonly server: ShadowServer,
    private readonly prefix: string,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`Invalid database prefix "${prefix}"`);
  }

  async create(): Promise<string> {
    const name = `${this.prefix}_${randomBytes(6).toString("hex")}`;
    await this.admin(`CREATE DATABASE "${name}"`);
    this.created.add(name);
    return name;
  }

  async drop(name: string): Promise<void> {
    if (!this.created.has(name)) return;
    // FORCE ends sessions the engine may have left open (PostgreSQL 13+).
    await this.admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    this.created.delete(name);
  }

  async dropAll(): Promise<void> {
    for (const name of [...this.created]) await this.drop(name);
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client(poolConfig(this.server, this.server.maintenanceDatabase ?? "postgres"));
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The driver adapter the engine uses.

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

const PG_CHAR_OID = 18; // "char": pg_class.relkind, pg_constraint.contype, pg_attribute.attgenerated, …
const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

/** adapter-pg's private query helper: the one place that sees PostgreSQL's column type OIDs before it maps them. */
type PerformIO = (query: SqlQuery) => Promise<pg.QueryArrayResult<unknown[]>>;

/**
 * Makes an adapter-pg queryable accept PostgreSQL's catalog types `"char"` and `name`: both are renamed to text
 * before adapter-pg maps the columns, and `"char"` columns are then reported as Character. Patches the instance.
 */
function acceptCatalogTypes<T extends SqlQueryable>(queryable: T): T {
  const internals = queryable as unknown as { performIO?: PerformIO };
  const performIO = internals.performIO;
  if (typeof performIO !== "function") {
    throw new Error(
      "@prisma/adapter-pg changed: its queryables no longer have performIO(). Re-check acceptCatalogTypes() in " +
        "scripts/db/schema-diff.ts against the installed version.",
    );
  }
  const charColumns = new WeakMap<unknown[][], number[]>();
  internals.performIO = async (query) => {
    const result = await performIO.call(queryable, query);
    const chars: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) chars.push(index);
      if (field.dataTypeID === PG_CHAR_OID || field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
    });
    if (chars.length > 0) charColumns.set(result.rows, chars);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const index of charColumns.get(resultSet.rows) ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

function toDriverAdapterError(error: unknown): Error {
  if (error instanceof pg.DatabaseError) {
    return new DriverAdapterError({
      kind: "postgres",
      code: error.code ?? "",
      severity: error.severity ?? "ERROR",
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Wraps an adapter-pg adapter: catalog types, whole-script execution, extra clean-up after dispose. */
function wrapAdapter(adapter: PgAdapter, afterDispose: () => Promise<void>): SqlDriverAdapter {
  acceptCatalogTypes(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  const dispose = adapter.dispose.bind(adapter);
  let disposed: Promise<void> | undefined;
  return Object.assign(adapter, {
    startTransaction: async (isolationLevel?: Parameters<PgAdapter["startTransaction"]>[0]) =>
      acceptCatalogTypes(await startTransaction(isolationLevel)),
    // One simple-protocol query for the whole script, as the native engine sends it: no splitting on `;`.
    executeScript: async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        throw toDriverAdapterError(error);
      }
    },
    dispose: () => {
      disposed ??= (async () => {
        try {
          await dispose();
        } finally {
          await afterDispose();
        }
      })();
      return disposed;
    },
  });
}

/** Hands the engine adapters on scratch databases it may create freely; cleans up whatever it leaves behind. */
class ScratchAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(
    private readonly server: ShadowServer,
    private readonly databases: ScratchDatabases,
    /** The engine's "main" database; a fresh empty scratch database when not given. */
    private readonly mainDatabase: string | undefined,
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    const database = this.mainDatabase ?? (await this.databases.create());
    const dropAfter = this.mainDatabase === undefined;
    return this.track(database, dropAfter);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.track(await this.databases.create(), true);
  }

  async closeAll(): Promise<void> {
    for (const adapter of [...this.open]) await adapter.dispose();
  }

  private async track(database: string, dropAfter: boolean): Promise<SqlDriverAdapter> {
    const raw = await new PrismaPg(poolConfig(this.server, database)).connect();
    const adapter = wrapAdapter(raw, async () => {
      this.open.delete(adapter);
      if (dropAfter) await this.databases.drop(database);
    });
    this.open.add(adapter);
    return adapter;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The WASM engine.

/**
 * The glue module keeps the WASM instance in a module variable, and Node caches the glue per process even where
 * this module is evaluated again (vitest re-evaluates project modules per test file). So the one instance lives on
 * globalThis: instantiating a second one would leave the glue's cached views on the first one's memory.
 */
const ENGINE_CACHE = Symbol.for("dateline.schema-engine-wasm");
const ENGINE_TRAPPED = Symbol.for("dateline.schema-engine-wasm.trapped");
type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type PanicRegistry = { set_message(message: string): void; lastPanic?: string };
type EngineGlobals = typeof globalThis & {
  PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry;
  [ENGINE_CACHE]?: Promise<EngineModule>;
  [ENGINE_TRAPPED]?: boolean;
};

const engineGlobals = globalThis as EngineGlobals;

/**
 * Loads @prisma/schema-engine-wasm once per process. Node 20 cannot `import` a .wasm file, so we instantiate the
 * bytes ourselves and hand the exports to the package's JS glue, which is what its schema_engine.js does.
 */
export function loadSchemaEngine(): Promise<EngineModule> {
  engineGlobals[ENGINE_CACHE] ??= (async () => {
    // The glue reports Rust panics here before the WASM traps.
    engineGlobals.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message) {
        this.lastPanic = message;
      },
    };
    const glue: EngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const imports: WebAssembly.Imports = { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports };
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), imports);
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== "function") throw new Error("@prisma/schema-engine-wasm: no __wbindgen_start export");
    start();
    const version = glue.version();
    if (!version.includes(EXPECTED_ENGINE_VERSION)) {
      throw new Error(
        `@prisma/schema-engine-wasm reports version ${version}; scripts/db/schema-diff.ts was written for ` +
          `${EXPECTED_ENGINE_VERSION}. Check the internals listed in its header, then update EXPECTED_ENGINE_VERSION.`,
      );
    }
    return glue;
  })();
  return engineGlobals[ENGINE_CACHE];
}

/** Runs `use` with a fresh engine whose adapters live on `server`; frees the engine and drops every scratch db. */
async function withEngine<T>(
  server: ShadowServer,
  options: Pick<SchemaDiffOptions, "databasePrefix" | "engineLog">,
  schema: SchemasContainer | undefined,
  mainDatabase: string | undefined,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const glue = await loadSchemaEngine();
  if (engineGlobals[ENGINE_TRAPPED]) {
    throw new Error("The Prisma schema engine panicked earlier in this process and cannot be used again: restart.");
  }
  const engineLog = options.engineLog ?? (() => {});
  const databases = new ScratchDatabases(server, options.databasePrefix ?? DEFAULT_PREFIX);
  const factory = new ScratchAdapterFactory(server, databases, mainDatabase);
  let engine: SchemaEngine | undefined;
  try {
    engine = await glue.SchemaEngine.new(
      { datamodels: schema?.files.map((file): [string, string] => [file.path, file.content]) },
      (line: string) => engineLog(line),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    return await rejectOnWasmTrap(run(engine));
  } catch (error) {
    throw engineError(error);
  } finally {
    try {
      engine?.free();
    } catch {
      // A trapped engine may trap again on free(); the process will not use it any more.
    }
    await factory.closeAll();
    await databases.dropAll();
  }
}

/**
 * A Rust panic traps the WASM inside a promise callback, so it surfaces as an uncaught exception, not as a
 * rejection: the process would die with its throwaway PostgreSQL still running and the work never settling. While
 * the engine works, such a trap rejects the work instead, so the callers' `finally` blocks clean up. Other uncaught
 * exceptions keep Node's default behaviour (unless someone else, e.g. vitest, listens for them).
 */
function rejectOnWasmTrap<T>(work: Promise<T>): Promise<T> {
  let listener: ((error: Error) => void) | undefined;
  const trapped = new Promise<never>((_, reject) => {
    listener = (error) => {
      if (error instanceof WebAssembly.RuntimeError) {
        engineGlobals[ENGINE_TRAPPED] = true;
        reject(error);
      } else if (process.listenerCount("uncaughtException") === 1) {
        console.error(error);
        process.exit(1);
      }
    };
    process.on("uncaughtException", listener);
  });
  return Promise.race([work, trapped]).finally(() => {
    if (listener) process.off("uncaughtException", listener);
  });
}

/** The engine rejects with plain objects or strings at times, and traps after a panic: make one readable Error. */
function engineError(error: unknown): Error {
  const registry = engineGlobals.PRISMA_WASM_PANIC_REGISTRY;
  const panic = registry?.lastPanic;
  if (registry && panic !== undefined) {
    registry.lastPanic = undefined;
    return new Error(`The Prisma schema engine panicked: ${panic}`, { cause: error });
  }
  if (error instanceof Error) return error;
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") {
    return new Error(`Prisma schema engine: ${error.message}`, { cause: error });
  }
  return new Error(`Prisma schema engine: ${typeof error === "string" ? error : JSON.stringify(error)}`);
}
