import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UserFromGetMe } from 'grammy/types';
import { BotApiError, BotApiHarnessError } from './bot-api-errors.js';
import { readInt, readJson, readNumber, type Params } from './bot-api-params.js';
import { BotApiState, STATE_METHODS } from './bot-api-state.js';
import type {
  BotApiServer,
  BotApiServerOptions,
  CallRecord,
  CallStatus,
  FaultKind,
  FaultSpec,
  WaitForOptions,
} from './bot-api-types.js';
import { FaultQueue, faultAnswer } from './fault-queue.js';
import { readRequestParams } from './read-request-params.js';
import { UpdateQueue } from './update-queue.js';

export type * from './bot-api-types.js';
export { BotApiHarnessError } from './bot-api-errors.js';

/** Token accepted when `options.token` is not given. */
const DEFAULT_TOKEN = '123456789:TEST-ballast-token';

/** Canonical method names by lower-case name: Bot API method names are case-insensitive. */
const METHODS = new Map<string, string>([...STATE_METHODS, 'getUpdates'].map((m) => [m.toLowerCase(), m]));

interface Answer {
  readonly status: number;
  readonly envelope: Record<string, unknown>;
  readonly processed: boolean;
}

interface Waiter {
  readonly check: () => void;
  readonly fail: (error: Error) => void;
}

/**
 * Starts a Telegram Bot API test server on 127.0.0.1 (a free port) for driving the real grammY client end to
 * end: `new Bot(server.token, { client: { apiRoot: server.apiRoot }, botInfo: server.botInfo })`.
 *
 * It answers `/bot<token>/<method>` for getMe, deleteWebhook, getUpdates (real long polling with `offset`,
 * `limit`, `timeout`, `allowed_updates`), sendMessage, sendPhoto (PNG uploads), editMessageText, editMessageReplyMarkup,
 * answerCallbackQuery, setMyCommands and deleteMessage, with Telegram's limits and error descriptions; texts sent
 * with `parse_mode: 'HTML'` are parsed as Telegram parses them (tags become entities, bad markup is refused)
 * (core.telegram.org/bots/api). Simulated users press buttons and write texts; faults (429, 500, 502, dropped
 * sockets, before or after the call takes effect) can be injected. Call `close()` when done.
 *
 * @example
 * const server = await startBotApiServer();
 * const bot = new Bot(server.token, { client: { apiRoot: server.apiRoot }, botInfo: server.botInfo });
 */
export async function startBotApiServer(options: BotApiServerOptions = {}): Promise<BotApiServer> {
  const harness = new BotApiHttpServer(options);
  await harness.listen();
  return harness;
}

class BotApiHttpServer implements BotApiServer {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  readonly calls: CallRecord[] = [];
  readonly #now: () => number;
  readonly #queue: UpdateQueue;
  readonly #state: BotApiState;
  readonly #faults = new FaultQueue();
  readonly #waiters = new Set<Waiter>();
  readonly #http: Server;
  #apiRoot = '';
  #seq = 0;
  #closed = false;

  constructor(options: BotApiServerOptions) {
    this.token = options.token ?? DEFAULT_TOKEN;
    this.#now = options.now ?? Date.now;
    this.botInfo = {
      id: Number(this.token.split(':')[0]) || 1,
      is_bot: true,
      first_name: 'Ballast Test Bot',
      username: 'ballast_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
      ...options.botInfo,
    };
    this.#queue = new UpdateQueue(options.longPollSecondMs ?? 1000, () => this.#notify());
    this.#state = new BotApiState({
      botInfo: this.botInfo,
      now: this.#now,
      queue: this.#queue,
      rateLimit: options.rateLimit,
      knownChats: options.knownChats,
      onChange: () => this.#notify(),
    });
    this.#http = createServer((req, res) => void this.#handle(req, res));
  }

  get apiRoot(): string {
    return this.#apiRoot;
  }

  get pendingPolls(): number {
    return this.#queue.pendingPolls;
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#http.once('error', reject);
      this.#http.listen(0, '127.0.0.1', () => {
        this.#apiRoot = `http://127.0.0.1:${(this.#http.address() as AddressInfo).port}`;
        resolve();
      });
    });
  }

  messages = (chatId: number) => this.#state.messages(chatId);
  pendingUpdates = () => this.#queue.pending();
  callbackQuery = (id: string) => this.#state.callbackQuery(id);
  commands = () => this.#state.commands();
  pressButton: BotApiServer['pressButton'] = (input) => this.#state.pressButton(input);
  sendText: BotApiServer['sendText'] = (input) => this.#state.sendText(input);
  injectFault = (fault: FaultSpec): void => this.#faults.inject(fault);

  waitFor<T>(predicate: (server: BotApiServer) => T | undefined | null | false, options: WaitForOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<T>((resolve, reject) => {
      if (this.#closed) return reject(new BotApiHarnessError('SERVER_CLOSED', 'waitFor was called after close().'));
      const done = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      const waiter: Waiter = {
        check: () => {
          let value: T | undefined | null | false;
          try {
            value = predicate(this);
          } catch (error) {
            done();
            return reject(error as Error);
          }
          if (value) {
            done();
            resolve(value);
          }
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        const last = this.calls.slice(-5).map((c) => `${c.method}→${c.status}`).join(', ');
        waiter.fail(new BotApiHarnessError('WAIT_TIMEOUT', `waitFor gave up after ${timeoutMs} ms; last calls: ${last || 'none'}. Check that the bot is running and the predicate can become true.`, { timeoutMs }));
      }, timeoutMs);
      this.#waiters.add(waiter);
      waiter.check();
    });
  }

  close(): Promise<void> {
    this.#closed = true;
    this.#queue.abortAll();
    for (const waiter of [...this.#waiters]) {
      waiter.fail(new BotApiHarnessError('SERVER_CLOSED', 'The Bot API test server was closed while waiting.'));
    }
    return new Promise((resolve, reject) => {
      this.#http.close((error) => (error ? reject(error) : resolve()));
      this.#http.closeAllConnections();
    });
  }

  #notify(): void {
    for (const waiter of [...this.#waiters]) waiter.check();
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const seq = ++this.#seq;
    const at = this.#now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]*)\/([^/]+)$/.exec(url.pathname);
    const method = (match && METHODS.get(match[2]?.toLowerCase() ?? '')) ?? match?.[2] ?? url.pathname;
    let params: Params = {};
    const log = (status: CallStatus, answer: Answer | undefined, fault?: FaultKind, faultDescription?: string): void => {
      const env = answer?.envelope;
      const description = faultDescription ?? (typeof env?.description === 'string' ? env.description : undefined);
      this.calls.push({
        seq, method, params, at, status,
        ok: typeof status === 'number' && fault === undefined && env?.ok === true,
        processed: answer?.processed ?? false,
        ...(fault === undefined ? {} : { fault }),
        ...(description === undefined ? {} : { description }),
        ...(env !== undefined && 'result' in env ? { result: env.result } : {}),
      });
      this.#notify();
    };
    const reply = (answer: Answer): void => {
      if (res.destroyed) return log('aborted', answer);
      send(res, answer.status, 'application/json', JSON.stringify(answer.envelope));
      log(answer.status, answer);
    };

    if (match === null) return reply(errorAnswer(new BotApiError(404, 'Not Found')));
    if (match[1] !== this.token) return reply(errorAnswer(new BotApiError(401, 'Unauthorized')));
    if (!METHODS.has(match[2]?.toLowerCase() ?? '')) return reply(errorAnswer(new BotApiError(404, 'Not Found')));
    try {
      params = await readRequestParams(req, url);
    } catch (error) {
      return reply(errorAnswer(error));
    }

    const fault = this.#faults.take(method);
    if (fault !== undefined && !fault.afterProcessing) return this.#applyFault(fault, req, res, undefined, log);
    const answer = await this.#answer(method, params, res);
    if (answer === undefined) return log('aborted', undefined);
    if (fault !== undefined) return this.#applyFault(fault, req, res, answer, log);
    reply(answer);
  }

  /** Carries out the call; undefined when a held poll ended because the client left. */
  async #answer(method: string, params: Params, res: ServerResponse): Promise<Answer | undefined> {
    try {
      if (method !== 'getUpdates') {
        const result = this.#state.invoke(method as (typeof STATE_METHODS)[number], params);
        return { status: 200, envelope: { ok: true, result }, processed: true };
      }
      const controller = new AbortController();
      res.once('close', () => controller.abort());
      const limit = Math.min(100, Math.max(1, readInt(params, 'limit', false) ?? 100));
      const allowed = readJson(params, 'allowed_updates');
      const outcome = await this.#queue.poll({
        offset: readInt(params, 'offset', false) ?? 0,
        limit,
        timeout: this.#closed ? 0 : Math.max(0, readNumber(params, 'timeout') ?? 0),
        ...(Array.isArray(allowed) ? { allowedUpdates: allowed.map(String) } : {}),
        signal: controller.signal,
      });
      if (outcome.kind === 'aborted') return undefined;
      if (outcome.kind === 'conflict') {
        return errorAnswer(new BotApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
      }
      return { status: 200, envelope: { ok: true, result: outcome.updates }, processed: true };
    } catch (error) {
      return errorAnswer(error);
    }
  }

  #applyFault(
    fault: FaultSpec,
    req: IncomingMessage,
    res: ServerResponse,
    answer: Answer | undefined,
    log: (status: CallStatus, answer: Answer | undefined, fault?: FaultKind, faultDescription?: string) => void,
  ): void {
    const hit = faultAnswer(fault);
    if (hit.kind === 'drop') {
      req.socket.destroy();
      return log('dropped', answer, fault.kind, 'socket dropped');
    }
    send(res, hit.status, hit.contentType, hit.body);
    log(hit.status, answer, fault.kind, hit.description);
  }
}

/** The error answer for a thrown value: a `BotApiError` as Telegram's envelope, anything else as 500. */
function errorAnswer(error: unknown): Answer {
  if (!(error instanceof BotApiError)) {
    return { status: 500, envelope: { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` }, processed: false };
  }
  const envelope: Record<string, unknown> = { ok: false, error_code: error.errorCode, description: error.description };
  if (error.parameters !== undefined) envelope.parameters = error.parameters;
  return { status: error.errorCode, envelope, processed: false };
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
