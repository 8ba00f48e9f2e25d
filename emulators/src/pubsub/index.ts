import type { RunningService, ServiceOptions } from '../service.ts';
import { PubSubEngine } from './engine.ts';
import { PushTokenSigner, type OidcIssuerInfo } from './oidc.ts';
import { JWKS_PATH, oidcHttpHandler } from './oidc-http.ts';
import { pubsubServices } from './proto.ts';
import { sendPush } from './push-delivery.ts';
import { listenOnSharedPort } from './server.ts';
import { publisherService, subscriberService } from './service.ts';

export type { OidcIssuerInfo } from './oidc.ts';

/** The Pub/Sub engine as the launcher runs it. */
export interface PubSubEmulator extends RunningService {
  /** Who signs push OIDC tokens and where its keys are, for consumers that verify them. */
  readonly oidc: OidcIssuerInfo;
}

let lastAckId = 0;

/**
 * Starts the Pub/Sub engine: the Publisher and Subscriber gRPC services the official clients use
 * through PUBSUB_EMULATOR_HOST, with the OIDC issuer of push tokens served over HTTP on the same port.
 */
export async function startPubSubEmulator(options: ServiceOptions = {}): Promise<PubSubEmulator> {
  const host = options.host ?? '127.0.0.1';
  const services = pubsubServices();
  const reportError = (error: unknown): void => {
    console.error('[pubsub] internal error:', error);
  };
  // The issuer URL holds the port, known only once bound; the signer exists before any push.
  let signer: PushTokenSigner | undefined;
  const engine = new PubSubEngine({
    now: () => Date.now(),
    // Unique across resets, so an ack id from before a reset never matches a new message.
    newAckId: () => `ack-${(lastAckId += 1).toString(36)}`,
    sendPush,
    signPushToken: (request) => signer!.sign(request, Date.now()),
    reportError,
  });
  let httpHandler: ReturnType<typeof oidcHttpHandler> | undefined;
  const server = await listenOnSharedPort(
    host,
    options.port ?? 0,
    [
      { definition: services.publisher, implementation: publisherService(engine, reportError) },
      { definition: services.subscriber, implementation: subscriberService(engine, reportError) },
    ],
    (request, response) => httpHandler!(request, response),
  );
  const address = `${host.includes(':') ? `[${host}]` : host}:${server.port}`;
  const oidc: OidcIssuerInfo = { issuer: `http://${address}`, jwksUri: `http://${address}${JWKS_PATH}` };
  signer = new PushTokenSigner(oidc.issuer);
  httpHandler = oidcHttpHandler(signer, oidc.jwksUri, reportError);

  let stopped = false;
  return {
    port: server.port,
    host: address,
    env: { PUBSUB_EMULATOR_HOST: address },
    oidc,
    reset: async () => engine.reset(),
    stop: async () => {
      if (!stopped) {
        stopped = true;
        engine.reset();
      }
      await server.close();
    },
  };
}
