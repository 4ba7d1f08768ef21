/** The newsroom's account emails: plain text, short, and saying when the link stops working. */
const ROLE_LABEL = { ADMIN: "an admin", EDITOR: "an editor", JOURNALIST: "a journalist" } as const;

export function invitationMessage(options: { to: string; link: string; role: keyof typeof ROLE_LABEL; invitedBy: string; siteName: string; expiresAt: Date }) {
  return {
    to: options.to,
    subject: `You are invited to join ${options.siteName}`,
    text: [
      `${options.invitedBy} invited you to join the ${options.siteName} newsroom as ${ROLE_LABEL[options.role]}.`,
      "",
      "Choose your name and password here:",
      options.link,
      "",
      `The link works once and expires on ${options.expiresAt.toUTCString()}.`,
      "If you were not expecting this, ignore this email.",
    ].join("\n"),
  };
}

export function passwordResetMessage(options: { to: string; link: string; siteName: string; expiresAt: Date; issuedByAdmin: boolean }) {
  return {
    to: options.to,
    subject: `Reset your ${options.siteName} password`,
    text: [
      options.issuedByAdmin
        ? `An admin of ${options.siteName} issued a link for you to set a new password.`
        : `Someone (hopefully you) asked to reset the password of your ${options.siteName} account.`,
      "",
      "Set a new password here:",
      options.link,
      "",
      `The link works once and expires on ${options.expiresAt.toUTCString()}.`,
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ].join("\n"),
  };
}
