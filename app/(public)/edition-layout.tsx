/**
 * The reader's site around every page of one edition: the default edition's layout (app/(public)/layout.tsx) and
 * each prefixed edition's (app/(editions)/es/layout.tsx) are this, with their edition's code.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SiteShell } from "@/components/layout/site-shell";
import { localName } from "@/lib/data/editions";
import { listSections } from "@/lib/data/sections";
import { renderSiteUrl } from "@/lib/env";
import { feedAlternates } from "@/lib/feeds/links";
import { loadEdition, otherEditionLinks, type EditionContext } from "@/lib/i18n/edition";

export async function editionLayoutMetadata(code: string | null): Promise<Metadata> {
  const context = await loadEdition(code);
  if (!context) return {};
  const { settings, text } = context;
  return {
    metadataBase: new URL(renderSiteUrl()),
    title: { default: settings.siteName, template: `%s · ${settings.siteName}` },
    description: settings.description,
    openGraph: { siteName: settings.siteName, locale: text.locale.replace("-", "_") },
    twitter: { card: "summary" },
    alternates: { types: feedAlternates(text.prefix, settings.siteName) },
  };
}

export async function EditionLayout({ code, children }: { code: string | null; children: ReactNode }) {
  const context = await loadEdition(code);
  if (!context) notFound();
  return <EditionShell context={context}>{children}</EditionShell>;
}

/** The site around a page of the edition `context` (also around the documents rendered without Next's layouts: decision 0034). */
export async function EditionShell({ context, children }: { context: EditionContext; children: ReactNode }) {
  const [sections, editions] = await Promise.all([listSections(), otherEditionLinks(context.edition)]);
  return (
    <SiteShell settings={context.settings} sections={sections.map((s) => localName(s, context.names.sections))} text={context.text} editions={editions}>
      {children}
    </SiteShell>
  );
}
