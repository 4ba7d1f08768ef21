/** A newsletter page's message: a heading, what happened, and what the reader can do next. */
import type { ReactNode } from "react";
import Link from "next/link";

export function NewsletterNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

export const PUBLIC_BUTTON = "min-h-11 rounded bg-accent px-4 font-semibold text-paper hover:opacity-90";

/** Shown for a link that is forged, expired, used up, or of an erased subscriber: all the same to the reader. */
export function InvalidLink({ what }: { what: string }) {
  return (
    <NewsletterNotice title="This link does not work">
      <p>
        This {what} link is not valid any more: it may have expired or already been used. Sign up again below, or use the link in a more recent
        e-mail from us.
      </p>
      <p>
        <Link href="/newsletters" className="underline">
          Newsletters
        </Link>
      </p>
    </NewsletterNotice>
  );
}
