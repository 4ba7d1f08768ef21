/**
 * The absolute site URL that feeds, sitemaps and robots.txt must carry (a feed reader or crawler has no page to
 * resolve a relative link against).
 *
 * `next build` prerenders the static ones (/feed.xml, /sitemap.xml, /robots.txt …) without a database and possibly
 * without the runtime environment, and that output is never served: our cache handler (cache-handlers/isr-handler.cjs)
 * does not read the build's files, so the first request renders them again with the real URL. The build therefore
 * gets an obviously fake host instead of failing on lib/env.ts's checks; a test would see it if it ever leaked.
 */
import { getEnv, isBuildPhase } from "@/lib/env";

export const BUILD_PLACEHOLDER_SITE_URL = "https://build-placeholder.invalid";

export function getPublicSiteUrl(): string {
  return isBuildPhase() ? BUILD_PLACEHOLDER_SITE_URL : getEnv().siteUrl;
}
