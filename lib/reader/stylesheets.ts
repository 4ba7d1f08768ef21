/**
 * The site's stylesheets for documents rendered outside Next's page pipeline (decision 0034). Next links the root
 * layout's CSS into every page it renders; a route handler gets none, so the reader documents read the same list
 * from the build: a page's client reference manifest names the CSS of each layout it uses, the root layout's
 * included. Next's own not-found page is in every build; the reader's /gone page is the other candidate. In
 * production the file exists from `next build` and is read once; under `next dev` a page's manifest exists once the
 * page has compiled, so a document asks for /gone first if it must.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { getEnv, isBuildPhase } from "@/lib/env";

const ROOT_LAYOUT = "[project]/app/layout";
let known: string[] | null = null;

function manifestPaths(): string[] {
  const dist = path.resolve(/*turbopackIgnore: true*/ process.cwd(), getEnv().distDir);
  const pages = [["_not-found"], ["(public)", "gone"]].map((page) => path.join("server", "app", ...page, "page_client-reference-manifest.js"));
  return pages.flatMap((file) => [path.join(dist, file), path.join(dist, "dev", file)]);
}

/** The root layout's CSS files named in a client reference manifest's source (`globalThis.__RSC_MANIFEST[…] = {…}`). */
export function rootStylesheets(source: string): string[] {
  const json = source.slice(source.indexOf("= {", source.indexOf("__RSC_MANIFEST[")) + 2).trim().replace(/;$/, "");
  const manifest = JSON.parse(json) as { entryCSSFiles?: Record<string, { path: string }[]> };
  return (manifest.entryCSSFiles?.[ROOT_LAYOUT] ?? []).map((file) => `/_next/${file.path}`);
}

function readStylesheets(): string[] | null {
  for (const file of manifestPaths()) {
    try {
      return rootStylesheets(readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
    } catch {
      /* not this one */
    }
  }
  return null;
}

/** The stylesheets every reader document links; `origin` lets a development server compile the home page first. */
export async function siteStylesheets(origin: string): Promise<string[]> {
  if (isBuildPhase()) return []; // nothing `next build` renders here is served (decision 0004)
  const isDevelopment = getEnv().nodeEnv === "development";
  if (known && !isDevelopment) return known;
  let found = readStylesheets();
  if (!found && isDevelopment) {
    await fetch(new URL("/gone", origin)).then((response) => response.arrayBuffer(), () => null);
    found = readStylesheets();
  }
  if (!found) console.error("reader documents: no stylesheet found in the build (server/app/_not-found/page_client-reference-manifest.js)");
  known = found ?? [];
  return known;
}
