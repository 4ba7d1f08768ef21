/**
 * The 404 page outside the reader's site (a missing row in the staff areas, a preview link's article gone). The
 * reader's site has its own, inside its header and navigation: app/(public)/not-found.tsx.
 */
import type { Metadata } from "next";
import { MissingPage } from "@/components/layout/missing-page";

// Next marks a 404 noindex itself.
export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="px-4">
      <MissingPage title="Page not found" reason="The page you asked for does not exist, or it has moved." />
    </main>
  );
}
