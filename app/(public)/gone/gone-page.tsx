/**
 * What the address of an article taken off the site shows, in its edition's language: proxy.ts answers such an
 * address with this page (/gone, or an edition's /es/gone) and the status 410 Gone (a rewrite with a status: pages
 * cannot set one themselves). It sits in the edition's layout, so the reader keeps the site's header, search and
 * sections, and it is cached like the other public pages.
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
