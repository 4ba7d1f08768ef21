/**
 * /dashboard/profile: every staff member's own profile (name, bio, avatar), which feeds their public author page,
 * notification e-mails on or off, their password, and "Sign out everywhere".
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/form-message";
import { PageSection } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/data/users/profile";
import { getEnv } from "@/lib/env";
import { signOutEverywhereAction } from "./actions";
import { NotificationSettingsForm, PasswordForm, ProfileForm } from "./profile-forms";

export const metadata: Metadata = { title: "Your profile" };

type Props = { searchParams: Promise<{ password?: string }> };

export default async function ProfilePage({ searchParams }: Props) {
  const user = await requirePermission("profile:update:own", "/dashboard/profile");
  const [profile, { password }] = await Promise.all([getOwnProfile(user), searchParams]);
  return (
    <>
      <h1 className="text-2xl font-bold">Your profile</h1>
      <p className="mt-2 text-sm text-muted">
        Signed in as {profile.email}. Once you have a published article, readers find this on{" "}
        <Link href={`/author/${profile.slug}`} className="underline">
          your author page
        </Link>
        .
      </p>
      {password === "changed" && (
        <Notice tone="success" className="mt-4">
          Your password was changed. Every other session of your account was signed out.
        </Notice>
      )}
      <div className="mt-8 grid gap-10 lg:grid-cols-2">
        <PageSection id="profile" title="Public profile">
          <ProfileForm profile={profile} />
        </PageSection>
        <PageSection id="notifications" title="Notifications" description="Every notification is listed under Notifications in the header; e-mail is a copy.">
          <NotificationSettingsForm emailNotifications={profile.emailNotifications} canMail={getEnv().smtpUrl !== null} />
        </PageSection>
        <PageSection id="password" title="Password" description="Changing it signs you out everywhere else.">
          <PasswordForm />
        </PageSection>
        <PageSection id="sessions" title="Sessions" description="Signed in somewhere you no longer use, or on a computer that is not yours? End every session of your account, this one included.">
          <ActionButton action={signOutEverywhereAction} fields={{ confirm: "everywhere" }} variant="danger">
            Sign out everywhere
          </ActionButton>
        </PageSection>
      </div>
    </>
  );
}
