/**
 * The newsletters' reader pages in one edition's language (decision 0029): /newsletters and its check-your-email
 * and confirm pages here, preferences and unsubscribe in ./subscription-pages.tsx. The default edition's routes
 * (app/(public)/newsletters) and a prefixed edition's (app/(editions)/es/newsletters) call them with their code.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listChoices, listEditionOf } from "@/components/newsletters/list-choices";
import { emphasize, InvalidLink, NewsletterNotice, PUBLIC_BUTTON } from "@/components/newsletters/notice";
import { SignUpForm } from "@/components/newsletters/sign-up-form";
import { getConfirmation } from "@/lib/data/newsletters/subscribers";
import { listSections } from "@/lib/data/sections";
import { loadEdition } from "@/lib/i18n/edition";
import type { MessageKey } from "@/lib/i18n/messages/en";
import { ENGLISH_TEXT } from "@/lib/i18n/reader-text";
import { editionList } from "@/lib/newsletters/lists";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The edition's text, or a 404 for an edition the site does not have. */
export async function newsletterText(code: string | null) {
  const context = await loadEdition(code);
  if (!context) notFound();
  return context.text;
}

/** A page's title in the edition's language; the pages reached from a signed link are not indexed. */
export async function newsletterMetadata(code: string | null, title: MessageKey, isIndexed = false): Promise<Metadata> {
  const text = (await loadEdition(code))?.text ?? ENGLISH_TEXT;
  return { title: text.t(title), ...(isIndexed ? {} : { robots: { index: false } }) };
}

/** /newsletters: every list of the edition, to sign up for (where the sign-up forms come back to when the address was not one). */
export async function NewslettersPage({ code, searchParams }: { code: string | null; searchParams: SearchParams }) {
  const [params, sections, text] = await Promise.all([searchParams, listSections(), newsletterText(code)]);
  const edition = listEditionOf(text);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="font-serif text-3xl font-bold">{text.t("nlTitle")}</h1>
      <p>{text.t("nlIntro")}</p>
      <SignUpForm
        source="page"
        heading={text.t("nlSignUpHeading")}
        // A prefixed edition's sections have no lists of their own yet.
        choices={listChoices(edition ? [] : sections, text, edition)}
        checked={[editionList("DIGEST", null, edition)]}
        error={params.error === "email" ? text.t("nlBadEmail") : undefined}
        text={text}
      />
    </div>
  );
}

/** Where every sign-up lands, whether the address was known, new, or over a limit: nothing here tells them apart. */
export async function CheckYourEmailPage({ code }: { code: string | null }) {
  const text = await newsletterText(code);
  return (
    <NewsletterNotice title={text.t("nlCheckTitle")}>
      <p>{text.t("nlCheckSent")}</p>
      <p>{text.t("nlCheckSpam")}</p>
    </NewsletterNotice>
  );
}

/**
 * The link in the confirmation e-mail. Opening it changes nothing (mail scanners open links); the button posts to
 * /api/newsletters/confirm, which confirms and goes on to the preferences page.
 */
export async function ConfirmPage({ code, searchParams }: { code: string | null; searchParams: SearchParams }) {
  const [{ token }, text] = await Promise.all([searchParams, newsletterText(code)]);
  const confirmation = typeof token === "string" ? await getConfirmation(token) : null;
  if (!confirmation) return <InvalidLink what="confirmation" text={text} />;
  return (
    <NewsletterNotice title={text.t("nlConfirmTitle")}>
      <p>{emphasize(text, "nlConfirmAsk", confirmation.email)}</p>
      <form method="post" action="/api/newsletters/confirm">
        <input type="hidden" name="token" value={token as string} />
        {code && <input type="hidden" name="language" value={code} />}
        <button type="submit" className={PUBLIC_BUTTON}>
          {text.t("nlConfirmButton")}
        </button>
      </form>
    </NewsletterNotice>
  );
}
