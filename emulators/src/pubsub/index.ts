import { Server as GrpcServer } from '@grpc/grpc-js';
import type { RunningService, ServiceOptions } from '../service.ts';
import { listenOnSharedPort } from '../shared-port.ts';
import { PubSubEngine } from './engine.ts';
import { PushTokenSigner, type OidcIssuerInfo } from './oidc.ts';
import { JWKS_PATH, oidcHttpHandler } from './oidc-http.ts';
import { pubsubServices } from './proto.ts';
import { sendPush } from './push-delivery.ts';
import { publisherService, subscriberService } from './service.ts';

export type { OidcIssuerInfo } from './oidc.ts';

/** The Pub/Sub engine as the launcher runs it. */
export interface PubSubEmulator extends RunningService {
  /** Who signs push OIDC tokens and where its keys are, for consumers that verify them. */
  readonly oidc: OidcIssuerInfo;
}

let lastAckId = 0;

// The real service takes publish requests up to 10 MB; grpc-js's default limit is 4 MB.
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

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
  const grpc = new GrpcServer({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  });
  grpc.addService(services.publisher, publisherService(engine, reportError));
  grpc.addService(services.subscriber, subscriberService(engine, reportError));
  const server = await listenOnSharedPort({
    host,
    port: options.port ?? 0,
    grpc,
    http: (request, response) => httpHandler!(request, response),
  });
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
