/**
 * What the article route (app/(public)/article-document.tsx) answers for an address, rendered as its route handler
 * renders it: the status, and for a redirect where it leads ("308 /es/…"). Test files using it mock next/cache's
 * unstable_cache as a pass-through.
 */
import { articleResponse } from "@/app/(public)/article-document";

export async function articleAnswer(code: string | null, section: string, slug: string): Promise<string> {
  try {
    return `${(await articleResponse(code, { section, slug })).status}`;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    const [, , url, status] = digest.split(";");
    return `${status} ${url}`;
  }
}
