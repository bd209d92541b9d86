import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '../..');
const SERVER_BIN = join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');

/** A completion as the editor lists it (LSP `CompletionItem`, the fields the tests read). */
export interface Completion {
  readonly label: string;
  readonly kind?: number;
  readonly insertText?: string;
  /** Where the text goes; without it, at the position completed. */
  readonly textEdit?: { readonly range: { readonly start: Position; readonly end: Position }; readonly newText: string };
  readonly documentation?: string | { readonly kind: string; readonly value: string };
}

/** A zero-based line and character, as LSP counts them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A problem the server reports on a document (LSP `Diagnostic`, the fields the tests read). */
export interface Diagnostic {
  readonly message: string;
  /** 1 error, 2 warning, 3 information, 4 hint. */
  readonly severity?: number;
  readonly range: { readonly start: Position };
}

/**
 * The real yaml-language-server (the engine of VS Code's YAML extension), started from node_modules and spoken to over
 * stdio with LSP JSON-RPC, as an editor would. It is configured like the YAML extension with the schema store off, and
 * every HTTP(S) request it might make goes to a loopback proxy that only counts connections: `networkAttempts` must
 * stay 0, so a test can never touch the network.
 */
export interface YamlLanguageServer {
  /** Opens `text` as the document at `path` (absolute; it need not exist: relative modelines resolve against it). */
  open(path: string, text: string): Promise<void>;
  /** The completions offered at `position` of the open document at `path`. */
  complete(path: string, position: Position): Promise<Completion[]>;
  /** The hover text (markdown) at `position`, or '' when there is none. */
  hover(path: string, position: Position): Promise<string>;
  /** The diagnostics the server published for the open document at `path` (waits for the first publication). */
  diagnostics(path: string): Promise<readonly Diagnostic[]>;
  /** Connections the server opened to the loopback proxy that stands in for the network. */
  readonly networkAttempts: number;
  /** Shuts the server down (LSP shutdown + exit) and closes the proxy. */
  close(): Promise<void>;
}

/**
 * `text` after `completion`, offered at `position`, is accepted as VS Code accepts it: a snippet's placeholders take
 * their default (`${1:25}` → `25`, a choice `${1|exit,trim|}` → `exit`, an empty `$1` → nothing) and every line of
 * the insertion after the first gets the indentation of the line it starts on.
 */
export function acceptCompletion(text: string, position: Position, completion: Completion): string {
  const lines = text.split('\n');
  const offset = (at: Position): number => lines.slice(0, at.line).reduce((sum, line) => sum + line.length + 1, 0) + at.character;
  const range = completion.textEdit?.range ?? { start: position, end: position };
  const indent = /^\s*/.exec(lines[range.start.line]!)![0];
  const inserted = (completion.textEdit?.newText ?? completion.insertText ?? completion.label)
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\\$/g, '$')
    .replaceAll('\n', `\n${indent}`);
  return text.slice(0, offset(range.start)) + inserted + text.slice(offset(range.end));
}

interface Message {
  readonly id?: number | string;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly message: string };
}

/** What the YAML extension sends for `yaml.*` with the schema store disabled; `yaml.schemas` maps schema → globs. */
function yamlSettings(schemas: Record<string, string[]>): Record<string, unknown> {
  return {
    validate: true,
    hover: true,
    completion: true,
    schemas,
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
}

/**
 * Starts yaml-language-server and initializes it with `root` as the workspace folder.
 *
 * @param options.schemas `yaml.schemas` (schema path or URL → file globs); default none, so the documents' own
 *   `# yaml-language-server: $schema=` modelines decide.
 */
export async function startYamlLanguageServer(root: string, options: { schemas?: Record<string, string[]> } = {}): Promise<YamlLanguageServer> {
  let networkAttempts = 0;
  const proxy: Server = createServer((socket) => {
    networkAttempts += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as { port: number };
  const proxyUrl = `http://127.0.0.1:${port}`;
  const settings: Record<string, unknown> = { yaml: yamlSettings(options.schemas ?? {}), http: { proxy: proxyUrl, proxyStrictSSL: false } };

  const child: ChildProcess = spawn(process.execPath, [SERVER_BIN, '--stdio'], {
    cwd: root,
    env: { ...process.env, HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl, NO_PROXY: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const published = new Map<string, Diagnostic[]>();
  const publishWaiters = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      for (const { reject } of pending.values()) reject(new Error(`yaml-language-server exited\n${stderr}`));
      resolve();
    }),
  );

  const send = (message: Record<string, unknown>): void => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin!.write(body);
  };
  const request = (method: string, params: unknown): Promise<unknown> => {
    if (exited) return Promise.reject(new Error(`yaml-language-server exited\n${stderr}`));
    const id = nextId++;
    send({ id, method, params });
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  };
  const notify = (method: string, params: unknown): void => send({ method, params });

  /** Answers what the server asks of its editor: settings, and nothing else (no schema content: a plain editor). */
  const answer = (message: Message): void => {
    if (message.method === 'workspace/configuration') {
      const items = (message.params as { items: { section?: string }[] }).items;
      send({ id: message.id, result: items.map(({ section }) => (section === undefined ? null : (settings[section] ?? null))) });
    } else if (message.method === 'client/registerCapability' || message.method === 'window/workDoneProgress/create') {
      send({ id: message.id, result: null });
    } else {
      send({ id: message.id, error: { code: -32601, message: `${message.method} is not handled by this client` } });
    }
  };
  const receive = (message: Message): void => {
    if (message.method !== undefined && message.id !== undefined) return answer(message);
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: Diagnostic[] };
      published.set(uri, diagnostics);
      for (const waiter of publishWaiters.get(uri) ?? []) waiter(diagnostics);
      publishWaiters.delete(uri);
      return;
    }
    if (message.method !== undefined) return;
    const call = pending.get(message.id as number);
    pending.delete(message.id as number);
    if (message.error) call?.reject(new Error(message.error.message));
    else call?.resolve(message.result);
  };

  let buffer = Buffer.alloc(0);
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      buffer = buffer.subarray(headerEnd + 4 + length);
      receive(JSON.parse(body) as Message);
    }
  });

  const rootUri = pathToFileURL(root).href;
  await request('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ballast' }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: {},
      },
    },
  });
  notify('initialized', {});
  notify('workspace/didChangeConfiguration', { settings });

  const uriOf = (path: string): string => pathToFileURL(path).href;
  return {
    async open(path, text) {
      notify('textDocument/didOpen', { textDocument: { uri: uriOf(path), languageId: 'yaml', version: 1, text } });
    },
    async complete(path, position) {
      const result = (await request('textDocument/completion', { textDocument: { uri: uriOf(path) }, position })) as
        | { items: Completion[] }
        | Completion[]
        | null;
      return Array.isArray(result) ? result : (result?.items ?? []);
    },
    async hover(path, position) {
      const result = (await request('textDocument/hover', { textDocument: { uri: uriOf(path) }, position })) as {
        contents: string | { value: string };
      } | null;
      if (!result) return '';
      return typeof result.contents === 'string' ? result.contents : result.contents.value;
    },
    diagnostics(path) {
      const uri = uriOf(path);
      const known = published.get(uri);
      if (known) return Promise.resolve(known);
      return new Promise((resolve) => publishWaiters.set(uri, [...(publishWaiters.get(uri) ?? []), resolve]));
    },
    get networkAttempts() {
      return networkAttempts;
    },
    async close() {
      if (!exited) {
        await request('shutdown', null).catch(() => undefined);
        notify('exit', null);
        const killed = setTimeout(() => child.kill(), 2_000);
        await exit;
        clearTimeout(killed);
      }
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
