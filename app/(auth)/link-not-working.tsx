/** What an invitation or reset link that cannot be used shows: one explanation, never which of the reasons it is. */
import Link from "next/link";

export function LinkNotWorking({ title, message, href, linkText }: { title: string; message: string; href: string; linkText: string }) {
  return (
    <>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-4 text-sm">{message}</p>
      <p className="mt-6 text-sm">
        <Link href={href} className="font-semibold underline">
          {linkText}
        </Link>
      </p>
    </>
  );
}
