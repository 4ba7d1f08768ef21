/**
 * The prefixed editions that have routes: each is a folder under app/(editions) (docs/decisions/0029). Plain data,
 * so proxy.ts can read it without the message catalogs.
 */
export const PREFIXED_EDITION_ROUTES = ["es"] as const;

/** The prefix of the edition a path is in: "/es/negocios/x" → "/es"; "/news/x" (the default edition) → "". */
export function editionPrefixOf(pathname: string): string {
  const code = pathname.split("/")[1] ?? "";
  return (PREFIXED_EDITION_ROUTES as readonly string[]).includes(code) ? `/${code}` : "";
}

/** "/es/search" → "/es"; "/search" → ""; anything else → null. */
export function searchPagePrefix(pathname: string): string | null {
  if (pathname === "/search") return "";
  const match = /^\/([a-z]{2})\/search$/.exec(pathname);
  return match && (PREFIXED_EDITION_ROUTES as readonly string[]).includes(match[1]!) ? `/${match[1]}` : null;
}
