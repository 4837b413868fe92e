import type { ScheduledEvent } from './schedule-schema.js';

/** How a scripted event is named in messages: its id, or its place in the list. */
export function eventName(event: ScheduledEvent, index: number): string {
  return event.id ?? `events[${index}]`;
}

/** "$4B", "$250B", "$650M" */
function usd(amount: number): string {
  if (amount >= 1e9) return `$${trim(amount / 1e9)}B`;
  if (amount >= 1e6) return `$${trim(amount / 1e6)}M`;
  return `$${trim(amount)}`;
}

function trim(value: number): string {
  return value >= 10 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, '');
}

const STATUS_LABEL: Readonly<Record<string, string>> = {
  exclusive: 'exclusive',
  'right-of-first-refusal': 'ROFR',
  primary: 'primary',
  none: 'tie ends',
};

/**
 * A short label for a chart marker: the event's own `label`, else one made from it ("AWS +$4B",
 * "GPT-5", "Claude on Azure"). `name` gives display names of vendors and clouds.
 */
export function eventLabel(event: ScheduledEvent, name: (id: string) => string): string {
  if (event.label !== undefined) return event.label;
  switch (event.type) {
    case 'investment':
      // A cloud's stake names the cloud ("AWS +$4B"); a round from other investors names the vendor raising it.
      return event.cloud !== undefined ? `${name(event.cloud)} +${usd(event.amountUsd)}` : `${name(event.vendor)} +${usd(event.amountUsd)}`;
    case 'deal-amendment':
      return event.status !== undefined
        ? `${name(event.cloud ?? event.investor!)}–${name(event.vendor)} ${STATUS_LABEL[event.status]}`
        : `${name(event.cloud ?? event.investor!)}–${name(event.vendor)} amended`;
    case 'compute-commitment':
      return `${name(event.vendor)} ${usd(event.amountUsd)} → ${name(event.cloud)}`;
    case 'compute-contract':
      return `${name(event.vendor)}–${name(event.cloud)} contract`;
    case 'listing':
      return `${name(event.vendor)} on ${name(event.cloud)}`;
    case 'delisting':
      return `${name(event.vendor)} off ${name(event.cloud)}`;
    case 'merger':
      return `${name(event.cloud)} buys ${name(event.vendor)}`;
    case 'capacity-shock':
      return `${name(event.cloud)} capacity shock`;
    case 'model-release':
      return event.model ?? `${name(event.vendor)} release`;
    case 'policy-change':
      return `${event.agent} ${event.slot}`;
  }
}
