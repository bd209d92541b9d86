import { appendFile, mkdir, open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProposalRecord, Refusal } from '../../approval/proposal-record.js';
import type { RunRecord } from '../run-record.js';
import { summarizeRun, type RunSummary } from '../run-summary.js';
import type { SlotRecord } from '../slot-record.js';
import type { EquityPoint } from '../equity-point.js';
import { equityOf, inMonths, matchesRunQuery, monthOf, type AccountEquityPoint, type Archive, type RunQuery } from './archive.js';
import { appendJsonLines, parseLine, readJsonLineAt, readJsonLines, readText } from './jsonl-file.js';

/** Where the digits of the run number start in an index line: after `{"id":"run-`. */
const RUN_NUMBER_AT = '{"id":"run-'.length;

/** A run summary as the monthly index stores it: where the full record sits in the month's runs file. */
interface IndexedRun extends RunSummary {
  readonly offset: number;
  readonly length: number;
}

/**
 * The {@link Archive} as append-only JSON Lines files in `<data dir>/archive/`, one set per month:
 * `runs-YYYY-MM.jsonl` (full runs, by month evaluated) with `runs-YYYY-MM.index.jsonl` (one summary per run and where
 * its record is), `decisions-YYYY-MM.jsonl` (closed proposal records, by month created) with `proposals.ids` (which
 * month holds each proposal id), `audit-YYYY-MM.jsonl` (refusals), `slots-YYYY-MM.jsonl` and `equity-YYYY-MM.jsonl`
 * (the accounts' equity points). Files are only ever
 * appended to; a line cut off by a crash is skipped by readers. Month indexes are cached and re-read when they grow.
 */
export class FileArchive implements Archive {
  readonly #dir: string;
  readonly #indexes = new Map<string, { readonly size: number; readonly lines: string[] }>();
  /** `proposals.ids` as read (with a leading newline), until it is appended to. */
  #proposalIds: string | undefined;

  /** `dir`: the archive folder (created on the first append). */
  constructor(dir: string) {
    this.#dir = dir;
  }

  async appendRuns(runs: readonly RunRecord[]): Promise<void> {
    for (const [month, group] of byMonth(runs, (run) => run.evaluatedAt)) {
      await mkdir(this.#dir, { recursive: true });
      const places = await appendJsonLines(this.#file(`runs-${month}.jsonl`), group);
      await appendJsonLines(this.#file(`runs-${month}.index.jsonl`), group.map((run, i): IndexedRun => ({ ...summarizeRun(run), ...places[i]! })));
    }
  }

  async runSummaries(query: RunQuery = {}): Promise<RunSummary[]> {
    // Filter and order the raw lines first (every line starts `{"id":"run-NNNNNN"`), then parse only what is kept.
    const lines = (await this.#matchingLines(query))
      .map((line) => ({ line, n: Number(line.slice(RUN_NUMBER_AT, line.indexOf('"', RUN_NUMBER_AT))) }))
      .sort((a, b) => a.n - b.n);
    const kept = query.limit === undefined ? lines : lines.slice(-query.limit);
    return kept.flatMap(({ line }) => {
      const parsed = parseLine<IndexedRun>(line);
      if (parsed === undefined || !matchesRunQuery(parsed, query)) return [];
      const { offset: _o, length: _l, ...summary } = parsed;
      return [summary];
    });
  }

  async countRuns(query: RunQuery = {}): Promise<number> {
    return (await this.#matchingLines(query)).length;
  }

  /** The index lines of the query's months that name its policy and account. */
  async #matchingLines(query: RunQuery): Promise<string[]> {
    const months = (await this.#months('runs-', '.index.jsonl')).filter((m) => inMonths(m, query.months));
    const needles = [
      ...(query.policyId === undefined ? [] : [`"policyId":${JSON.stringify(query.policyId)},`]),
      ...(query.accountId === undefined ? [] : [`"accountId":${JSON.stringify(query.accountId)},`]),
    ];
    return (await Promise.all(months.map((month) => this.#indexLines(month)))).flat().filter((line) => needles.every((needle) => line.includes(needle)));
  }

  async readRun(id: string): Promise<RunRecord | undefined> {
    for (const month of (await this.#months('runs-', '.index.jsonl')).reverse()) {
      const text = await readText(this.#file(`runs-${month}.index.jsonl`));
      const at = text.lastIndexOf(`{"id":${JSON.stringify(id)},`);
      if (at < 0) continue;
      const end = text.indexOf('\n', at);
      const place = JSON.parse(text.slice(at, end < 0 ? undefined : end)) as IndexedRun;
      return readJsonLineAt<RunRecord>(this.#file(`runs-${month}.jsonl`), place.offset, place.length);
    }
    return undefined;
  }

  async lastRunNumber(): Promise<number> {
    let last = 0;
    for (const month of await this.#months('runs-', '.index.jsonl')) {
      const tail = await readTail(this.#file(`runs-${month}.index.jsonl`), 8192);
      for (const match of tail.matchAll(/\{"id":"run-(\d+)"/g)) last = Math.max(last, Number(match[1]));
    }
    return last;
  }

  async appendProposalRecords(records: readonly ProposalRecord[]): Promise<void> {
    const groups = await this.#appendByMonth('decisions-', records, (record) => record.createdAt);
    const months = [...groups].flatMap(([month, group]) => group.map((record): [string, string] => [record.proposal.id, month]));
    if (months.length > 0) await appendFile(this.#file('proposals.ids'), months.map(([id, month]) => `${id} ${month}\n`).join(''));
    this.#proposalIds = undefined;
  }

  async proposalRecord(proposalId: string): Promise<ProposalRecord | undefined> {
    this.#proposalIds ??= `\n${await readText(this.#file('proposals.ids'))}`;
    const month = monthOfProposal(this.#proposalIds, proposalId);
    if (month === undefined) return undefined;
    const records = await readJsonLines<ProposalRecord>(this.#file(`decisions-${month}.jsonl`));
    return records.findLast((record) => record.proposal.id === proposalId);
  }

  async proposalRecords(): Promise<ProposalRecord[]> {
    return this.#readAll<ProposalRecord>('decisions-');
  }

  async appendRefusals(refusals: readonly Refusal[]): Promise<void> {
    await this.#appendByMonth('audit-', refusals, (refusal) => refusal.at);
  }

  async refusals(): Promise<Refusal[]> {
    return this.#readAll<Refusal>('audit-');
  }

  async appendSlots(slots: readonly SlotRecord[]): Promise<void> {
    await this.#appendByMonth('slots-', slots, (slot) => slot.at);
  }

  async appendEquity(points: readonly AccountEquityPoint[]): Promise<void> {
    await this.#appendByMonth('equity-', points, (point) => point.at);
  }

  async equityHistory(accountId: string): Promise<EquityPoint[]> {
    return equityOf(await this.#readAll<AccountEquityPoint>('equity-'), accountId);
  }

  /** Appends each item to `<prefix>YYYY-MM.jsonl` of its month; returns the months written. */
  async #appendByMonth<T>(prefix: string, items: readonly T[], instant: (item: T) => string): Promise<Map<string, T[]>> {
    const groups = byMonth(items, instant);
    if (groups.size > 0) await mkdir(this.#dir, { recursive: true });
    for (const [month, group] of groups) await appendJsonLines(this.#file(`${prefix}${month}.jsonl`), group);
    return groups;
  }

  async #readAll<T>(prefix: string): Promise<T[]> {
    const months = await this.#months(prefix, '.jsonl');
    return (await Promise.all(months.map((month) => readJsonLines<T>(this.#file(`${prefix}${month}.jsonl`))))).flat();
  }

  /** The lines of a month's run index, cached until the file grows. */
  async #indexLines(month: string): Promise<string[]> {
    const file = this.#file(`runs-${month}.index.jsonl`);
    const { size } = await stat(file);
    const cached = this.#indexes.get(month);
    if (cached?.size === size) return cached.lines;
    const lines = (await readText(file)).split('\n').filter((line) => line.startsWith('{"id":"run-'));
    this.#indexes.set(month, { size, lines });
    return lines;
  }

  /** The months that have a `<prefix>YYYY-MM<suffix>` file, oldest first. */
  async #months(prefix: string, suffix: string): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.#dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const pattern = new RegExp(`^${prefix}(\\d{4}-\\d{2})${suffix.replaceAll('.', '\\.')}$`);
    return names.flatMap((name) => pattern.exec(name)?.[1] ?? []).sort();
  }

  #file(name: string): string {
    return join(this.#dir, name);
  }
}

/**
 * The month a proposal id was archived in, from the text of `proposals.ids` (lines `p-… YYYY-MM`, or
 * `["p-…","YYYY-MM"]` as database version 2 wrote them; the last line of an id wins), or undefined. A search of the
 * text, not a parse of every line: one lookup costs a few milliseconds even with a hundred thousand ids.
 */
function monthOfProposal(text: string, proposalId: string): string | undefined {
  const plain = text.lastIndexOf(`\n${proposalId} `);
  const quoted = text.lastIndexOf(`\n["${proposalId}","`);
  const at = Math.max(plain, quoted);
  if (at < 0) return undefined;
  const month = text.slice(at + (at === plain ? proposalId.length + 2 : proposalId.length + 6)).slice(0, 7);
  return /^\d{4}-\d{2}$/.test(month) ? month : undefined;
}

function byMonth<T>(items: readonly T[], instant: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const month = monthOf(instant(item));
    groups.set(month, [...(groups.get(month) ?? []), item]);
  }
  return groups;
}

async function readTail(file: string, bytes: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}
