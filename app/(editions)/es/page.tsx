/** /es: the Spanish edition's front page. */
import { HomePage, homeMetadata } from "@/app/(public)/home-page";

export const revalidate = 3600;
export const generateMetadata = () => homeMetadata("es");

export default function Page() {
  return <HomePage code="es" />;
}
