/**
 * The public routes with a parameter in their URL (articles, sections, tags, authors, their feeds, search results)
 * build nothing ahead: an empty
 * generateStaticParams makes each an ISR route, rendered on its first request and then served from the cache
 * (`revalidate` in the route file) until a publish expires it. Every such route re-exports this one.
 */
export async function generateStaticParams(): Promise<Record<string, string>[]> {
  return [];
}
