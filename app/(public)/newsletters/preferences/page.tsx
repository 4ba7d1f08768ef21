/** /newsletters/preferences?token=…: a reader's lists, from the signed link in every e-mail (no password). */
import type { Metadata } from "next";
import { ListChoices, listChoices } from "@/components/newsletters/list-choices";
import { InvalidLink, NewsletterNotice, PUBLIC_BUTTON } from "@/components/newsletters/notice";
import { getPreferences } from "@/lib/data/newsletters/subscribers";
import { listSections } from "@/lib/data/sections";

export const metadata: Metadata = { title: "Your newsletters", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_NOTE = {
  PENDING: "This address has not been confirmed yet: use the link in the confirmation e-mail first.",
  SUPPRESSED: "E-mail to this address was refused or reported as unwanted, so we no longer send any to it.",
} as const;

export default async function PreferencesPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const [preferences, sections] = await Promise.all([getPreferences(token), listSections()]);
  if (!preferences) return <InvalidLink what="preferences" />;
  const blocked = preferences.status === "PENDING" || preferences.status === "SUPPRESSED" ? STATUS_NOTE[preferences.status] : null;
  const message = params.confirmed ? "Your subscription is confirmed. Welcome!" : params.saved ? "Your choices are saved." : null;
  return (
    <NewsletterNotice title="Your newsletters">
      {message && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900 dark:bg-green-950 dark:text-green-100">
          {message}
        </p>
      )}
      <p>
        Newsletters sent to <strong>{preferences.email}</strong>.
        {preferences.status === "UNSUBSCRIBED" && " You are unsubscribed from all of them: choose any to come back."}
      </p>
      {blocked ? (
        <p>{blocked}</p>
      ) : (
        <form method="post" action="/api/newsletters/preferences" className="space-y-4">
          <input type="hidden" name="token" value={token} />
          <ListChoices idPrefix="preferences" choices={listChoices(sections)} checked={preferences.lists} legend="Send me" />
          <div className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="save" className={PUBLIC_BUTTON}>
              Save my choices
            </button>
            <button type="submit" name="intent" value="none" className="min-h-11 rounded border border-gray-500 px-4 font-semibold dark:border-gray-400">
              Unsubscribe from all
            </button>
          </div>
        </form>
      )}
    </NewsletterNotice>
  );
}
