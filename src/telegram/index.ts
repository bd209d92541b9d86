/**
 * The Telegram adapter (grammY, long polling): configuration from the environment, signed callback data, the
 * `authorizedOnly` guard, approval and command composers, batch formatting and posting. No business logic: every
 * decision goes through `ApprovalService`.
 */
export { readTelegramConfig, TelegramConfigError, type Role, type TelegramConfig } from './telegram-config.js';
export { CALLBACK_DATA_MAX_BYTES, signCallback, verifyCallback, type CallbackOp, type CallbackPayload } from './callback-data.js';
export { createTelegramBot, installRetry, redact, type BotClientOptions } from './create-telegram-bot.js';
export { authorizedOnly } from './authorized-only.js';
export { approvalComposer } from './approval-composer.js';
export { BOT_COMMANDS, commandComposer, splitText } from './command-composer.js';
export { formatBatchMessage, MESSAGE_MAX_CHARS, splitBatch, type BatchMessage } from './format-batch.js';
export { postPendingBatches, type PostOptions } from './post-batches.js';
export { refreshMessages } from './refresh-messages.js';
export type { BallastContext, TelegramDeps } from './telegram-deps.js';
