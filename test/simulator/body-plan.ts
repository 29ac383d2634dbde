/**
 * Describes an answer body as head + items + tail and renders it lazily in ~64 KB chunks, so a
 * million contacts never become one giant string. Faults rewrite the plan rather than the text.
 */
import type { ContactData } from './contact-data.ts';

/** Where the items come from: slots are visited in order, skipped ones are not served. */
export interface ItemSource {
  /** Slots to visit; fixed when the answer starts, so records added meanwhile wait for the next call. */
  slotCount: number;
  include(slot: number): boolean;
  /** JSON text of the item at `slot`, which is the `position`-th item of Data. */
  render(slot: number, position: number): string;
}

export interface BodyPlan {
  head: string;
  items: ItemSource | null;
  /** Items appended after the streamed ones (already JSON). */
  extra: string[];
  tail: string;
}

/** The raw JSON fragments of one item, so a fault can swap any of them for a wrong type. */
export interface ItemParts {
  id: string;
  time: string;
  deleted: string;
}

export function itemJson(parts: ItemParts): string {
  return `{"ID":${parts.id},"UpdateDateTime":${parts.time},"Deleted":${parts.deleted}}`;
}

/** The fragments a well-behaved server sends for a slot; IDs are exact decimal digits from bigint. */
export function itemParts(data: ContactData, slot: number): ItemParts {
  return {
    id: data.store.id(slot).toString(),
    time: `"${data.timeText(slot)}"`,
    deleted: data.store.isDeleted(slot) ? 'true' : 'false',
  };
}

export function statusField(status: string): string {
  return `"Status":${JSON.stringify(status)}`;
}

export function dataItems(data: ContactData): ItemSource {
  return {
    slotCount: data.store.slotCount,
    include: (slot) => !data.store.isRemoved(slot),
    render: (slot) => itemJson(itemParts(data, slot)),
  };
}

/** The answer the server gives: with data on Success, `Data: []` on any other title. */
export function answerPlan(status: string, data: ContactData | null): BodyPlan {
  return {
    head: `{${statusField(status)},"Data":[`,
    items: data === null ? null : dataItems(data),
    extra: [],
    tail: ']}',
  };
}

/** The first `limit` served slots: for faults that need "an existing record". */
export function servedSlots(items: ItemSource | null, limit: number): number[] {
  const slots: number[] = [];
  if (items === null) return slots;
  for (let slot = 0; slot < items.slotCount && slots.length < limit; slot++) {
    if (items.include(slot)) slots.push(slot);
  }
  return slots;
}

export function* bodyChunks(plan: BodyPlan, chunkChars = 64 * 1024): Generator<string> {
  let chunk = plan.head;
  let position = 0;
  const append = (itemText: string): string | null => {
    chunk += position === 0 ? itemText : `,${itemText}`;
    position++;
    if (chunk.length < chunkChars) return null;
    const full = chunk;
    chunk = '';
    return full;
  };
  const { items } = plan;
  if (items !== null) {
    for (let slot = 0; slot < items.slotCount; slot++) {
      if (!items.include(slot)) continue;
      const full = append(items.render(slot, position));
      if (full !== null) yield full;
    }
  }
  for (const itemText of plan.extra) {
    const full = append(itemText);
    if (full !== null) yield full;
  }
  chunk += plan.tail;
  if (chunk.length > 0) yield chunk;
}

/** Total length in UTF-16 units, found by rendering once without keeping the text. */
export function bodyLength(plan: BodyPlan): number {
  let length = 0;
  for (const chunk of bodyChunks(plan)) length += chunk.length;
  return length;
}
