import type { ReactNode } from "react";
import { EditionLayout, editionLayoutMetadata } from "./edition-layout";

export const generateMetadata = () => editionLayoutMetadata(null);

export default function PublicLayout({ children }: { children: ReactNode }) {
  return <EditionLayout code={null}>{children}</EditionLayout>;
}
