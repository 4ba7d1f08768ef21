import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-20 text-center">
      <h1 className="font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 text-muted">The page you asked for does not exist, or it has moved.</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold underline">
          Go to the front page
        </Link>
      </p>
    </main>
  );
}
