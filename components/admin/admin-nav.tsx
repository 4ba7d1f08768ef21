"use client";
/** The admin area's sub-navigation; the current page is marked with aria-current for assistive technology. */
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  ["/admin/users", "Staff"],
  ["/admin/invitations", "Invitations"],
  ["/admin/sections", "Sections"],
  ["/admin/tags", "Tags"],
  ["/admin/editions", "Editions"],
  ["/admin/settings", "Settings"],
  ["/admin/api", "Content API"],
  ["/admin/subscribers", "Subscribers"],
  ["/admin/audit", "Audit log"],
] as const;

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="border-b border-gray-300 bg-gray-50">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4 text-sm">
        {LINKS.map(([href, label]) => {
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 ${current ? "border-ink font-semibold" : "border-transparent text-gray-700 hover:border-gray-400"}`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
