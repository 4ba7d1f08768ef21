/** /: the default edition's front page (./home-page.tsx). */
import { HomePage, homeMetadata } from "./home-page";

export const revalidate = 3600;
export const generateMetadata = () => homeMetadata(null);

export default function Page() {
  return <HomePage code={null} />;
}
