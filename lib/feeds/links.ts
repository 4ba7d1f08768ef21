/**
 * Feed autodiscovery: the `alternates.types` part of a page's Metadata, which Next renders as
 * <link rel="alternate" type="application/rss+xml" href="/energy/feed.xml" title="Energy · Dateline (RSS)">.
 * URLs are site-relative, so nothing here needs the environment and it works during `next build`.
 *
 * Next replaces (does not merge) a parent's `alternates` when a page sets its own, so a page that sets
 * `alternates` repeats the site's feeds: `combineFeedAlternates(feedAlternates("", site), feedAlternates(...))`.
 */
import { FEED_FORMATS, FEED_FORMAT_NAMES, feedPath } from "./formats";

type AlternateLink = { url: string; title: string };
/** Metadata["alternates"]["types"] as Next takes it, and as the documents rendered without Next write it (lib/seo/head-tags.tsx). */
export type FeedAlternateTypes = Record<string, AlternateLink[]>;

/** The RSS, Atom and JSON Feed links for the feeds under `basePath` ("" for the site, "/energy", "/author/ana-ruiz"). */
export function feedAlternates(basePath: string, title: string): FeedAlternateTypes {
  const types: Record<string, AlternateLink[]> = {};
  for (const format of FEED_FORMAT_NAMES) {
    const { mediaType, label } = FEED_FORMATS[format];
    types[mediaType] = [{ url: feedPath(basePath, format), title: `${title} (${label})` }];
  }
  return types;
}

/** Several sets of feed links in one `alternates.types`, in the order given (the site's first, usually). */
export function combineFeedAlternates(...sets: FeedAlternateTypes[]): FeedAlternateTypes {
  const types: Record<string, AlternateLink[]> = {};
  for (const set of sets) {
    for (const [mediaType, links] of Object.entries(set)) {
      if (!Array.isArray(links)) continue;
      const list = (types[mediaType] ??= []);
      for (const link of links) list.push({ url: String(link.url), title: link.title ?? "" });
    }
  }
  return types;
}
