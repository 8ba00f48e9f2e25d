// Firebase treats `demo-*` project ids as offline-only: the SDKs never look for credentials or
// reach Google for them, which is what a local suite wants.
export const defaultProjectId = 'demo-plaza';
