import type { AccountState } from '../portfolio/account-state.js';
import { executePaper } from '../portfolio/execute-paper.js';
import { AccountingInvariantError, ApprovalError, PortfolioError } from '../errors.js';
import { markToMarket } from '../portfolio/mark-to-market.js';
import type { AccountStore } from '../store/account-store.js';
import type { ApprovalStore } from '../store/approval-store.js';
import type { Actor, Decision, ProposalRecord, Refusal } from './proposal-record.js';

/** The price to execute at, re-checked at decision time: base currency per share, or undefined when there is none. */
export type QuoteSource = (symbol: string, at: Date) => number | undefined;

/**
 * What a decision call did. `decided`: this call made the decision (the record shows what followed: `executed`,
 * `stale`, `failed`, `rejected`, or `approved` under dry run). `already_decided`: someone decided first; the record
 * shows what happened. `expired`: the proposal was past `expiresAt` and is now `expired`.
 */
export interface DecisionResult {
  readonly result: 'decided' | 'already_decided' | 'expired';
  readonly record: ProposalRecord;
}

/**
 * What a batch decision did with one proposal id, in order: `result` (decided, already decided or expired), `refused`
 * (unknown id, paused, replayed: an `ApprovalError` safe to show), `stopped` (an accounting invariant broke while
 * executing it: the policy is paused and the batch stops) or `skipped` (not tried because the batch stopped earlier).
 */
export type BatchOutcome =
  | { readonly id: string; readonly kind: 'result'; readonly result: DecisionResult }
  | { readonly id: string; readonly kind: 'refused'; readonly error: ApprovalError }
  | { readonly id: string; readonly kind: 'stopped'; readonly error: AccountingInvariantError }
  | { readonly id: string; readonly kind: 'skipped' };

/**
 * Which open proposals "all" means: every one, or those of one policy or one run. `nonce` is the run's nonce a
 * Telegram "Approve all" button carried: it must be the run's current one, else the whole batch is refused as replayed.
 */
export interface AllScope {
  readonly policyId?: string;
  readonly runId?: string;
  readonly nonce?: string;
}

/** Optional checks on a decision: the nonce and message the caller's button carried (Telegram). */
export interface DecisionContext {
  /** Must equal the current record's nonce, else `REPLAYED`. */
  readonly nonce?: string;
  /** Telegram message the button was on; must be the one stored for the record, else `REPLAYED`. */
  readonly messageId?: number;
}

/**
 * The transport-neutral approval service (design rule 6): Telegram and the CLI both call `approve` / `reject`.
 *
 * A decision is settled synchronously in the store before anything is awaited, so the first decision wins and a
 * second one is answered with what already happened. Approving re-checks the price with `quotes`: a move of more
 * than the policy's `price_tolerance_pct` from the proposal price marks the proposal `stale`; otherwise the paper
 * broker executes it at the quote with the policy's costs and the account ledger is stored. An accounting invariant
 * violation marks the proposal `failed`, pauses the policy and is rethrown (`AccountingInvariantError`): execution
 * stops loudly. Time is passed in (`now`); nothing here reads the clock.
 */
export class ApprovalService {
  readonly #store: ApprovalStore & AccountStore;
  readonly #quotes: QuoteSource;

  constructor(store: ApprovalStore & AccountStore, quotes: QuoteSource) {
    this.#store = store;
    this.#quotes = quotes;
  }

  /**
   * Approves a pending proposal and executes it (unless dry run). Throws `ApprovalError` `UNKNOWN_PROPOSAL`,
   * `PAUSED`, `REPLAYED`; rethrows `AccountingInvariantError` after recording the failure.
   */
  async approve(proposalId: string, actor: Actor, now: Date, context: DecisionContext = {}): Promise<DecisionResult> {
    const archived = await this.#archived(proposalId);
    return this.#written(() => {
      const result = this.#decide(proposalId, 'approve', actor, now, context, archived);
      return result.result === 'decided' ? { result: 'decided', record: this.#execute(result.record, now) } : result;
    });
  }

  /** Rejects a pending proposal. Throws `ApprovalError` `UNKNOWN_PROPOSAL`, `REPLAYED`. */
  async reject(proposalId: string, actor: Actor, now: Date, context: DecisionContext = {}): Promise<DecisionResult> {
    const archived = await this.#archived(proposalId);
    return this.#written(() => this.#decide(proposalId, 'reject', actor, now, context, archived));
  }

  /**
   * Decides each id in order (approve or reject, as `actor` at `now`) and says what happened to each; never throws
   * for one id's refusal. An accounting invariant violation stops the batch: that id is `stopped`, the rest `skipped`.
   */
  async decideEach(decision: 'approve' | 'reject', ids: readonly string[], actor: Actor, now: Date): Promise<BatchOutcome[]> {
    const outcomes: BatchOutcome[] = [];
    for (const id of ids) {
      if (outcomes.at(-1)?.kind === 'stopped' || outcomes.at(-1)?.kind === 'skipped') {
        outcomes.push({ id, kind: 'skipped' });
        continue;
      }
      try {
        outcomes.push({ id, kind: 'result', result: decision === 'approve' ? await this.approve(id, actor, now) : await this.reject(id, actor, now) });
      } catch (error) {
        if (error instanceof ApprovalError) outcomes.push({ id, kind: 'refused', error });
        else if (error instanceof AccountingInvariantError) outcomes.push({ id, kind: 'stopped', error });
        else throw error;
      }
    }
    return outcomes;
  }

  /**
   * "Approve all" / "Reject all": expires what is due, then decides every pending proposal in `scope` with
   * {@link decideEach}, oldest first. Returns no outcomes when nothing is pending. Throws `ApprovalError` `REPLAYED`
   * (and stores the refusal) when `scope.nonce` is not the run's current nonce.
   */
  async decideAll(decision: 'approve' | 'reject', scope: AllScope, actor: Actor, now: Date): Promise<BatchOutcome[]> {
    await this.expireDue(now);
    const pending = await this.pendingInScope(decision, scope, actor, now);
    return this.decideEach(decision, pending.map((r) => r.proposal.id), actor, now);
  }

  /**
   * What {@link decideAll} would decide at `now`, deciding nothing: the pending, unexpired proposals in `scope`, oldest
   * first (what a confirmation lists). Throws `ApprovalError` `REPLAYED` (and stores the refusal, as `actor` wanting
   * to `decision` all) when `scope.nonce` is not the run's current nonce.
   */
  async pendingInScope(decision: 'approve' | 'reject', scope: AllScope, actor: Actor, now: Date): Promise<ProposalRecord[]> {
    const inScope = this.#store.proposalRecords(scope.policyId === undefined ? {} : { policyId: scope.policyId }).filter((r) => scope.runId === undefined || r.runId === scope.runId);
    if (scope.nonce !== undefined && inScope[0]?.nonce !== scope.nonce) {
      await this.recordRefusal({ at: now.toISOString(), reason: 'replayed', actorId: actor.id, channel: actor.channel, detail: `${decision} all of ${scope.runId ?? 'every run'}: nonce is not the run's` });
      throw new ApprovalError('REPLAYED', 'This button belongs to another batch.', 'Use the latest message or `ballast pending`.');
    }
    return inScope.filter((r) => r.status === 'pending' && Date.parse(r.expiresAt) > now.getTime());
  }

  /** Stores a refused action (unauthorized, forged, replayed, …) in the audit log; resolves once it is written. */
  async recordRefusal(refusal: Refusal): Promise<void> {
    await this.#written(() => this.#store.recordRefusal(refusal));
  }

  /** Pauses (`paused` true) or resumes execution of a policy: approvals are refused while paused. */
  async setPaused(policyId: string, paused: boolean, actor: Actor, now: Date): Promise<void> {
    await this.#written(() => this.#store.setPaused(policyId, paused, { actorId: actor.id, at: now.toISOString(), reason: paused ? `paused by ${actor.name} (${actor.channel})` : '' }));
  }

  /** Marks every pending proposal past its `expiresAt` as `expired`; returns them. */
  async expireDue(now: Date): Promise<ProposalRecord[]> {
    return this.#written(() => this.#store
      .proposalRecords({ statuses: ['pending'] })
      .filter((record) => Date.parse(record.expiresAt) <= now.getTime())
      .map((record) => this.#expire(record, now)));
  }

  /**
   * Runs `change` (synchronous: settled before anything is awaited) and resolves or rejects with its outcome only
   * once everything it stored is written — refusals recorded before an error included.
   */
  async #written<T>(change: () => T): Promise<T> {
    try {
      return change();
    } finally {
      await this.#store.persist();
    }
  }

  /** A closed record of the proposal in the archive, looked up only when none is open or recent. */
  async #archived(proposalId: string): Promise<ProposalRecord | undefined> {
    return this.#store.proposalRecord(proposalId) === undefined ? this.#store.findProposalRecord(proposalId) : undefined;
  }

  #decide(proposalId: string, decision: 'approve' | 'reject', actor: Actor, now: Date, context: DecisionContext, archived: ProposalRecord | undefined): DecisionResult {
    const at = now.toISOString();
    const record = this.#store.proposalRecord(proposalId) ?? archived;
    if (record === undefined) {
      this.#store.recordRefusal({ at, reason: 'unknown_proposal', actorId: actor.id, channel: actor.channel, proposalId, detail: `${decision}: no proposal ${proposalId}` });
      throw new ApprovalError('UNKNOWN_PROPOSAL', `There is no proposal ${proposalId}.`, '`ballast pending` lists the open ones.', proposalId);
    }
    const replay = replayProblem(record, context);
    if (replay !== undefined) {
      this.#store.recordRefusal({ at, reason: 'replayed', actorId: actor.id, channel: actor.channel, proposalId, detail: replay });
      throw new ApprovalError('REPLAYED', `This button belongs to an older message of ${proposalId}.`, 'Use the latest message or `ballast pending`.', proposalId);
    }
    if (record.status !== 'pending') {
      this.#store.recordRefusal({ at, reason: 'already_decided', actorId: actor.id, channel: actor.channel, proposalId, detail: `${decision}: already ${record.status}` });
      return { result: 'already_decided', record };
    }
    if (Date.parse(record.expiresAt) <= now.getTime()) return { result: 'expired', record: this.#expire(record, now) };
    if (decision === 'approve' && this.#store.isPaused(record.policyId)) {
      this.#store.recordRefusal({ at, reason: 'paused', actorId: actor.id, channel: actor.channel, proposalId, detail: `approve: ${record.policyId} is paused` });
      throw new ApprovalError('PAUSED', `${record.policyName} is paused.`, 'Resume it (/resume in Telegram) before approving.', proposalId);
    }
    const stored: Decision = { decision, actorId: actor.id, actorName: actor.name, channel: actor.channel, at, policyRevision: record.policyRevision };
    const decided: ProposalRecord = { ...record, status: decision === 'approve' ? 'approved' : 'rejected', decision: stored };
    this.#store.putProposalRecord(decided);
    return { result: 'decided', record: decided };
  }

  #expire(record: ProposalRecord, now: Date): ProposalRecord {
    const at = now.toISOString();
    const expired: ProposalRecord = {
      ...record,
      status: 'expired',
      decision: { decision: 'expire', actorId: 'system', actorName: 'Ballast', channel: 'system', at, policyRevision: record.policyRevision },
      outcome: { at, code: 'EXPIRED', message: `not decided before ${record.expiresAt}` },
    };
    this.#store.putProposalRecord(expired);
    return expired;
  }

  /** Re-checks the price and executes an approved record on paper; stores and returns the record's final state. */
  #execute(record: ProposalRecord, now: Date): ProposalRecord {
    const at = now.toISOString();
    const finish = (patch: Partial<ProposalRecord>): ProposalRecord => {
      const next: ProposalRecord = { ...record, ...patch };
      this.#store.putProposalRecord(next);
      return next;
    };
    if (record.dryRun) return finish({ outcome: { at, code: 'DRY_RUN', message: 'dry run: approved and recorded, not executed' } });
    const { proposal } = record;
    const quote = this.#quotes(proposal.symbol, now);
    if (quote === undefined || !(quote > 0)) {
      return finish({ status: 'failed', outcome: { at, code: 'NO_QUOTE', message: `no price for ${proposal.symbol} to re-check; not executed` } });
    }
    const movePct = Math.round((Math.abs(quote - proposal.price) / proposal.price) * 100 * 1e6) / 1e6;
    if (movePct > record.tolerancePct) {
      return finish({
        status: 'stale',
        outcome: { at, code: 'PRICE_MOVED', message: `${proposal.symbol} moved ${movePct.toFixed(2)}% (${proposal.price} → ${quote}), past the ${record.tolerancePct}% tolerance; not executed` },
      });
    }
    const account = this.#store.account(record.accountId);
    if (account === undefined) {
      return finish({ status: 'failed', outcome: { at, code: 'NO_ACCOUNT', message: `no paper account ${record.accountId} in the store; run \`ballast run\` first` } });
    }
    try {
      const { state, fill } = executePaper(account, proposal, quote, record.costs, at);
      this.#store.putAccount(state);
      this.#recordEquity(state, proposal.id, now);
      return finish({ status: 'executed', execution: { at, quote, fill } });
    } catch (error) {
      if (error instanceof AccountingInvariantError) {
        finish({ status: 'failed', outcome: { at, code: error.code, message: error.message } });
        this.#store.setPaused(record.policyId, true, { actorId: 'system', at, reason: `accounting invariant violated executing ${proposal.id}` });
        throw error;
      }
      if (error instanceof PortfolioError) return finish({ status: 'failed', outcome: { at, code: error.code, message: error.message } });
      throw error;
    }
  }

  /**
   * Adds the account's equity after an execution to its history, every position marked at its quote now, so the
   * costs just paid show at once. Skipped (no point, nothing thrown) when a held symbol has no quote.
   */
  #recordEquity(state: AccountState, proposalId: string, now: Date): void {
    const marks = new Map<string, number>();
    for (const lot of state.lots) {
      if (marks.has(lot.symbol)) continue;
      const quote = this.#quotes(lot.symbol, now);
      if (quote === undefined || !Number.isFinite(quote) || quote < 0) return;
      marks.set(lot.symbol, quote);
    }
    const { equity, cash } = markToMarket(state, marks);
    this.#store.recordEquity(state.accountId, { at: now.toISOString(), equity, cash, source: { kind: 'execution', proposalId } });
  }
}

function replayProblem(record: ProposalRecord, context: DecisionContext): string | undefined {
  if (context.nonce !== undefined && context.nonce !== record.nonce) return `nonce ${context.nonce} is not the current record's`;
  if (context.messageId !== undefined && record.telegram !== undefined && context.messageId !== record.telegram.messageId) {
    return `message ${context.messageId} is not the proposal's message ${record.telegram.messageId}`;
  }
  return undefined;
}
