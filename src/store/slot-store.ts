import type { SlotRecord } from './slot-record.js';

/** How a started slot ended: `finished` with its run id, or `failed` with the error message. */
export type SlotOutcome = Pick<SlotRecord, 'finishedAt'> & ({ state: 'finished'; runId: string } | { state: 'failed'; error: string });

/** The daemon's exactly-once ledger of scheduled slots, by slot key. */
export interface SlotStore {
  /** The record of one slot key, or undefined when the slot never started. */
  slotRecord(key: string): SlotRecord | undefined;
  /** Slot records, oldest slot first (by slot instant, then key), optionally of one policy. */
  listSlots(filter?: { policyId?: string }): readonly SlotRecord[];
  /** The latest recorded slot key per policy and schedule, whatever its state: what the catch-up planner needs. */
  latestSlotKeys(): string[];
  /**
   * Records that a slot has started and writes it before resolving: a slot that was started is never started again,
   * even if the process dies mid-run (it stays `started`, shown as interrupted). Throws `SLOT_ALREADY_RECORDED`.
   */
  beginSlot(slot: Omit<SlotRecord, 'state'>): Promise<SlotRecord>;
  /** Records how a started slot ended and writes it. Throws `SLOT_NOT_STARTED` for an unknown key. */
  finishSlot(key: string, outcome: SlotOutcome): Promise<SlotRecord>;
}
