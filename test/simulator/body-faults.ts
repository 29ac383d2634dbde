/**
 * Faults that keep the answer JSON but break its shape: wrong field types, broken envelopes and
 * duplicate IDs. They rewrite a `BodyPlan`, so even a million-item answer stays streamed.
 */
import { itemJson, itemParts, servedSlots, statusField } from './body-plan.ts';
import type { BodyPlan, ItemParts } from './body-plan.ts';
import type { ContactData } from './contact-data.ts';
import { formatTehran } from './tehran-time.ts';
import type { WrongTypesVariant } from './types.ts';

type ItemCorruption = (parts: ItemParts, data: ContactData, slot: number) => string;

/** `yyyy-MM-ddTHH:mm:ss.f` → what .NET's en-US `DateTime.ToString()` gives: `M/d/yyyy h:mm:ss tt`. */
function usDateText(time: string): string {
  const [date = '', clock = ''] = time.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour = 0, minute = '00', second = '00'] = clock.split('.')[0]?.split(':') ?? [];
  const h = Number(hour);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${month}/${day}/${year} ${h12}:${minute}:${second} ${h < 12 ? 'AM' : 'PM'}`;
}

const ITEM_CORRUPTIONS: Partial<Record<WrongTypesVariant, ItemCorruption>> = {
  'id-string': (parts) => itemJson({ ...parts, id: `"${parts.id}"` }),
  'id-negative': (parts) => itemJson({ ...parts, id: `-${parts.id}` }),
  'id-fraction': (parts) => itemJson({ ...parts, id: `${parts.id}.5` }),
  'date-number': (parts, data, slot) =>
    itemJson({
      ...parts,
      time: String(data.store.seconds(slot) * 1000 + Math.floor(data.store.ticks(slot) / 10_000)),
    }),
  'deleted-string': (parts) => itemJson({ ...parts, deleted: `"${parts.deleted}"` }),
  'item-not-object': (parts) => parts.id,
  // Well-formed but not a real day: a lenient parser rolls it over to March.
  'date-impossible': (parts) =>
    itemJson({ ...parts, time: `"${parts.time.slice(1, 5)}-02-30${parts.time.slice(11, -1)}"` }),
  'date-bad-format': (parts) =>
    itemJson({ ...parts, time: `"${usDateText(parts.time.slice(1, -1))}"` }),
};

/** Corrupts the item at `index` of Data (no change when Data is shorter) or the envelope. */
export function applyWrongTypes(
  plan: BodyPlan,
  status: string,
  data: ContactData | null,
  variant: WrongTypesVariant,
  index: number,
): BodyPlan {
  const corrupt = ITEM_CORRUPTIONS[variant];
  const { items } = plan;
  if (corrupt !== undefined) {
    if (items === null || data === null) return plan;
    return {
      ...plan,
      items: {
        ...items,
        render: (slot, position) =>
          position === index
            ? corrupt(itemParts(data, slot), data, slot)
            : items.render(slot, position),
      },
    };
  }
  switch (variant) {
    case 'data-null':
      return { head: `{${statusField(status)},"Data":null}`, items: null, extra: [], tail: '' };
    case 'data-missing':
      return { head: `{${statusField(status)}}`, items: null, extra: [], tail: '' };
    case 'data-object': {
      // A server bug that sends the single item instead of a one-item list.
      const [first] = servedSlots(items, 1);
      const value = first === undefined || data === null ? '{}' : itemJson(itemParts(data, first));
      return { head: `{${statusField(status)},"Data":${value}}`, items: null, extra: [], tail: '' };
    }
    case 'status-missing':
      return { ...plan, head: '{"Data":[' };
    default:
      return plan;
  }
}

/**
 * Appends `count` served records again with a time one minute later, plus one more record with a
 * time one minute earlier, so the client must pick the latest copy rather than the last one.
 */
export function applyDuplicateIds(
  plan: BodyPlan,
  data: ContactData | null,
  count: number,
): BodyPlan {
  if (data === null) return plan;
  const slots = servedSlots(plan.items, count + 1);
  const shifted = (slot: number, deltaSeconds: number): string => {
    const time = formatTehran(data.store.seconds(slot) + deltaSeconds, data.store.ticks(slot));
    return itemJson({ ...itemParts(data, slot), time: `"${time}"` });
  };
  const later = slots.slice(0, count).map((slot) => shifted(slot, 60));
  const earlierSlot = slots.length > count ? slots[count] : slots[0];
  const earlier = earlierSlot === undefined ? [] : [shifted(earlierSlot, -60)];
  return { ...plan, extra: [...plan.extra, ...later, ...earlier] };
}
