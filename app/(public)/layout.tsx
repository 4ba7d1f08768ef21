import { connection } from "next/server";
import { SiteFooter, SiteHeader } from "@/components/layout/site-header";
import { listSections } from "@/lib/data/sections";
import { getSiteSettings } from "@/lib/data/settings";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const [settings, sections] = await Promise.all([getSiteSettings(), listSections()]);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        Skip to content
      </a>
      <SiteHeader siteName={settings.siteName} sections={sections} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <SiteFooter siteName={settings.siteName} />
    </>
  );
}
