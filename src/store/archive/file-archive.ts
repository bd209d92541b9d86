import { mkdir, open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProposalRecord, Refusal } from '../../approval/proposal-record.js';
import type { RunRecord } from '../run-record.js';
import { summarizeRun, type RunSummary } from '../run-summary.js';
import type { SlotRecord } from '../slot-record.js';
import type { EquityPoint } from '../equity-point.js';
import { equityOf, inMonths, monthOf, runNumber, type AccountEquityPoint, type Archive } from './archive.js';
import { appendJsonLines, readJsonLineAt, readJsonLines, readText } from './jsonl-file.js';

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
  readonly #indexes = new Map<string, { readonly size: number; readonly runs: IndexedRun[] }>();
  #proposalMonths: Map<string, string> | undefined;

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

  async runSummaries(options: { readonly months?: readonly [string, string] } = {}): Promise<RunSummary[]> {
    const months = (await this.#months('runs-', '.index.jsonl')).filter((m) => inMonths(m, options.months));
    const runs = (await Promise.all(months.map((month) => this.#index(month)))).flat();
    return runs.sort((a, b) => runNumber(a.id) - runNumber(b.id)).map(({ offset: _o, length: _l, ...summary }) => summary);
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
    if (months.length > 0) await appendJsonLines(this.#file('proposals.ids'), months);
    for (const [id, month] of months) this.#proposalMonths?.set(id, month);
  }

  async proposalRecord(proposalId: string): Promise<ProposalRecord | undefined> {
    this.#proposalMonths ??= new Map((await readJsonLines<[string, string]>(this.#file('proposals.ids'))).map(([id, month]) => [id, month]));
    const month = this.#proposalMonths.get(proposalId);
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

  async #index(month: string): Promise<IndexedRun[]> {
    const file = this.#file(`runs-${month}.index.jsonl`);
    const { size } = await stat(file);
    const cached = this.#indexes.get(month);
    if (cached?.size === size) return cached.runs;
    const runs = await readJsonLines<IndexedRun>(file);
    this.#indexes.set(month, { size, runs });
    return runs;
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
