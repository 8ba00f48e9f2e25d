import { describe, expect, it } from 'vitest';
import { bioCounter, hasChanges, profileChanges, profileForm } from './profile-changes.ts';

const me = { username: 'ada', displayName: 'Ada Lovelace', avatarUrl: null, bio: 'Engines.' };

describe('profileChanges', () => {
  it('sends nothing when nothing changed', () => {
    const changes = profileChanges(me, profileForm(me));
    expect(changes).toEqual({});
    expect(hasChanges(changes)).toBe(false);
  });
  it('sends only the changed fields', () => {
    expect(profileChanges(me, { ...profileForm(me), bio: 'Analytical engines.' })).toEqual({ bio: 'Analytical engines.' });
  });
  it('normalizes the username as the API does, and ignores a change of case only', () => {
    expect(profileChanges(me, { ...profileForm(me), username: ' ADA ' })).toEqual({});
    expect(profileChanges(me, { ...profileForm(me), username: 'Ada.L' })).toEqual({ username: 'ada.l' });
  });
  it('never removes the username', () => {
    expect(profileChanges(me, { ...profileForm(me), username: '  ' })).toEqual({});
  });
  it('turns an emptied display name, avatar or bio into null', () => {
    expect(profileChanges(me, { username: 'ada', displayName: ' ', avatarUrl: '', bio: '' })).toEqual({ displayName: null, bio: null });
  });
  it('trims what it sends and sets a new avatar', () => {
    expect(profileChanges(me, { ...profileForm(me), avatarUrl: ' https://img.example/ada.png ', displayName: 'Ada Lovelace ' })).toEqual({ avatarUrl: 'https://img.example/ada.png' });
  });
  it('claims a first username', () => {
    expect(profileChanges({ ...me, username: null }, { ...profileForm(me), username: 'ada' })).toEqual({ username: 'ada' });
  });
});

describe('profileForm', () => {
  it('shows absent values as empty boxes', () => {
    expect(profileForm({ username: null, displayName: null, avatarUrl: null, bio: null })).toEqual({ username: '', displayName: '', avatarUrl: '', bio: '' });
  });
});

describe('bioCounter', () => {
  it('counts what is left', () => {
    expect(bioCounter('hello', 280)).toEqual({ used: 5, left: 275, over: false, text: '275 of 280 characters left' });
  });
  it('counts after trimming, as the API does', () => {
    expect(bioCounter('  hi  ', 10).used).toBe(2);
  });
  it('says how many are too many', () => {
    expect(bioCounter('x'.repeat(283), 280)).toMatchObject({ over: true, text: '3 characters too many' });
  });
});
