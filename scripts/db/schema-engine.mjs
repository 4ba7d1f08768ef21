#!/usr/bin/env node
/**
 * A stand-in for Prisma's native `schema-engine` binary, which Prisma 7's CLI downloads and these machines cannot.
 * prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here. `prisma generate` never runs it (it only has to exist
 * and be executable); `prisma migrate status` and `prisma migrate diff` run it and get Prisma's own engine, in its
 * published WASM build (loaded by scripts/db/schema-diff.ts), instead of the native one.
 *
 * It speaks what the CLI expects of the binary:
 *   --version                                            prints the engine version
 *   --datasource '{"url":…}' cli can-connect-to-database exit 0, or exit 1 with an error log line on stderr
 *   --datasource '{"url":…}' cli create-database         creates the database named in the URL
 *   [--datamodels <file>]… --datasource '{"url":…}'      JSON-RPC 2.0, one message per line on stdin/stdout
 *     (methods as on the WASM engine's SchemaEngine class; `getDatabaseVersion` maps to its `version`).
 *
 * Shadow databases are created and dropped on the server of `url` (its user needs CREATEDB; the embedded server's
 * superuser has it); a `shadowDatabaseUrl` is ignored. PostgreSQL only. Writing migrations stays with
 * `npm run db:migration`, applying them with `npm run db:migrate`; `migrate dev/deploy/reset` through this
 * stand-in are untested.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, version: false, cli: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i] ?? "null");
    else if (arg === "cli") args.cli = argv[++i];
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
  }
  return args;
}

/** A log line in the shape the CLI parses from the native engine's stderr. */
function logError(message, errorCode) {
  const fields = { message, ...(errorCode ? { error_code: errorCode } : {}) };
  process.stderr.write(`${JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields })}\n`);
}

/** Prisma's error codes for the connection failures the CLI reports specially. */
function connectionErrorCode(error) {
  switch (error?.code) {
    case "3D000":
      return "P1003"; // database does not exist
    case "28P01":
    case "28000":
      return "P1000"; // authentication failed
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "ETIMEDOUT":
      return "P1001"; // cannot reach the server
    default:
      return undefined;
  }
}

async function runCliCommand(command, url) {
  // The CLI skips the first stderr line (the native engine's start-up log) before it looks for errors.
  const startup = { level: "INFO", target: "schema_engine_cli", fields: { message: `Starting schema engine CLI (${command})` } };
  process.stderr.write(`${JSON.stringify(startup)}\n`);
  const { default: pg } = await import("pg");
  if (command === "can-connect-to-database") {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return 0;
    } catch (error) {
      logError(error instanceof Error ? error.message : String(error), connectionErrorCode(error));
      return 1;
    }
  }
  if (command === "create-database") {
    const target = new URL(url);
    const name = decodeURIComponent(target.pathname.slice(1));
    target.pathname = "/postgres";
    const client = new pg.Client({ connectionString: target.toString() });
    try {
      await client.connect();
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      await client.end();
      return 0;
    } catch (error) {
      logError(error instanceof Error ? error.message : String(error), connectionErrorCode(error));
      return 1;
    }
  }
  logError(`This stand-in does not implement \`cli ${command}\`.`);
  return 1;
}

/** JSON-RPC over stdio until stdin closes. */
async function serve(engine) {
  const write = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  const pending = new Set();
  const handle = async (request) => {
    const { id, method, params } = request;
    try {
      let result;
      if (method === "getDatabaseVersion") result = await engine.version(params ?? null);
      else if (method === "diff") {
        // The native engine prints the diff by asking the CLI to (`print`); the WASM one returns it as `stdout`.
        const { stdout, ...rest } = await engine.diff(params);
        if (stdout) write({ id: `print-${id}`, method: "print", params: { content: stdout.replace(/\n$/, "") } });
        result = rest;
      }
      else if (typeof engine[method] === "function" && method !== "free" && method !== "constructor") {
        result = await engine[method](params ?? {});
      } else throw Object.assign(new Error(`Unknown method ${method}`), { code: undefined });
      write({ id, result: result ?? {} });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = typeof error?.code === "string" && /^P\d{4}$/.test(error.code) ? error.code : undefined;
      write({
        id,
        error: {
          code: 4466,
          message: "An error happened. Check the data field for details.",
          data: { is_panic: false, message, meta: error?.meta ?? {}, ...(code ? { error_code: code } : {}) },
        },
      });
    }
  };
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      continue;
    }
    // Responses to our own requests (the engine may ask the CLI to `print`) need no handling.
    if (request.method === undefined) continue;
    const task = handle(request).finally(() => pending.delete(task));
    pending.add(task);
  }
  await Promise.all(pending);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  // Lets this plain-JS entry point import the TypeScript module that loads the engine (as `node --import tsx`).
  await import("tsx");
  const loaded = await import(pathToFileURL(path.join(here, "schema-diff.ts")).href);
  // tsx runs the .ts file as CommonJS (package.json has no "type"): its exports arrive on `default`.
  const { EXPECTED_ENGINE_VERSION, withSchemaEngine } = loaded.withSchemaEngine ? loaded : loaded.default;
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${EXPECTED_ENGINE_VERSION}\n`);
    return 0;
  }
  const url = args.datasource?.url;
  if (typeof url !== "string" || url === "") {
    logError("The stand-in schema engine needs --datasource '{\"url\":\"postgresql://…\"}'.");
    return 1;
  }
  if (args.cli) return runCliCommand(args.cli, url);
  const schema =
    args.datamodels.length > 0
      ? { files: args.datamodels.map((file) => ({ path: file, content: readFileSync(file, "utf8") })) }
      : undefined;
  await withSchemaEngine(url, { schema, databasePrefix: "prisma_shadow" }, serve);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    logError(error instanceof Error ? error.message : String(error), typeof error?.code === "string" ? error.code : undefined);
    process.exit(1);
  },
);
