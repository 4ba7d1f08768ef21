/**
 * /newsletters/unsubscribe?token=…: the "Unsubscribe" link in every e-mail's footer. It asks first (link checkers
 * open links); the button posts to /api/newsletters/unsubscribe, the same endpoint as the one-click header. It
 * leaves the list the e-mail came from (every list for a link that names none); the preferences page leaves all.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { InvalidLink, NewsletterNotice, PUBLIC_BUTTON } from "@/components/newsletters/notice";
import { getUnsubscribe } from "@/lib/data/newsletters/subscribers";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UnsubscribePage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const subscriber = await getUnsubscribe(token);
  if (!subscriber) return <InvalidLink what="unsubscribe" />;
  const preferencesLink = (
    <Link href={subscriber.preferencesPath} className="underline">
      Choose your newsletters
    </Link>
  );
  if (params.done || !subscriber.isSubscribed) {
    return (
      <NewsletterNotice title="You are unsubscribed">
        <p role="status">
          {subscriber.listName ? (
            <>
              You will no longer receive {subscriber.listName} at <strong>{subscriber.email}</strong>.
            </>
          ) : (
            <>
              We will send no more newsletters to <strong>{subscriber.email}</strong>.
            </>
          )}
        </p>
        <p>{subscriber.listName ? "Changed your mind, or want to leave every list?" : "Changed your mind?"} {preferencesLink}.</p>
      </NewsletterNotice>
    );
  }
  return (
    <NewsletterNotice title="Unsubscribe">
      <p>
        {subscriber.listName ? `Stop ${subscriber.listName} to ` : "Stop all newsletters to "}
        <strong>{subscriber.email}</strong>?
      </p>
      <form method="post" action={`/api/newsletters/unsubscribe?token=${encodeURIComponent(token)}`}>
        <button type="submit" className={PUBLIC_BUTTON}>
          Unsubscribe
        </button>
      </form>
      <p>{subscriber.listName ? "Or leave every list, or choose which to keep:" : "Or keep some of them:"} {preferencesLink}.</p>
    </NewsletterNotice>
  );
}
