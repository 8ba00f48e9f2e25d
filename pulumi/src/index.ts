import * as pulumi from '@pulumi/pulumi';
import { parseStackConfig } from './config.ts';
import { definePlaza } from './platform.ts';

// The program `pulumi up` runs: the stack's config, validated, then every resource.
const config = parseStackConfig(pulumi.runtime.allConfig(), `stack ${pulumi.getStack()}`);
const plaza = new pulumi.Config('plaza');
const outputs = definePlaza(config, {
  clientSecrets: {
    google: config.auth.google ? plaza.requireSecret('googleClientSecret') : undefined,
    github: config.auth.github ? plaza.requireSecret('githubClientSecret') : undefined,
  },
});

export const gatewayUrl = outputs.gatewayUrl;
export const gatewayImage = outputs.gatewayImage;
export const serviceUrls = outputs.serviceUrls;
export const telegramWebhookUrl = outputs.telegramWebhookUrl;
export const hostingUrl = outputs.hostingUrl;
export const artifactRegistry = outputs.artifactRegistry;
export const serviceAccounts = outputs.serviceAccounts;
export const pushServiceAccount = outputs.pushServiceAccount;
export const workloadIdentityProvider = outputs.workloadIdentityProvider;
export const deployerServiceAccount = outputs.deployerServiceAccount;
