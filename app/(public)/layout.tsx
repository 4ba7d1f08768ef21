import type { Metadata } from "next";
import { SiteShell } from "@/components/layout/site-shell";
import { listSections } from "@/lib/data/sections";
import { getSiteSettings } from "@/lib/data/settings";
import { getEnv, isBuildPhase } from "@/lib/env";
import { feedAlternates } from "@/lib/feeds/links";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return {
    metadataBase: new URL(isBuildPhase() ? "http://localhost:3000" : getEnv().siteUrl),
    title: { default: settings.siteName, template: `%s · ${settings.siteName}` },
    description: settings.description,
    openGraph: { siteName: settings.siteName, locale: settings.locale.replace("-", "_") },
    twitter: { card: "summary" },
    alternates: { types: feedAlternates("", settings.siteName) },
  };
}

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const [settings, sections] = await Promise.all([getSiteSettings(), listSections()]);
  return (
    <SiteShell settings={settings} sections={sections}>
      {children}
    </SiteShell>
  );
}
