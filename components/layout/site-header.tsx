/**
 * The reader's site header and footer. The header holds the site's name, a search box (a plain GET form to
 * /search: it works without JavaScript) and the section navigation, which on a phone is one row that scrolls
 * sideways instead of wrapping onto several rows of small links (each link is at least 44 px tall). The footer
 * links the newsroom's social profiles (from the settings) and staff sign-in. With several language editions the
 * header links each other edition's front page, named in its own language (an article page links its translation).
 */
import type { SocialLinks } from "@/lib/data/settings";
import { SEARCH_QUERY_MAX_LENGTH } from "@/lib/validation/search";
import { SOCIAL_LABELS } from "@/lib/validation/admin";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

export type EditionLink = { lang: string; name: string; href: string };

type Props = { siteName: string; sections: { name: string; slug: string }[]; text?: ReaderText; editions?: EditionLink[] };

export function SiteHeader({ siteName, sections, text = ENGLISH_TEXT, editions = [] }: Props) {
  return (
    <header className="border-b border-gray-300 bg-white dark:border-gray-700 dark:bg-gray-950">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 pb-2 pt-4">
        <a href={text.path("/")} className="font-serif text-3xl font-bold tracking-tight">
          {siteName}
        </a>
        {editions.length > 0 && (
          <nav aria-label={text.t("languages")} className="text-sm">
            <ul className="flex gap-1">
              {editions.map((edition) => (
                <li key={edition.lang}>
                  <a href={edition.href} hrefLang={edition.lang} lang={edition.lang} className="inline-flex min-h-11 items-center px-2 underline">
                    {edition.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <form role="search" aria-label={text.t("siteSearch")} action={text.path("/search")} method="get" className="flex w-full gap-2 sm:w-auto">
          <label htmlFor="site-search" className="sr-only">
            {text.t("searchTheSite")}
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder={text.t("search")}
            maxLength={SEARCH_QUERY_MAX_LENGTH}
            autoComplete="off"
            enterKeyHint="search"
            className="min-h-11 min-w-0 flex-1 rounded border border-gray-500 bg-paper px-3 text-base text-ink placeholder:text-muted sm:w-56 dark:border-gray-400"
          />
          <button type="submit" className="min-h-11 rounded bg-ink px-4 text-sm font-semibold text-paper hover:opacity-90">
            {text.t("search")}
          </button>
        </form>
      </div>
      <nav aria-label={text.t("sections")} className="mx-auto max-w-5xl">
        <ul className="flex overflow-x-auto whitespace-nowrap px-1 text-sm font-semibold uppercase tracking-wide [scrollbar-width:thin]">
          {sections.map((section) => (
            <li key={section.slug} className="shrink-0">
              <a href={text.path(`/${section.slug}`)} className="inline-flex min-h-11 items-center px-3 hover:text-accent">
                {section.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

export function SiteFooter({ siteName, socialLinks, text = ENGLISH_TEXT }: { siteName: string; socialLinks: SocialLinks; text?: ReaderText }) {
  const profiles = Object.entries(SOCIAL_LABELS).flatMap(([network, label]) => {
    const url = socialLinks[network as keyof SocialLinks];
    return url ? [{ network, label, url }] : [];
  });
  return (
    <footer className="mt-16 border-t border-gray-300 bg-white dark:border-gray-700 dark:bg-gray-950">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm text-muted">
        <p>
          © {new Date().getFullYear()} {siteName}
        </p>
        {profiles.length > 0 && (
          <nav aria-label={text.t("elsewhere", { site: siteName })}>
            <ul className="flex flex-wrap gap-x-1">
              {profiles.map((profile) => (
                <li key={profile.network}>
                  <a href={profile.url} rel="me noopener" aria-label={text.t("onNetwork", { site: siteName, network: profile.label })} className="inline-flex min-h-11 items-center px-2 underline">
                    {profile.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {/* A plain link: reader documents are rendered without client components (decision 0034). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the rule assumes a hydrating app */}
        <a href="/login" className="underline">
          {text.t("staffSignIn")}
        </a>
      </div>
    </footer>
  );
}
