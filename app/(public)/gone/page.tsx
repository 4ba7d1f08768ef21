/** /gone: the page of every unpublished article's address in the default edition (./gone-page.tsx). */
import { GonePage, goneMetadata } from "./gone-page";

export const revalidate = 3600;
export const generateMetadata = () => goneMetadata(null);

export default function Page() {
  return <GonePage code={null} />;
}
