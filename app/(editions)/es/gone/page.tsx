/** /es/gone: the page of every unpublished Spanish article's address, in Spanish, answered with 410 (proxy.ts). */
import { GonePage, goneMetadata } from "@/app/(public)/gone/gone-page";

export const revalidate = 3600;
export const generateMetadata = () => goneMetadata("es");

export default function Page() {
  return <GonePage code="es" />;
}
