import * as gcp from '@pulumi/gcp';
import type * as pulumi from '@pulumi/pulumi';
import type { StackConfig } from './config.ts';

/**
 * Firebase on the project, its Hosting site (the dashboard; `/api/**` rewrites to the gateway,
 * firebase.json) and Identity Platform: email and password always, Google and GitHub when their
 * OAuth clients are configured.
 */
export function authAndHosting(args: {
  config: StackConfig;
  clientSecrets: { google?: pulumi.Input<string>; github?: pulumi.Input<string> };
  dependsOn: pulumi.Resource[];
}) {
  const { config } = args;
  const firebase = new gcp.firebase.Project('firebase', { project: config.project }, { dependsOn: args.dependsOn });
  const siteId = config.hostingSiteId ?? config.project;
  // The dashboard's web app: linked to the site, Hosting serves its config at the reserved
  // `/__/firebase/init.json`, which the dashboard reads at start (no config baked into the build).
  const webApp = new gcp.firebase.WebApp('dashboard', { project: config.project, displayName: 'Plaza dashboard', deletionPolicy: 'DELETE' }, { dependsOn: [firebase] });
  const site = new gcp.firebase.HostingSite('hosting', { project: config.project, siteId, appId: webApp.appId }, { dependsOn: [firebase] });
  const auth = new gcp.identityplatform.Config(
    'auth',
    {
      project: config.project,
      signIn: { email: { enabled: true, passwordRequired: true }, allowDuplicateEmails: false },
      authorizedDomains: ['localhost', `${siteId}.web.app`, `${siteId}.firebaseapp.com`, ...config.auth.authorizedDomains],
    },
    { dependsOn: [firebase] },
  );
  const providers = (['google', 'github'] as const).flatMap((provider) => {
    const client = config.auth[provider];
    const clientSecret = args.clientSecrets[provider];
    if (!client || !clientSecret) return [];
    return [
      new gcp.identityplatform.DefaultSupportedIdpConfig(
        `auth-${provider}`,
        { project: config.project, idpId: `${provider}.com`, clientId: client.clientId, clientSecret, enabled: true },
        { dependsOn: [auth] },
      ),
    ];
  });
  return { firebase, webApp, site, auth, providers, hostingUrl: site.defaultUrl };
}
