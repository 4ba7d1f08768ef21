/** Where every sign-up lands, whether the address was known, new, or over a limit: nothing here tells them apart. */
import type { Metadata } from "next";
import { NewsletterNotice } from "@/components/newsletters/notice";

export const metadata: Metadata = { title: "Check your e-mail", robots: { index: false } };

export default function CheckYourEmailPage() {
  return (
    <NewsletterNotice title="Check your e-mail">
      <p>If the address can receive our newsletters, a message with a confirmation link is on its way to it. Open it and confirm: nothing is sent to you before that.</p>
      <p>The link works for 48 hours. Nothing arrived? Look in your spam folder, or sign up again in a few minutes.</p>
    </NewsletterNotice>
  );
}
