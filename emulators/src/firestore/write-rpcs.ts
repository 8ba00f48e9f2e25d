import { randomBytes } from 'node:crypto';
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { commitWrites, type CommitResult } from './commit.ts';
import { compileDocumentMask, type DocumentMask } from './document-mask.ts';
import { InvalidArgumentError } from './errors.ts';
import { toServiceError, unaryHandler } from './grpc-calls.ts';
import { parseCollectionId, parseDatabaseName, parseDocumentId, parseDocumentName, parseParentName } from './resource-names.ts';
import type { DocumentStore } from './store.ts';
import type { TransactionManager, TransactionOptions } from './transactions.ts';
import type { StoredDocument, Value } from './types.ts';
import type { Precondition, Write } from './writes.ts';

const AUTO_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The writing RPCs and transaction control. Commit is atomic (in a transaction: validated and
 * under its locks); BatchWrite applies each write on its own and reports a status per write;
 * the single-document RPCs are one-write commits.
 */
export function createWriteRpcs(store: DocumentStore, transactions: TransactionManager): UntypedServiceImplementation {
  const commit = (database: string, writes: readonly Write[], transaction?: Buffer): Promise<CommitResult> | CommitResult =>
    transaction?.length ? transactions.commit(database, transaction, writes) : commitWrites(store, database, writes);

  const writeAndRead = (database: string, name: string, write: Write, mask: DocumentMask | undefined): StoredDocument => {
    commitWrites(store, database, [write]);
    return compileDocumentMask(mask)(store.get(name)!);
  };

  return {
    Commit: unaryHandler(async (request: { database?: string; writes?: Write[]; transaction?: Buffer }) =>
      commit(parseDatabaseName(request.database), request.writes ?? [], request.transaction),
    ),

    BeginTransaction: unaryHandler((request: { database?: string; options?: TransactionOptions }) => ({
      transaction: transactions.begin(parseDatabaseName(request.database), request.options),
    })),

    Rollback: unaryHandler((request: { database?: string; transaction?: Buffer }) => {
      transactions.rollback(parseDatabaseName(request.database), request.transaction ?? Buffer.alloc(0));
      return {};
    }),

    BatchWrite: unaryHandler((request: { database?: string; writes?: Write[] }) => {
      const database = parseDatabaseName(request.database);
      const writes = request.writes ?? [];
      rejectDuplicateTargets(writes);
      const writeResults: CommitResult['writeResults'] = [];
      const statuses: { code: number; message?: string }[] = [];
      for (const write of writes) {
        try {
          writeResults.push(commitWrites(store, database, [write]).writeResults[0]!);
          statuses.push({ code: 0 });
        } catch (error) {
          const { code, details } = toServiceError(error);
          writeResults.push({});
          statuses.push({ code: code!, message: details! });
        }
      }
      return { writeResults, status: statuses };
    }),

    CreateDocument: unaryHandler(
      async (request: { parent?: string; collectionId?: string; documentId?: string; document?: { fields?: Record<string, Value> }; mask?: DocumentMask }) => {
        const parent = parseParentName(request.parent);
        const collectionId = parseCollectionId(request.collectionId);
        const name = parseDocumentName(`${parent.name}/${collectionId}/${request.documentId ? parseDocumentId(request.documentId) : autoId()}`).name;
        const write: Write = { update: { name, fields: request.document?.fields ?? {} }, currentDocument: { exists: false } };
        return writeAndRead(parent.database, name, write, request.mask);
      },
    ),

    UpdateDocument: unaryHandler(
      async (request: { document?: { name?: string; fields?: Record<string, Value> }; updateMask?: Write['updateMask']; mask?: DocumentMask; currentDocument?: Precondition }) => {
        if (!request.document) throw new InvalidArgumentError('UpdateDocument needs a document.');
        const name = parseDocumentName(request.document.name);
        const write: Write = { update: { name: name.name, fields: request.document.fields ?? {} } };
        if (request.updateMask) write.updateMask = request.updateMask;
        if (request.currentDocument) write.currentDocument = request.currentDocument;
        return writeAndRead(name.database, name.name, write, request.mask);
      },
    ),

    DeleteDocument: unaryHandler((request: { name?: string; currentDocument?: Precondition }) => {
      const name = parseDocumentName(request.name);
      const write: Write = { delete: name.name };
      if (request.currentDocument) write.currentDocument = request.currentDocument;
      commitWrites(store, name.database, [write]);
      return {};
    }),

  };
}

function rejectDuplicateTargets(writes: readonly Write[]): void {
  const seen = new Set<string>();
  for (const write of writes) {
    const name = write.update?.name ?? write.delete ?? write.transform?.document;
    if (name === undefined) continue;
    if (seen.has(name)) throw new InvalidArgumentError(`BatchWrite does not allow more than one write to a document: ${name}.`);
    seen.add(name);
  }
}

/** 20 characters from 62, like the client SDKs' auto ids. */
function autoId(): string {
  return [...randomBytes(20)].map((byte) => AUTO_ID_ALPHABET[byte % AUTO_ID_ALPHABET.length]).join('');
}
