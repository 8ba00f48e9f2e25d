export {
  clearDeliveryFailures,
  clearMail,
  failDelivery,
  listMail,
  waitForMail,
  type CaughtMessage,
  type DeliveryFailure,
  type FaultCode,
  type WaitForMailOptions,
} from './mailbox-client.ts';
export { clearOpenMeteoFaults, failOpenMeteo, openMeteoRequests, type OpenMeteoFault, type OpenMeteoRequest, type OpenMeteoRequestFilter } from './open-meteo.ts';
