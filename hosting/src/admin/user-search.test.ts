import { describe, expect, it } from 'vitest';
import { searchTerm, userLabel, usersQuery, type AdminUser } from './user-search.ts';

const ada: AdminUser = {
  uid: 'Xq3bT9kLmN2pR7sV1wY4zA6cE8gH',
  email: 'ada@plaza.test',
  displayName: 'Ada Lovelace',
  roles: ['member', 'moderator'],
  disabled: false,
  createdAt: '2026-01-02T10:00:00.000Z',
  lastSignInAt: null,
};

describe('searchTerm', () => {
  it('sends nothing for an empty box', () => {
    expect(searchTerm('')).toBeUndefined();
    expect(searchTerm('   ')).toBeUndefined();
    expect(searchTerm('@')).toBeUndefined();
    expect(searchTerm('uid:')).toBeUndefined();
  });
  it('looks an email up exactly', () => {
    expect(searchTerm(' ada@plaza.test ')).toEqual({ q: 'ada@plaza.test' });
  });
  it('takes @name for a username', () => {
    expect(searchTerm('@ada')).toEqual({ name: 'ada' });
  });
  it('takes one long word for a uid', () => {
    expect(searchTerm(ada.uid)).toEqual({ q: ada.uid });
  });
  it('takes uid: for a uid of any length', () => {
    expect(searchTerm('uid:abc')).toEqual({ q: 'abc' });
    expect(searchTerm('UID: abc')).toEqual({ q: 'abc' });
  });
  it('searches names by prefix otherwise', () => {
    expect(searchTerm('ada')).toEqual({ name: 'ada' });
    expect(searchTerm('Ada Love')).toEqual({ name: 'Ada Love' });
    expect(searchTerm('a-twenty-char-name.x')).toEqual({ name: 'a-twenty-char-name.x' });
  });
});

describe('usersQuery', () => {
  it('lists everyone without a search', () => {
    expect(usersQuery({ text: '', role: '', suspended: '' })).toEqual({ limit: 25 });
  });
  it('adds the filters and the cursor', () => {
    expect(usersQuery({ text: 'ada', role: 'admin', suspended: 'true' }, 'next-page', 10)).toEqual({
      limit: 10,
      name: 'ada',
      role: 'admin',
      disabled: 'true',
      cursor: 'next-page',
    });
  });
});

describe('userLabel', () => {
  it('prefers the email, else the uid', () => {
    expect(userLabel(ada)).toBe('ada@plaza.test');
    expect(userLabel({ ...ada, email: null })).toBe(ada.uid);
  });
});
