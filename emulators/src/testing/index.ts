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
export { clearTelegramCalls, clearTelegramFaults, failTelegramChat, injectTelegramUpdate, registerTelegramBot, setTelegramLimits, telegramApiRoot, telegramCalls, type InjectedUpdate, type TelegramCall, type TelegramChatFaultKind, type TestBot } from './telegram.ts';
