/**
 * What the address of an article taken off the site shows: proxy.ts answers such an address with this page and
 * the status 410 Gone (a rewrite with a status: pages cannot set one themselves). It sits in the public layout,
 * so the reader keeps the site's header, search and sections, and it is cached like the other public pages.
 */
import type { Metadata } from "next";
import Link from "next/link";

export const revalidate = 3600;

export const metadata: Metadata = { title: "This article is no longer available", robots: { index: false } };

export default function GonePage() {
  return (
    <div className="mx-auto max-w-2xl py-12 text-center">
      <h1 className="font-serif text-4xl font-bold">This article is no longer available</h1>
      <p className="mt-4 text-muted">It was removed from the site by the newsroom. Search the site, or choose a section above.</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold underline">
          Go to the front page
        </Link>
      </p>
    </div>
  );
}
