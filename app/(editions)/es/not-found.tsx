/** The Spanish edition's 404, in Spanish, inside its layout. */
import type { Metadata } from "next";
import { MissingPage } from "@/components/layout/missing-page";
import { loadEdition } from "@/lib/i18n/edition";
import { ENGLISH_TEXT } from "@/lib/i18n/reader-text";

export async function generateMetadata(): Promise<Metadata> {
  const text = (await loadEdition("es"))?.text ?? ENGLISH_TEXT;
  return { title: text.t("notFoundTitle") };
}

export default async function NotFound() {
  const text = (await loadEdition("es"))?.text ?? ENGLISH_TEXT;
  return <MissingPage title={text.t("notFoundTitle")} reason={text.t("notFoundReason")} text={text} />;
}
