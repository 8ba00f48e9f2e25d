import { firestoreIndexes, firestoreTtlPolicies } from '@plaza/contracts';
import * as gcp from '@pulumi/gcp';
import type * as pulumi from '@pulumi/pulumi';

/** The (default) database in native mode, with the shared index and TTL declarations. */
export function firestoreDatabase(args: { project: string; location: string; deletionProtection: boolean; dependsOn: pulumi.Resource[] }) {
  const database = new gcp.firestore.Database(
    'firestore',
    {
      project: args.project,
      name: '(default)',
      locationId: args.location,
      type: 'FIRESTORE_NATIVE',
      deleteProtectionState: args.deletionProtection ? 'DELETE_PROTECTION_ENABLED' : 'DELETE_PROTECTION_DISABLED',
      // The data outlives the stack: `pulumi destroy` forgets the database instead of deleting it.
      deletionPolicy: 'ABANDON',
    },
    { dependsOn: args.dependsOn },
  );
  const indexes = firestoreIndexes.map(
    (index) =>
      new gcp.firestore.Index(
        `index-${index.queryScope === 'COLLECTION_GROUP' ? 'group-' : ''}${index.collectionGroup}-${index.fields.map((f) => `${f.fieldPath}-${f.order === 'ASCENDING' ? 'asc' : 'desc'}`).join('-')}`,
        {
          project: args.project,
          database: database.name,
          collection: index.collectionGroup,
          queryScope: index.queryScope,
          fields: index.fields.map(({ fieldPath, order }) => ({ fieldPath, order })),
        },
      ),
  );
  const ttlPolicies = firestoreTtlPolicies.map(
    (policy) =>
      new gcp.firestore.Field(`ttl-${policy.collectionGroup}-${policy.field}`, {
        project: args.project,
        database: database.name,
        collection: policy.collectionGroup,
        field: policy.field,
        ttlConfig: {},
      }),
  );
  return { database, indexes, ttlPolicies };
}
