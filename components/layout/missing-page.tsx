/** The body of a page that is not there (404) or no longer is (410): what happened, and where to go from here. */
import Link from "next/link";

export function MissingPage({ title, reason }: { title: string; reason: string }) {
  return (
    <div className="mx-auto max-w-2xl py-12 text-center">
      <h1 className="font-serif text-4xl font-bold">{title}</h1>
      <p className="mt-4 text-muted">{reason}</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold underline">
          Go to the front page
        </Link>
      </p>
    </div>
  );
}
