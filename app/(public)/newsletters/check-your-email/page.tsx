/** /newsletters/check-your-email: where every sign-up lands (../newsletter-pages.tsx). */
import { CheckYourEmailPage, newsletterMetadata } from "../newsletter-pages";

export const generateMetadata = () => newsletterMetadata(null, "nlCheckTitle");

export default function Page() {
  return <CheckYourEmailPage code={null} />;
}
