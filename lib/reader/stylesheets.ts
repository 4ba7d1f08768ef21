/**
 * The site's stylesheets for documents rendered outside Next's page pipeline (decision 0034). Next links the root
 * layout's CSS into every page it renders; a route handler gets none, so the reader documents read the same list
 * from the build: a page's client reference manifest names the CSS of each layout it uses, the root layout's
 * included. Next's own not-found page is in every build; the reader's /gone page is the other candidate. In
 * production the file exists from `next build` and is read once; under `next dev` a page's manifest exists once the
 * page has compiled, so a document asks for /gone first if it must.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { getEnv, isBuildPhase } from "@/lib/env";

const ROOT_LAYOUT = "[project]/app/layout";
let known: string[] | null = null;

/** Where a page's client reference manifest is: `next build` writes <distDir>/server/…, `next dev` <distDir>/dev/server/…. */
function manifestPaths(isDevelopment: boolean): string[] {
  const dist = path.resolve(/*turbopackIgnore: true*/ process.cwd(), getEnv().distDir);
  const server = isDevelopment ? path.join(dist, "dev", "server") : path.join(dist, "server");
  return [["_not-found"], ["(public)", "gone"]].map((page) => path.join(server, "app", ...page, "page_client-reference-manifest.js"));
}

/** The root layout's CSS files named in a client reference manifest's source (`globalThis.__RSC_MANIFEST[…] = {…}`). */
export function rootStylesheets(source: string): string[] {
  const json = source.slice(source.indexOf("= {", source.indexOf("__RSC_MANIFEST[")) + 2).trim().replace(/;$/, "");
  const manifest = JSON.parse(json) as { entryCSSFiles?: Record<string, { path: string }[]> };
  return (manifest.entryCSSFiles?.[ROOT_LAYOUT] ?? []).map((file) => `/_next/${file.path}`);
}

function readStylesheets(isDevelopment: boolean): string[] | null {
  for (const file of manifestPaths(isDevelopment)) {
    try {
      return rootStylesheets(readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
    } catch {
      /* not this one */
    }
  }
  return null;
}

/**
 * Asks this development server for a page, over plain HTTP on its own port: Next's fetch in a static route would
 * cache the answer, and a static route's request URL is a placeholder, not this server's address.
 */
function compilePage(pathname: string): Promise<void> {
  return new Promise((resolve) => {
    http.get({ host: "127.0.0.1", port: getEnv().port, path: pathname }, (response) => response.resume().on("end", () => resolve())).on("error", (error) => {
      console.error(`reader documents: could not ask the development server for ${pathname}: ${error.message}`);
      resolve();
    });
  });
}

/** The stylesheets every reader document links. */
export async function siteStylesheets(): Promise<string[]> {
  if (isBuildPhase()) return []; // nothing `next build` renders here is served (decision 0004)
  const isDevelopment = getEnv().nodeEnv === "development";
  if (known && !isDevelopment) return known;
  let found = readStylesheets(isDevelopment);
  if (!found && isDevelopment) {
    await compilePage("/gone");
    found = readStylesheets(isDevelopment);
  }
  if (!found) console.error("reader documents: no stylesheet found in the build (server/app/_not-found/page_client-reference-manifest.js)");
  known = found ?? [];
  return known;
}
