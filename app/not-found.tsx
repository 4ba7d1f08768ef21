/**
 * The 404 page, with the reader's site around it (header, search, sections, footer) so that a reader who followed
 * a dead link can go on from here. It renders per request: unmatched addresses would otherwise get a copy made at
 * build time, when there is no database to read the sections from.
 */
import type { Metadata } from "next";
import { connection } from "next/server";
import { MissingPage } from "@/components/layout/missing-page";
import { SiteShell } from "@/components/layout/site-shell";
import { listSections } from "@/lib/data/sections";
import { getSiteSettings } from "@/lib/data/settings";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default async function NotFound() {
  await connection();
  const [settings, sections] = await Promise.all([getSiteSettings(), listSections()]);
  return (
    <SiteShell settings={settings} sections={sections}>
      <MissingPage title="Page not found" reason="The page you asked for does not exist, or it has moved." />
    </SiteShell>
  );
}
