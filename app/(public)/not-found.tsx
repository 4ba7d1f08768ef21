/**
 * The reader's site's 404, inside its layout (header, search, sections, footer), so a reader who followed a dead
 * link can go on from here. Pages of the site call notFound(); any other address reaches it through the catch-all
 * route next to it ([...missing]).
 */
import type { Metadata } from "next";
import { MissingPage } from "@/components/layout/missing-page";

// Next marks a 404 noindex itself.
export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return <MissingPage title="Page not found" reason="The page you asked for does not exist, or it has moved. Search the site, or choose a section above." />;
}
