import { expect, test } from 'vitest';
import { documentNameSize, documentSize } from './document-size.ts';

const NAME = 'projects/p/databases/(default)/documents/users/jeff/tasks/my_task_id';

// The worked example of https://firebase.google.com/docs/firestore/storage-size.
test('a document name counts each id as a string plus 16 bytes', () => {
  expect(documentNameSize(NAME)).toBe(6 + 5 + 6 + 11 + 16);
});

test('the documented task example is 147 bytes', () => {
  const fields = {
    type: { stringValue: 'Personal' },
    done: { booleanValue: false },
    priority: { integerValue: '1' },
    description: { stringValue: 'Learn Cloud Firestore' },
  };
  expect(documentSize({ name: NAME, fields })).toBe(147);
});

test('strings count UTF-8 bytes; maps, arrays, references and the fixed-size types add up', () => {
  const fields = {
    é: { stringValue: '€' }, // (2 + 1) + (3 + 1)
    m: { mapValue: { fields: { k: { nullValue: 'NULL_VALUE' as const } } } }, // 2 + (2 + 1)
    a: { arrayValue: { values: [{ doubleValue: 1 }, { geoPointValue: {} }] } }, // 2 + 8 + 16
    r: { referenceValue: 'projects/p/databases/(default)/documents/c/d' }, // 2 + (2 + 2 + 16)
    b: { bytesValue: Buffer.alloc(10) }, // 2 + 10
    t: { timestampValue: { seconds: '0' } }, // 2 + 8
  };
  expect(documentSize({ name: NAME, fields }) - documentNameSize(NAME) - 32).toBe(7 + 5 + 26 + 22 + 12 + 10);
});
