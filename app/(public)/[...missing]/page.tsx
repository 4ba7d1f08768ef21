/**
 * Every address no other route takes (/a/b/c, say): a 404 inside the reader's site, from the not-found page next
 * to it, rather than Next's bare one. Rendered per request, so made-up addresses fill no cache.
 */
import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

export default function CatchAllPage() {
  notFound();
}
