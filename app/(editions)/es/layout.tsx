/**
 * The Spanish edition, under /es (docs/decisions/0029-language-editions.md): every route in this folder is the
 * default edition's route of the same path (app/(public)) rendered with the edition's code. Another shipped language
 * is another folder like this one. Without an "es" edition in the database, every page here is a 404.
 */
import type { ReactNode } from "react";
import { EditionLayout, editionLayoutMetadata } from "@/app/(public)/edition-layout";

export const generateMetadata = () => editionLayoutMetadata("es");

export default function SpanishLayout({ children }: { children: ReactNode }) {
  return <EditionLayout code="es">{children}</EditionLayout>;
}
