/** A newsletter page's message: a heading, what happened, and what the reader can do next, in the page's language. */
import type { ReactNode } from "react";
import Link from "next/link";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

export function NewsletterNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

export const PUBLIC_BUTTON = "min-h-11 rounded bg-accent px-4 font-semibold text-paper hover:opacity-90";

const MARK = "\u0001";

/** A catalog sentence with the reader's address in bold wherever the sentence puts it ({email}). */
export function emphasize(text: ReaderText, key: Parameters<ReaderText["t"]>[0], email: string, values: Record<string, string> = {}): ReactNode {
  const parts = text.t(key, { ...values, email: MARK }).split(MARK);
  return parts.flatMap((part, i) => (i === 0 ? [part] : [<strong key={i}>{email}</strong>, part]));
}

/** Shown for a link that is forged, expired, used up, or of an erased subscriber: all the same to the reader. */
export function InvalidLink({ what, text = ENGLISH_TEXT }: { what: "confirmation" | "preferences" | "unsubscribe"; text?: ReaderText }) {
  return (
    <NewsletterNotice title={text.t("nlInvalidTitle")}>
      <p>{text.t("nlInvalidBody", { what })}</p>
      <p>
        <Link href={text.path("/newsletters")} className="underline">
          {text.t("nlTitle")}
        </Link>
      </p>
    </NewsletterNotice>
  );
}
