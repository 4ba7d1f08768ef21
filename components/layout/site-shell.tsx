/**
 * Everything around a reader's page: the skip link, the header with search and sections, the main landmark, the
 * newsletter sign-up and the footer, around every page of the reader's site, its 404 (app/(public)/not-found.tsx)
 * and its 410 (/gone) included.
 */
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader, type EditionLink } from "@/components/layout/site-header";
import { listChoices, listEditionOf } from "@/components/newsletters/list-choices";
import { SignUpForm } from "@/components/newsletters/sign-up-form";
import type { SiteSettings } from "@/lib/data/settings";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";
import { editionList } from "@/lib/newsletters/lists";

type Props = {
  settings: Pick<SiteSettings, "siteName" | "socialLinks">;
  sections: { name: string; slug: string }[];
  children: ReactNode;
  /** The edition's language (its `lang` here is copied to <html lang> when the page is stored: reader-document.cjs). */
  text?: ReaderText;
  editions?: EditionLink[];
};

export function SiteShell({ settings, sections, children, text = ENGLISH_TEXT, editions }: Props) {
  const edition = listEditionOf(text);
  return (
    // data-reader-document: stored and served without Next's client runtime (cache-handlers/reader-document.cjs).
    <div className="public-theme" data-reader-document="" lang={text.lang}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2 focus:text-ink">
        {text.t("skipToContent")}
      </a>
      <SiteHeader siteName={settings.siteName} sections={sections} text={text} editions={editions} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <div className="mx-auto mt-16 max-w-5xl px-4">
        <SignUpForm source="footer" heading={text.t("newsletterHeading")} choices={listChoices([], text, edition)} checked={[editionList("DIGEST", null, edition)]} text={text} />
      </div>
      <SiteFooter siteName={settings.siteName} socialLinks={settings.socialLinks} text={text} />
    </div>
  );
}
