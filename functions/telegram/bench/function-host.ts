import { createServer } from 'node:http';
import { telegramWebhook } from '../src/function.ts';

/**
 * What the Functions Framework does for an HTTP function, reduced to the part a cold start pays
 * for: a Node HTTP server on PORT calling the exported handler. (The framework's Express layer is
 * not installed here; it is the same for every function and not ours to shrink.)
 */
createServer((request, response) => void telegramWebhook(request, response)).listen(Number(process.env.PORT), '127.0.0.1');
