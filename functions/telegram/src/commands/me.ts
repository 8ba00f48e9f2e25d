import { defineCommand } from './bot-command.ts';

/** `/me`: the linked profile (identity's), and what this chat is set to. */
export const meCommand = defineCommand({
  command: 'me',
  description: 'Show the Plaza profile this chat is linked to',
  needsLink: true,
  async handle({ ctx, link, deps }) {
    const profile = await deps.readProfile(link.uid);
    const lines = profile
      ? [
          `You are ${profile.displayName ?? 'a Plaza member without a display name'}${profile.username ? ` (@${profile.username} on Plaza)` : ''}.`,
          ...(profile.bio ? [`Bio: ${profile.bio}`] : []),
          `Member since ${profile.createdAt.slice(0, 10)}.`,
        ]
      : ['Your Plaza profile is not set up yet: sign in on the dashboard once to create it.'];
    lines.push(
      `Notifications here: ${link.notifications ? 'on (/notify off stops them)' : 'off (/notify on starts them)'}.`,
      link.location
        ? `Weather location: ${link.location.lat.toFixed(2)}, ${link.location.lon.toFixed(2)} (/location changes it).`
        : 'Weather location: not set, so /weather reports the default city (/location sets it).',
    );
    await ctx.reply(lines.join('\n'));
  },
});
