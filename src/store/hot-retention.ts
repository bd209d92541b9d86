import { TERMINAL_STATUSES, type ProposalRecord } from '../approval/proposal-record.js';
import type { HotState } from './hot-state.js';
import type { SlotRecord } from './slot-record.js';

/** Closed proposal records kept in the hot state (for "already decided" answers and /history); older ones are archived. */
export const HOT_CLOSED_PROPOSALS = 100;

/** Finished or failed slots kept per policy schedule; older ones are archived (`started` ones always stay). */
export const HOT_SLOTS_PER_SCHEDULE = 10;

/** What the hot state holds beyond its retention: to append to the archive, then drop from the hot state. */
export interface Surplus {
  readonly proposals: readonly ProposalRecord[];
  readonly slots: readonly SlotRecord[];
}

/**
 * Which records the hot state no longer needs: closed proposal records beyond the {@link HOT_CLOSED_PROPOSALS} most
 * recent (by position), and finished or failed slots beyond the {@link HOT_SLOTS_PER_SCHEDULE} latest of their
 * schedule (the latest of each schedule is what catch-up reads). Pure.
 */
export function hotSurplus(state: HotState): Surplus {
  const closed = state.proposals.filter(isClosed);
  const proposals = closed.slice(0, Math.max(0, closed.length - HOT_CLOSED_PROPOSALS));
  const bySchedule = new Map<string, SlotRecord[]>();
  for (const slot of Object.values(state.slots)) {
    if (slot.state === 'started') continue;
    const id = `${slot.policyId}/${slot.scheduleId}`;
    bySchedule.set(id, [...(bySchedule.get(id) ?? []), slot]);
  }
  const slots = [...bySchedule.values()].flatMap((list) => {
    const sorted = list.sort((a, b) => a.at.localeCompare(b.at));
    return sorted.slice(0, Math.max(0, sorted.length - HOT_SLOTS_PER_SCHEDULE));
  });
  return { proposals, slots };
}

/** Removes archived records from the hot state (the very objects `surplus` named, so a newer record stays). */
export function dropSurplus(state: HotState, surplus: Surplus): void {
  if (surplus.proposals.length > 0) {
    const moved = new Set(surplus.proposals);
    state.proposals = state.proposals.filter((record) => !moved.has(record));
  }
  for (const slot of surplus.slots) if (state.slots[slot.key] === slot) delete state.slots[slot.key];
}

/** A record nothing more happens to: a terminal status, or approved under dry run. */
export function isClosed(record: ProposalRecord): boolean {
  return TERMINAL_STATUSES.has(record.status) || (record.status === 'approved' && record.dryRun);
}
