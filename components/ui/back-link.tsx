/**
 * The link back to a list, above a detail page's heading: `<BackLink href="/admin/tags">All tags</BackLink>`.
 */
import Link from "next/link";
import type { ReactNode } from "react";

export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="text-sm">
      <Link href={href} className="underline">
        {children}
      </Link>
    </p>
  );
}
