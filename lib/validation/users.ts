/**
 * Zod schemas for staff accounts: the admin's user actions and invitations, and the forms every person uses for
 * their own account (accept an invitation, reset or change a password, edit the profile). The password rules come
 * from lib/auth/password.ts; the data layer checks them again with the person's email and name.
 */
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { passwordProblem } from "@/lib/auth/password";
import { OptionalUrlSchema } from "./admin";

const ROLES = ["ADMIN", "EDITOR", "JOURNALIST"] as const;

export const UserStatusChangeSchema = z.object({
  userId: z.string().min(1, "Choose a user").max(64),
  status: z.enum(["ACTIVE", "DEACTIVATED"], { error: "Choose Activate or Deactivate" }),
});
export type UserStatusChange = z.infer<typeof UserStatusChangeSchema>;

export const UserRoleChangeSchema = z.object({
  userId: z.string().min(1, "Choose a user").max(64),
  role: z.enum(ROLES, { error: "Choose Admin, Editor or Journalist" }),
});
export type UserRoleChange = z.infer<typeof UserRoleChangeSchema>;

export const UserIdSchema = z.object({ userId: z.string().min(1, "Choose a user").max(64) });

/** "Sign out everywhere" names what it does, so a stray or hand-made call with anything else is refused. */
export const SignOutEverywhereSchema = z.object({ confirm: z.literal("everywhere", "Press “Sign out everywhere” to end every session.") });

const blankToUndefined = (v: unknown) => (v === "" || v === null || Array.isArray(v) ? undefined : v);

/** The staff list's query string (?q=&role=&status=); anything unknown is ignored rather than an error. */
export const UserListQuerySchema = z.object({
  q: z.preprocess(blankToUndefined, text().max(200).optional()).catch(undefined),
  role: z.preprocess(blankToUndefined, z.enum(ROLES).optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(["ACTIVE", "INVITED", "DEACTIVATED"]).optional()).catch(undefined),
});

export const EmailSchema = text({ error: "Enter an email address" })
  .toLowerCase()
  .min(1, "Enter an email address")
  .max(320, "Use at most 320 characters")
  .pipe(z.email({ error: "Enter an email address such as name@example.com" }));

export const InvitationInputSchema = z.object({
  email: EmailSchema,
  role: z.enum(ROLES, { error: "Choose Admin, Editor or Journalist" }),
});
export type InvitationInput = z.infer<typeof InvitationInputSchema>;

export const InvitationIdSchema = z.object({ invitationId: z.string().min(1, "Choose an invitation").max(64) });

/** A new password: the policy without the person's identity (the data layer adds that). */
export const NewPasswordSchema = z.string({ error: "Enter a password" }).superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const PersonNameSchema = text({ error: "Enter your name" }).min(2, "Enter your name as readers should see it").max(80, "Use at most 80 characters");

function confirmMatches(value: { password: string; confirmPassword: string }, ctx: z.RefinementCtx) {
  if (value.password !== value.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two passwords are not the same" });
}

const TokenSchema = z.string().min(1).max(200);

export const AcceptInvitationSchema = z
  .object({ token: TokenSchema, name: PersonNameSchema, password: NewPasswordSchema, confirmPassword: z.string() })
  .superRefine(confirmMatches);

export const PasswordResetRequestSchema = z.object({ email: EmailSchema });

export const PasswordResetSchema = z
  .object({ token: TokenSchema, password: NewPasswordSchema, confirmPassword: z.string() })
  .superRefine(confirmMatches);

export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1024),
    password: NewPasswordSchema,
    confirmPassword: z.string(),
  })
  .superRefine(confirmMatches);

export const ProfileInputSchema = z.object({
  name: PersonNameSchema,
  bio: text().max(1000, "Use at most 1,000 characters"),
  avatarUrl: OptionalUrlSchema,
});
export type ProfileInput = z.infer<typeof ProfileInputSchema>;
