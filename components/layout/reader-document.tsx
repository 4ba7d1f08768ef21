/**
 * A whole reader document, <html> to </html>, for pages rendered with React's HTML renderer alone (decision 0034):
 * what the root layout, the edition's layout and Next's metadata give a page Next renders, and the reader's script
 * (public/reader.js) that reader documents run instead of Next's client runtime (decision 0022).
 */
import type { ReactNode } from "react";
import { EditionShell } from "@/app/(public)/edition-layout";
import { renderSiteUrl } from "@/lib/env";
import type { EditionContext } from "@/lib/i18n/edition";
import { siteStylesheets } from "@/lib/reader/stylesheets";
import { HeadTags, type DocumentMetadata } from "@/lib/seo/head-tags";

type Props = { context: EditionContext; metadata: DocumentMetadata; children: ReactNode };

export async function ReaderDocument({ context, metadata, children }: Props) {
  const stylesheets = await siteStylesheets();
  return (
    <html lang={context.text.lang}>
      {/* A whole document: no Next layout renders this one, so the head is here (lib/seo/head-tags.tsx). */}
      {/* eslint-disable-next-line @next/next/no-head-element -- rendered by React's HTML renderer, not by Next (decision 0034) */}
      <head>
        <HeadTags metadata={metadata} site={{ siteName: context.settings.siteName, siteUrl: renderSiteUrl(), description: context.settings.description, locale: context.text.locale.replace("-", "_") }} stylesheets={stylesheets} />
      </head>
      <body className="min-h-screen font-sans antialiased">
        <EditionShell context={context}>{children}</EditionShell>
        {/* A module script is deferred: the rule's concern (a script that blocks parsing) does not apply. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- type="module" never blocks parsing */}
        <script type="module" src="/reader.js" />
      </body>
    </html>
  );
}
