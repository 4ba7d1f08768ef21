/**
 * The three feed formats every feed URL comes in. One table, so the route files, the <link rel="alternate"> tags
 * and the tests agree on file names and media types.
 */
export const FEED_FORMATS = {
  rss: { file: "feed.xml", mediaType: "application/rss+xml", label: "RSS" },
  atom: { file: "atom.xml", mediaType: "application/atom+xml", label: "Atom" },
  json: { file: "feed.json", mediaType: "application/feed+json", label: "JSON Feed" },
} as const;

export type FeedFormat = keyof typeof FEED_FORMATS;

export const FEED_FORMAT_NAMES = Object.keys(FEED_FORMATS) as FeedFormat[];

/** The Content-Type a feed is served with. */
export function feedContentType(format: FeedFormat): string {
  return `${FEED_FORMATS[format].mediaType}; charset=utf-8`;
}

/** "/energy" + "rss" → "/energy/feed.xml"; the site's own feeds have the base path "". */
export function feedPath(basePath: string, format: FeedFormat): string {
  return `${basePath.replace(/\/+$/, "")}/${FEED_FORMATS[format].file}`;
}
