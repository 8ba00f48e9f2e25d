'use client';
import { ApiProblem, expectOk } from '@plaza/api-client';
import { bioMaxLength, displayNameMaxLength } from '@plaza/contracts';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useMe, useSession } from '../session/session-context.tsx';
import { Field } from '../ui/field.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { useAction } from '../ui/use-action.ts';
import styles from './account.module.css';
import { fieldErrors, isAboutFields } from './field-errors.ts';
import { bioCounter, hasChanges, profileChanges, profileForm, type ProfileForm } from './profile-changes.ts';
import { usernameCheckText } from './username-check.ts';
import { useUsernameCheck } from './use-username-check.ts';

const fieldPaths = ['body.username', 'body.displayName', 'body.avatarUrl', 'body.bio'] as const;

/** Username (checked live), display name, avatar and bio, saved with `PATCH /v1/me/profile`. */
export function ProfileSection() {
  const me = useMe();
  const { refresh } = useSession();
  const [form, setForm] = useState<ProfileForm>(() => profileForm(me));
  const [saved, setSaved] = useState(false);
  const check = useUsernameCheck(form.username, me.username);
  const checkLine = usernameCheckText(check);
  const changes = profileChanges(me, form);
  const bio = bioCounter(form.bio, bioMaxLength);
  const bioId = useId();

  const { act, busy, error } = useAction(async () => {
    const updated = await expectOk(api.PATCH('/v1/me/profile', { body: changes }));
    setForm(profileForm(updated));
    await refresh();
    setSaved(true);
  });

  const edit = (name: keyof ProfileForm) => (event: { target: { value: string } }) => {
    setSaved(false);
    setForm((previous) => ({ ...previous, [name]: event.target.value }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (hasChanges(changes)) void act();
  };

  const taken = error instanceof ApiProblem && error.code === 'username_taken' ? (error.detail ?? error.title) : undefined;
  const usernameError = fieldErrors(error, 'body.username') ?? taken;
  const blocked = check.status === 'invalid' || check.status === 'unavailable' || bio.over;
  return (
    <section className={`card ${styles.section}`} aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <form onSubmit={onSubmit} aria-labelledby="profile-heading" noValidate>
        <Field
          label="Username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={form.username}
          onChange={edit('username')}
          error={usernameError}
          aria-invalid={usernameError || checkLine?.error ? true : undefined}
          hint={
            <>
              3 to 20 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.
              <span aria-live="polite" className={checkLine?.error ? `field-error ${styles.checkLine}` : styles.checkLine}>
                {checkLine?.text}
              </span>
            </>
          }
        />
        <Field
          label="Display name"
          name="displayName"
          autoComplete="name"
          maxLength={displayNameMaxLength}
          value={form.displayName}
          onChange={edit('displayName')}
          hint="How your name appears to others. Leave it empty to show your username."
          error={fieldErrors(error, 'body.displayName')}
        />
        <Field
          label="Avatar URL"
          name="avatarUrl"
          type="url"
          inputMode="url"
          autoComplete="photo"
          placeholder="https://…"
          value={form.avatarUrl}
          onChange={edit('avatarUrl')}
          hint="An https:// link to an image. Leave it empty for none."
          error={fieldErrors(error, 'body.avatarUrl')}
        />
        <div className={styles.textField}>
          <label htmlFor={bioId}>Bio</label>
          <textarea
            id={bioId}
            name="bio"
            rows={3}
            value={form.bio}
            onChange={edit('bio')}
            aria-invalid={bio.over || fieldErrors(error, 'body.bio') ? true : undefined}
            aria-describedby={`${bioId}-count${fieldErrors(error, 'body.bio') ? ` ${bioId}-error` : ''}`}
          />
          <div id={`${bioId}-count`} className={bio.over ? `hint ${styles.over}` : 'hint'}>{bio.text}</div>
          {fieldErrors(error, 'body.bio') ? <div id={`${bioId}-error`} className="field-error">{fieldErrors(error, 'body.bio')}</div> : null}
        </div>
        <ProblemMessage error={usernameError || isAboutFields(error, fieldPaths) ? undefined : error} />
        <div className="actions">
          <button type="submit" disabled={busy || blocked || !hasChanges(changes)}>{busy ? 'Saving…' : 'Save profile'}</button>
          <span role="status" className={saved ? 'ok' : undefined}>{saved ? 'Saved' : ''}</span>
        </div>
      </form>
    </section>
  );
}
