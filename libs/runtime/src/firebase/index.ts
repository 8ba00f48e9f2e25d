export { firestore } from './firestore.ts';
export { firebaseAuth } from './firebase-auth.ts';
export { pubsub } from './pubsub.ts';
