import { FatalError } from '../errors.js';
import type { SlotRecord } from './slot-record.js';
import type { SlotStore } from './slot-store.js';
import type { StoreContext } from './store-context.js';

/** The {@link SlotStore} over the store's data: slot records by key. */
export function slotLedger(context: StoreContext): SlotStore {
  const { data } = context;
  return {
    slotRecord: (key) => data.slots[key],
    listSlots: (filter = {}) =>
      Object.values(data.slots)
        .filter((s) => filter.policyId === undefined || s.policyId === filter.policyId)
        .sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key)),
    latestSlotKeys: () => {
      const latest = new Map<string, SlotRecord>();
      for (const slot of Object.values(data.slots)) {
        const id = `${slot.policyId}/${slot.scheduleId}`;
        const prev = latest.get(id);
        if (prev === undefined || prev.at < slot.at) latest.set(id, slot);
      }
      return [...latest.values()].map((s) => s.key);
    },
    async beginSlot(slot) {
      const existing = data.slots[slot.key];
      if (existing !== undefined) {
        throw new FatalError('SLOT_ALREADY_RECORDED', `slot ${slot.key} is already recorded (${existing.state})`, 'a slot runs at most once: please report this as a bug');
      }
      const record: SlotRecord = { ...slot, state: 'started' };
      context.change((d) => (d.slots[slot.key] = record));
      await context.flushed();
      return record;
    },
    async finishSlot(key, outcome) {
      const current = data.slots[key];
      if (current === undefined) throw new FatalError('SLOT_NOT_STARTED', `slot ${key} was never started`, 'call beginSlot first: please report this as a bug');
      const record: SlotRecord = { ...current, ...outcome };
      context.change((d) => (d.slots[key] = record));
      await context.flushed();
      return record;
    },
  };
}
