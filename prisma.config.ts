/**
 * Prisma CLI configuration.
 *
 * Prisma 7's CLI wants its native schema engine (a download) before `generate`. These machines cannot download it,
 * and `generate` never runs the engine, so we point PRISMA_SCHEMA_ENGINE_BINARY at a stand-in when it is unset.
 * The stand-in (scripts/db/schema-engine.mjs) speaks the engine's JSON-RPC and runs Prisma's published WASM engine,
 * so `prisma migrate diff/status` also work offline. See docs/decisions/0001-database.md.
 */
import path from "node:path";
import { defineConfig } from "prisma/config";

if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(__dirname, "scripts", "db", "schema-engine.mjs");
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/dateline" },
});
