'use client';
import { expectOk } from '@plaza/api-client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { renderSVG } from 'uqr';
import { api } from '../api.ts';
import { Loading } from '../ui/loading.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { useAction } from '../ui/use-action.ts';
import styles from './account.module.css';
import { expiryText, isExpired } from './expiry.ts';
import { startCommand, telegramName, telegramStatusText, type TelegramLinkStart, type TelegramLinkStatus } from './telegram-status.ts';
import { useNow } from './use-now.ts';
import { usePoll } from './use-poll.ts';

const readStatus = () => expectOk(api.GET('/v1/telegram/link'));

/** The Telegram link of the signed-in member: its status and settings, or linking a chat. */
export function TelegramLink() {
  const [status, setStatus] = useState<TelegramLinkStatus>();
  // Stable, so the first read runs once (an inline action would change every render and read again).
  const read = useCallback(async () => setStatus(await readStatus()), []);
  const load = useAction(read);
  const { act: loadStatus } = load;
  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  if (!status) return load.error ? <><ProblemMessage error={load.error} /><button type="button" onClick={() => void load.act()}>Try again</button></> : <Loading label="Loading your Telegram link…" />;
  return status.linked ? <Linked status={status} onChange={setStatus} /> : <NotLinked status={status} onLinked={setStatus} />;
}

function Linked({ status, onChange }: { status: TelegramLinkStatus; onChange: (status: TelegramLinkStatus) => void }) {
  const notifications = useAction(async (on: boolean) => onChange(await expectOk(api.PATCH('/v1/telegram/link', { body: { notifications: on } }))));
  const unlink = useAction(async () => {
    await expectOk(api.DELETE('/v1/telegram/link'));
    onChange(await readStatus());
  });
  return (
    <section className={`card ${styles.section}`} aria-labelledby="telegram-linked-heading">
      <h2 id="telegram-linked-heading">Linked</h2>
      <p>
        <strong data-testid="telegram-status">{telegramStatusText(status)}</strong>
        {status.linkedAt ? <span className="muted"> since {new Date(status.linkedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</span> : null}
      </p>
      <label className={styles.toggle}>
        <input type="checkbox" checked={status.notifications === true} disabled={notifications.busy} onChange={(event) => void notifications.act(event.target.checked)} />
        Send my notifications to Telegram
      </label>
      <p className="hint">{status.notifications ? 'New notifications arrive in your chat with the bot.' : 'Notifications stay in Plaza only.'} The bot&apos;s /notify on and /notify off do the same.</p>
      <ProblemMessage error={notifications.error} />
      <div className="actions">
        <button type="button" className="secondary" disabled={unlink.busy} onClick={() => void unlink.act()}>{unlink.busy ? 'Unlinking…' : `Unlink ${telegramName(status)}`}</button>
      </div>
      <ProblemMessage error={unlink.error} />
    </section>
  );
}

function NotLinked({ status, onLinked }: { status: TelegramLinkStatus; onLinked: (status: TelegramLinkStatus) => void }) {
  const [start, setStart] = useState<TelegramLinkStart>();
  const begin = useAction(async () => setStart(await expectOk(api.POST('/v1/telegram/link'))));
  const now = useNow(start !== undefined);
  const expired = start ? isExpired(start.expiresAt, now) : false;
  const [pollError, setPollError] = useState<unknown>();
  const poll = useCallback(async () => {
    try {
      const latest = await readStatus();
      setPollError(undefined);
      if (latest.linked) onLinked(latest);
    } catch (error) {
      setPollError(error);
      throw error;
    }
  }, [onLinked]);
  usePoll(start !== undefined && !expired, poll);

  return (
    <section className={`card ${styles.section}`} aria-labelledby="telegram-link-heading">
      <h2 id="telegram-link-heading">Link Telegram</h2>
      <p><strong data-testid="telegram-status">{telegramStatusText(status)}</strong></p>
      <p>Link a Telegram chat to get your notifications there and use the bot&apos;s /me and /weather.</p>
      {start && !expired ? (
        <LinkInstructions start={start} now={now} />
      ) : (
        <>
          {start && expired ? <p role="status">That link expired before it was used. Get a new one.</p> : null}
          <div className="actions">
            <button type="button" disabled={begin.busy} onClick={() => void begin.act()}>{begin.busy ? 'One moment…' : start ? 'Get a new link' : 'Link Telegram'}</button>
          </div>
        </>
      )}
      <ProblemMessage error={begin.error} />
      {start && !expired && pollError ? <ProblemMessage error={pollError} /> : null}
    </section>
  );
}

function LinkInstructions({ start, now }: { start: TelegramLinkStart; now: number }) {
  const svg = useMemo(() => renderSVG(start.deepLink), [start.deepLink]);
  const command = startCommand(start.token);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className={styles.linking}>
      <p>Open the bot in Telegram and press <strong>Start</strong>. This page updates by itself once the chat is linked.</p>
      <div className="actions">
        <a className="button" href={start.deepLink} target="_blank" rel="noopener noreferrer">Open Telegram</a>
      </div>
      <p className="muted">On another device? Scan this code with your phone&apos;s camera:</p>
      <div className="qr" role="img" aria-label="QR code of the link" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="muted">Or send this message to the bot yourself:</p>
      <div className={styles.token}>
        <code aria-label="Command to send to the bot">{command}</code>
        <button type="button" className="secondary" onClick={() => void copy()}>Copy</button>
        <span role="status">{copied ? 'Copied' : ''}</span>
      </div>
      <p className="hint">
        Token <code>{start.token}</code>, valid once. <span>{expiryText(start.expiresAt, now)}</span> (until {new Date(start.expiresAt).toLocaleTimeString(undefined, { timeStyle: 'short' })}).
      </p>
      <Loading label="Waiting for Telegram…" />
    </div>
  );
}
