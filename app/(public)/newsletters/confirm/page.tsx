/**
 * /newsletters/confirm?token=…: the link in the confirmation e-mail. Opening it changes nothing (mail scanners open
 * links); the button posts to /api/newsletters/confirm, which confirms and goes on to the preferences page.
 */
import type { Metadata } from "next";
import { InvalidLink, NewsletterNotice, PUBLIC_BUTTON } from "@/components/newsletters/notice";
import { getConfirmation } from "@/lib/data/newsletters/subscribers";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConfirmPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const confirmation = typeof token === "string" ? await getConfirmation(token) : null;
  if (!confirmation) return <InvalidLink what="confirmation" />;
  return (
    <NewsletterNotice title="Confirm your subscription">
      <p>
        Confirm that <strong>{confirmation.email}</strong> should receive the newsletters you chose.
      </p>
      <form method="post" action="/api/newsletters/confirm">
        <input type="hidden" name="token" value={token as string} />
        <button type="submit" className={PUBLIC_BUTTON}>
          Confirm my subscription
        </button>
      </form>
    </NewsletterNotice>
  );
}
