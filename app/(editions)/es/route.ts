/** /es: the Spanish edition's front page (app/(public)/home-document.tsx). */
import { homeResponse } from "@/app/(public)/home-document";

export const dynamic = "force-static";
export const revalidate = 3600;

export async function GET() {
  return homeResponse("es");
}
