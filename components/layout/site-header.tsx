import Link from "next/link";

type Props = { siteName: string; sections: { name: string; slug: string }[] };

export function SiteHeader({ siteName, sections }: Props) {
  return (
    <header className="border-b border-gray-300 bg-white dark:border-gray-700 dark:bg-gray-950">
      <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-4 px-4 py-4">
        <Link href="/" className="font-serif text-3xl font-bold tracking-tight">
          {siteName}
        </Link>
        <nav aria-label="Sections">
          <ul className="flex flex-wrap gap-4 text-sm font-semibold uppercase tracking-wide">
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={`/${section.slug}`} className="hover:text-accent">
                  {section.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="mt-16 border-t border-gray-300 bg-white dark:border-gray-700 dark:bg-gray-950">
      <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-muted">
        <p>
          © {new Date().getFullYear()} {siteName}
        </p>
        <Link href="/login" className="underline">
          Staff sign-in
        </Link>
      </div>
    </footer>
  );
}
