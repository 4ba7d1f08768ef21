/**
 * The production server is Next's standalone output (`output: "standalone"` in next.config.ts): <distDir>/standalone
 * holds server.js and the traced node_modules. Next leaves out the build's static assets and public/, which the
 * server serves only from inside that folder, so they are copied in before each start (cheap; a fresh build
 * replaces the folder anyway).
 *
 * server.js changes its working directory to the standalone folder: paths the app resolves at run time
 * (MEDIA_LOCAL_DIR) must be absolute, which `standaloneEnv` takes care of.
 */
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export type Standalone = { dir: string; server: string; distDir: string; buildId: string };

export function distDirName(): string {
  return process.env.NEXT_DIST_DIR || ".next";
}

/** Finds the standalone build of this checkout and makes it complete, or explains what is missing. */
export function prepareStandalone(root = process.cwd()): Standalone {
  const distName = distDirName();
  const distDir = path.join(root, distName);
  const buildIdFile = path.join(distDir, "BUILD_ID");
  if (!existsSync(buildIdFile)) throw new Error("There is no production build. Run `npm run build` first.");
  const dir = path.join(distDir, "standalone");
  const server = path.join(dir, "server.js");
  if (!existsSync(server)) {
    throw new Error(`The build in ${distName}/ has no standalone server (${path.relative(root, server)}). Run \`npm run build\` again.`);
  }
  const buildId = readFileSync(buildIdFile, "utf8").trim();
  const staticTarget = path.join(dir, distName, "static");
  const marker = path.join(staticTarget, ".build-id");
  const current = existsSync(marker) ? readFileSync(marker, "utf8").trim() : null;
  if (current !== buildId) {
    rmSync(staticTarget, { recursive: true, force: true });
    cpSync(path.join(distDir, "static"), staticTarget, { recursive: true });
    cpSync(buildIdFile, marker);
  }
  const publicDir = path.join(root, "public");
  if (existsSync(publicDir)) cpSync(publicDir, path.join(dir, "public"), { recursive: true });
  return { dir, server, distDir, buildId };
}

/**
 * Node's flags for a standalone server process: its old-generation heap capped at DATELINE_HEAP_MB (default 256).
 * Uncapped, V8 on a large machine let the heap grow to 300+ MB under load before collecting, for a live set near
 * 130 MB (the page cache is bounded at DATELINE_CACHE_MAX_MB): peak RSS 480–660 MB against 250–290 MB capped, for
 * the same throughput (docs/decisions/0028-a-bounded-heap.md). The young generation's semi-spaces are 8 MB
 * (DATELINE_SEMI_SPACE_MB; V8's default here is 16): a render's garbage dies young either way, and the bench's peak
 * fell with no change in render CPU (with the malloc arenas below, 389 → 337 MB; docs/performance.md).
 */
export function standaloneNodeArgs(): string[] {
  const flags: string[] = [];
  const heap = Number.parseInt(process.env.DATELINE_HEAP_MB ?? "256", 10);
  if (Number.isFinite(heap) && heap > 0) flags.push(`--max-old-space-size=${heap}`);
  const semi = Number.parseInt(process.env.DATELINE_SEMI_SPACE_MB ?? "8", 10);
  if (Number.isFinite(semi) && semi > 0) flags.push(`--max-semi-space-size=${semi}`);
  return flags;
}

/** Environment for a standalone server process: its port and interface, and absolute run-time paths. */
export function standaloneEnv(root: string, port: number, hostname: string): Record<string, string> {
  return {
    PORT: String(port),
    // server.js binds to $HOSTNAME, which shells often set to the machine's name: always set it.
    HOSTNAME: hostname,
    MEDIA_LOCAL_DIR: path.resolve(root, process.env.MEDIA_LOCAL_DIR || ".data/media"),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // glibc gives each thread that allocates its own malloc arena (Node's thread pool, V8's compiler and GC threads)
    // and rarely returns their memory: tens of MB of a server's resident set were half-empty arenas. Two arenas
    // cost nothing measurable in throughput (decision 0028). An operator's own setting wins.
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX || "2",
  };
}
