import type { Metadata } from "next";
import { SiteFooter, SiteHeader } from "@/components/layout/site-header";
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
    <div className="public-theme">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2 focus:text-ink">
        Skip to content
      </a>
      <SiteHeader siteName={settings.siteName} sections={sections} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <SiteFooter siteName={settings.siteName} />
    </div>
  );
}
