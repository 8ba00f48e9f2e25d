/** The reply to a command that needs a linked account, from a chat that has none. */
export function linkFirstReply(appUrl: string): string {
  return [
    'This chat is not linked to a Plaza account yet, so I cannot do that.',
    `Link it first: sign in at ${appUrl}, choose "Link Telegram", and press the link it gives you. It opens this chat and links it.`,
  ].join('\n\n');
}
