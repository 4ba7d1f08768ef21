/**
 * The pages a subscriber reaches from the signed links in every e-mail, in one edition's language (decision 0029):
 * their preferences, and unsubscribing. Which edition's page a link opens is the e-mail's language.
 */
import Link from "next/link";
import { ListChoices, listChoices, listEditionOf, type ListChoice } from "@/components/newsletters/list-choices";
import { emphasize, InvalidLink, NewsletterNotice, PUBLIC_BUTTON } from "@/components/newsletters/notice";
import { listEditions, type EditionInfo } from "@/lib/data/editions";
import { getPreferences, getUnsubscribe } from "@/lib/data/newsletters/subscribers";
import { listSections } from "@/lib/data/sections";
import { readerText } from "@/lib/i18n/reader-text";
import { parseListKey } from "@/lib/newsletters/lists";
import { newsletterText, type SearchParams } from "./newsletter-pages";

const token = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * The reader's lists of other editions, beside this edition's choices, so that saving here keeps them: each named
 * in its own language, with the edition's name.
 */
function otherLists(lists: string[], shown: ListChoice[], sections: { id: string; name: string }[], editions: EditionInfo[]): ListChoice[] {
  return lists.flatMap((key) => {
    const list = parseListKey(key);
    const edition = list && editions.find((e) => (list.edition ? e.id === list.edition && !e.isDefault : e.isDefault));
    if (!list || !edition || shown.some((c) => c.value === key)) return [];
    const section = sections.filter((s) => s.id === list.sectionId);
    const choice = listChoices(section, readerText(edition), list.edition).find((c) => c.value === key);
    return choice ? [{ ...choice, label: `${choice.label} (${edition.name})` }] : [];
  });
}

/** A reader's lists, from the signed link in every e-mail (no password). */
export async function PreferencesPage({ code, searchParams }: { code: string | null; searchParams: SearchParams }) {
  const [params, text] = await Promise.all([searchParams, newsletterText(code)]);
  const [preferences, sections, editions] = await Promise.all([getPreferences(token(params.token)), listSections(), listEditions()]);
  if (!preferences) return <InvalidLink what="preferences" text={text} />;
  const edition = listEditionOf(text);
  const choices = listChoices(edition ? [] : sections, text, edition);
  const blocked = preferences.status === "PENDING" ? text.t("nlPending") : preferences.status === "SUPPRESSED" ? text.t("nlSuppressed") : null;
  const message = params.confirmed ? text.t("nlConfirmed") : params.saved ? text.t("nlSaved") : null;
  return (
    <NewsletterNotice title={text.t("nlPreferencesTitle")}>
      {message && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900 dark:bg-green-950 dark:text-green-100">
          {message}
        </p>
      )}
      <p>
        {emphasize(text, "nlSentTo", preferences.email)}
        {preferences.status === "UNSUBSCRIBED" && ` ${text.t("nlUnsubscribedAll")}`}
      </p>
      {blocked ? (
        <p>{blocked}</p>
      ) : (
        <form method="post" action="/api/newsletters/preferences" className="space-y-4">
          <input type="hidden" name="token" value={token(params.token)} />
          {code && <input type="hidden" name="language" value={code} />}
          <ListChoices idPrefix="preferences" choices={[...choices, ...otherLists(preferences.lists, choices, sections, editions)]} checked={preferences.lists} legend={text.t("nlSendMe")} />
          <div className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="save" className={PUBLIC_BUTTON}>
              {text.t("nlSave")}
            </button>
            <button type="submit" name="intent" value="none" className="min-h-11 rounded border border-gray-500 px-4 font-semibold dark:border-gray-400">
              {text.t("nlUnsubscribeAll")}
            </button>
          </div>
        </form>
      )}
    </NewsletterNotice>
  );
}

/**
 * The "Unsubscribe" link in every e-mail's footer. It asks first (link checkers open links); the button posts to
 * /api/newsletters/unsubscribe, the same endpoint as the one-click header. It leaves the list the e-mail came from
 * (every list for a link that names none); the preferences page leaves all.
 */
export async function UnsubscribePage({ code, searchParams }: { code: string | null; searchParams: SearchParams }) {
  const [params, text] = await Promise.all([searchParams, newsletterText(code)]);
  const subscriber = await getUnsubscribe(token(params.token));
  if (!subscriber) return <InvalidLink what="unsubscribe" text={text} />;
  const list: Record<string, string> = subscriber.listName ? { list: subscriber.listName } : {};
  const preferencesLink = (
    <Link href={subscriber.preferencesPath} className="underline">
      {text.t("nlChoose")}
    </Link>
  );
  if (params.done || !subscriber.isSubscribed) {
    return (
      <NewsletterNotice title={text.t("nlUnsubscribedTitle")}>
        <p role="status">{emphasize(text, subscriber.listName ? "nlNoMoreList" : "nlNoMoreAll", subscriber.email, list)}</p>
        <p>
          {text.t(subscriber.listName ? "nlChangedMindList" : "nlChangedMind")} {preferencesLink}.
        </p>
      </NewsletterNotice>
    );
  }
  return (
    <NewsletterNotice title={text.t("nlUnsubscribeTitle")}>
      <p>{emphasize(text, subscriber.listName ? "nlStopList" : "nlStopAll", subscriber.email, list)}</p>
      <form method="post" action={`/api/newsletters/unsubscribe?token=${encodeURIComponent(token(params.token))}`}>
        {code && <input type="hidden" name="language" value={code} />}
        <button type="submit" className={PUBLIC_BUTTON}>
          {text.t("nlUnsubscribe")}
        </button>
      </form>
      <p>
        {text.t(subscriber.listName ? "nlOrLeaveAll" : "nlOrKeepSome")} {preferencesLink}.
      </p>
    </NewsletterNotice>
  );
}
