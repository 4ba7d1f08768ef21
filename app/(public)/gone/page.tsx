/**
 * What the address of an article taken off the site shows: proxy.ts answers such an address with this page and
 * the status 410 Gone (a rewrite with a status: pages cannot set one themselves). It sits in the public layout,
 * so the reader keeps the site's header, search and sections, and it is cached like the other public pages.
 */
import type { Metadata } from "next";
import { MissingPage } from "@/components/layout/missing-page";

export const revalidate = 3600;

// Next marks a 4xx page noindex itself.
export const metadata: Metadata = { title: "This article is no longer available" };

export default function GonePage() {
  return <MissingPage title="This article is no longer available" reason="It was removed from the site by the newsroom. Search the site, or choose a section above." />;
}
