/** /newsletters: every list, to sign up for (where the sign-up forms come back to when the address was not one). */
import type { Metadata } from "next";
import { listChoices } from "@/components/newsletters/list-choices";
import { SignUpForm } from "@/components/newsletters/sign-up-form";
import { listSections } from "@/lib/data/sections";

export const metadata: Metadata = { title: "Newsletters" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewslettersPage({ searchParams }: Props) {
  const [params, sections] = await Promise.all([searchParams, listSections()]);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="font-serif text-3xl font-bold">Newsletters</h1>
      <p>The news in your inbox: choose what you want to receive. We never track whether you open or click.</p>
      <SignUpForm
        source="page"
        heading="Sign up"
        choices={listChoices(sections)}
        checked={["DIGEST"]}
        error={params.error === "email" ? "Enter a valid e-mail address, such as ana@example.com." : undefined}
      />
    </div>
  );
}
