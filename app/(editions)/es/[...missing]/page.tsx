/** Every address under /es that no other route takes: the Spanish edition's 404. Rendered per request. */
import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

export default function CatchAllPage() {
  notFound();
}
