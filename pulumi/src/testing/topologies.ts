import { testConfig } from './stack-config.ts';

/** The modules moved out in the split topology the tests deploy. */
export const splitConfig = () =>
  testConfig({ 'plaza:splitModules': { notifications: { minInstances: 1, maxInstances: 3 }, mailer: {} } });
