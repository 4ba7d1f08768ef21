/**
 * React's HTML renderer (Fizz, react-dom/server) for reader documents rendered in a route handler (decision 0034).
 *
 * Route handlers are compiled for React Server Components, where Next refuses `react-dom/server` at build time: it
 * expects pages to go through its own two passes (the RSC payload, then HTML from it). A reader document never
 * hydrates (decision 0022), so the first pass is work nobody reads. The renderer is therefore loaded from
 * node_modules at run time, outside the bundle (the standalone output traces react and react-dom for Next's own
 * pages). It renders server components as they are (async ones too); client components cannot appear in the tree,
 * since in this layer they are references to code in the browser.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Writable } from "node:stream";
import { compileFunction } from "node:vm";
import type { ReactElement } from "react";
import { getEnv, isBuildPhase } from "@/lib/env";

type Fizz = {
  renderToPipeableStream: (
    element: ReactElement,
    options: { onAllReady: () => void; onShellError: (error: unknown) => void; onError: (error: unknown) => void },
  ) => { pipe: (destination: Writable) => void; abort: (reason?: unknown) => void };
};

let fizz: Fizz | null = null;

/**
 * Loads React's HTML renderer with the browser-and-SSR build of React beneath it, whatever conditions this process
 * resolves packages with. Under `--conditions=react-server` (the e2e runner sets it for its specs, and the server
 * inherits it), "react" would be React's server-components build, which has no HTML renderer's internals; so the
 * react and react-dom files are compiled here, each with a require that resolves those two packages to their
 * plain entry files. Anything else (Node's built-ins) is required as usual.
 */
function loadFizz(): Fizz {
  if (fizz) return fizz;
  // Resolved from the server's working directory (the project, or the standalone folder with its traced
  // node_modules), by paths the bundler does not follow.
  const base = createRequire(path.join(process.cwd(), "package.json"));
  const dir = (name: string) => path.dirname(base.resolve(`${name}/package.json`));
  const entries: Record<string, string> = { react: path.join(dir("react"), "index.js"), "react-dom": path.join(dir("react-dom"), "index.js") };
  const loaded = new Map<string, { exports: unknown }>();
  const load = (file: string): unknown => {
    const known = loaded.get(file);
    if (known) return known.exports;
    const record = { exports: {} as unknown };
    loaded.set(file, record);
    const compiled = compileFunction(readFileSync(file, "utf8"), ["exports", "require", "module", "__filename", "__dirname"], { filename: file });
    const require = (id: string) => (entries[id] ? load(entries[id]) : id.startsWith(".") ? load(path.resolve(path.dirname(file), id)) : base(id));
    compiled.call(record.exports, record.exports, require, record, file, path.dirname(file));
    return record.exports;
  };
  const mode = isBuildPhase() || getEnv().isProduction ? "production" : "development";
  fizz = load(path.join(dir("react-dom"), "cjs", `react-dom-server.node.${mode}.js`)) as Fizz;
  return fizz;
}

/** The complete HTML of `element` (an <html> document gets its doctype), once every async component has answered. */
export function renderHtml(element: ReactElement): Promise<string> {
  return new Promise((resolve, reject) => {
    let failed: unknown = null;
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
        done();
      },
      final(done) {
        if (failed) reject(failed);
        else resolve(Buffer.concat(chunks).toString("utf8"));
        done();
      },
    });
    const stream = loadFizz().renderToPipeableStream(element, {
      onAllReady: () => stream.pipe(sink),
      onShellError: reject,
      // An error inside the tree: React would render the nearest Suspense fallback and retry in the browser, which
      // a document never does; the whole render fails instead.
      onError: (error) => {
        failed ??= error;
      },
    });
  });
}
