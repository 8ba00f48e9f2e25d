import * as pulumi from '@pulumi/pulumi';

/** A resource as the program registered it, inputs resolved. */
export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  // Pulumi hands the mocks plain JSON-like values.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly inputs: Record<string, any>;
}

export const mockProject = 'plaza-test';
export const mockProjectNumber = '123456789012';

/**
 * What Google Cloud would compute for the outputs the program reads back (emails, URLs, names),
 * so the resources that depend on them receive realistic values. Everything else echoes inputs.
 */
function computedState(type: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const str = (key: string): string => String(inputs[key] ?? '');
  switch (type) {
    case 'gcp:serviceaccount/account:Account': {
      const email = `${str('accountId')}@${mockProject}.iam.gserviceaccount.com`;
      return { email, member: `serviceAccount:${email}`, name: `projects/${mockProject}/serviceAccounts/${email}` };
    }
    case 'gcp:cloudrunv2/service:Service':
      return { uri: `https://${str('name')}-${mockProjectNumber}.${str('location')}.run.app` };
    case 'gcp:cloudfunctionsv2/function:Function':
      return { url: `https://${str('name')}-${mockProjectNumber}.${str('location')}.run.app` };
    case 'gcp:pubsub/topic:Topic':
    case 'gcp:pubsub/subscription:Subscription':
      return { id: `projects/${mockProject}/${type.endsWith('Topic') ? 'topics' : 'subscriptions'}/${str('name')}` };
    case 'gcp:iam/workloadIdentityPool:WorkloadIdentityPool':
      return { name: `projects/${mockProjectNumber}/locations/global/workloadIdentityPools/${str('workloadIdentityPoolId')}` };
    case 'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider':
      return {
        name: `projects/${mockProjectNumber}/locations/global/workloadIdentityPools/${str('workloadIdentityPoolId')}/providers/${str('workloadIdentityPoolProviderId')}`,
      };
    case 'gcp:firebase/hostingSite:HostingSite':
      return { defaultUrl: `https://${str('siteId')}.web.app` };
    case 'gcp:storage/bucketObject:BucketObject':
      return { generation: '1' };
    default:
      return {};
  }
}

/**
 * Runs a Pulumi program against in-memory mocks (no CLI, no engine, no network) and returns every
 * resource it registered plus its resolved outputs.
 */
export async function runProgram<T>(program: () => T): Promise<{ resources: RecordedResource[]; outputs: unknown }> {
  const resources: RecordedResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource({ type, name, inputs }) {
        resources.push({ type, name, inputs });
        const state = { ...inputs, ...computedState(type, inputs) };
        return { id: String(state.id ?? `${name}-id`), state };
      },
      call({ token, inputs }) {
        if (token === 'gcp:organizations/getProject:getProject') return { ...inputs, number: mockProjectNumber, projectId: mockProject };
        throw new Error(`unexpected invoke ${token}`);
      },
    },
    'plaza',
    'test',
    false,
  );
  const outputs = await resolve(program());
  await waitForRegistrations();
  return { resources, outputs };
}

/** Resolves Outputs anywhere in a value (the stack outputs object). */
async function resolve(value: unknown): Promise<unknown> {
  return new Promise((done) => (pulumi.output(value) as pulumi.Output<unknown>).apply(done));
}

/** Pulumi's internal wait for outstanding resource registrations (what `pulumi up` waits for too). */
async function waitForRegistrations(): Promise<void> {
  const runtime = pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> };
  if (typeof runtime.waitForRPCs !== 'function') throw new Error('@pulumi/pulumi no longer exposes runtime.waitForRPCs; find another drain');
  await runtime.waitForRPCs();
}

export const ofType = (resources: readonly RecordedResource[], type: string): RecordedResource[] =>
  resources.filter((resource) => resource.type === type);

export interface RecordedEnv {
  readonly name: string;
  readonly value?: string;
  readonly valueSource?: { readonly secretKeyRef: { readonly secret: string; readonly version: string } };
}

/** The env of a Cloud Run service's one container. */
export const containerEnvs = (service: RecordedResource): RecordedEnv[] => service.inputs.template.containers[0].envs;

/** Plain env values by name. */
export const plainEnv = (service: RecordedResource): Record<string, string> =>
  Object.fromEntries(containerEnvs(service).flatMap((env) => (env.value === undefined ? [] : [[env.name, env.value]])));

/** Secret env references: env name -> secret id. */
export const secretEnv = (service: RecordedResource): Record<string, string> =>
  Object.fromEntries(containerEnvs(service).flatMap((env) => (env.valueSource ? [[env.name, env.valueSource.secretKeyRef.secret]] : [])));
