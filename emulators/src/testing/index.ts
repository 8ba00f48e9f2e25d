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
