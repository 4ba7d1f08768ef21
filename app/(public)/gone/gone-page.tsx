/**
 * /gone, or an edition's /es/gone: what an article taken off the site says, in its edition's language, with the
 * status 410 Gone (proxy.ts sets it: pages cannot set one themselves). An article's own address answers the same
 * words from its route (app/(public)/missing-document.tsx). It sits in the edition's layout, so the reader keeps the
 * site's header, search and sections, and it is cached like the other public pages.
 */
import type { Metadata } from "next";
import { MissingPage } from "@/components/layout/missing-page";
import { loadEdition } from "@/lib/i18n/edition";
import { ENGLISH_TEXT } from "@/lib/i18n/reader-text";

/** `code`: the edition (null: the default one). Without that edition in the database, the default's words. */
const textOf = async (code: string | null) => (await loadEdition(code))?.text ?? ENGLISH_TEXT;

// Next marks a 4xx page noindex itself.
export async function goneMetadata(code: string | null): Promise<Metadata> {
  return { title: (await textOf(code)).t("goneTitle") };
}

export async function GonePage({ code }: { code: string | null }) {
  const text = await textOf(code);
  return <MissingPage title={text.t("goneTitle")} reason={text.t("goneReason")} text={text} />;
}
