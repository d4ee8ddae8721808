import type { PatientTimeline, TimelineEvent } from '@workup/contracts';
import { toDayNumber } from '@workup/core';

/** A spell of sick leave drawn as a bar: where it starts and how wide it is, in percent. */
export interface SpellBar {
  readonly from: string;
  readonly to: string;
  readonly netDays: number;
  readonly grossDays: number;
  readonly leftPercent: number;
  readonly widthPercent: number;
}

/** A dated event drawn as a mark at the middle of its day, in percent. */
export interface EventMark {
  readonly on: string;
  readonly kind: TimelineEvent['kind'];
  readonly upcoming: boolean;
  readonly atPercent: number;
}

export interface TimelineLayout {
  /** The first and last day drawn (both inclusive). */
  readonly start: string;
  readonly end: string;
  readonly days: number;
  readonly spells: readonly SpellBar[];
  readonly marks: readonly EventMark[];
  readonly todayPercent: number;
}

/** Rounds to 3 decimals: enough for a drawing, and stable in tests. */
const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Where everything of the timeline falls on one horizontal axis: from the earliest of the
 * follow-up start, the spells and the events to the latest of today, the spells and the events.
 * Each day is an equal slice; a spell covers its days from the start of `from` to the end of
 * `to` (inclusive), a mark sits in the middle of its day. Null when there is nothing dated.
 */
export function layoutTimeline(timeline: PatientTimeline): TimelineLayout | null {
  const dates = [
    ...(timeline.followUp === null ? [] : [timeline.followUp.start]),
    ...timeline.spells.flatMap((spell) => [spell.from, spell.to]),
    ...timeline.events.map((event) => event.on),
  ];
  if (dates.length === 0) return null;
  dates.push(timeline.today);
  const numbers = dates.map(toDayNumber);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const days = last - first + 1;
  const percentOf = (day: number) => round(((day - first) / days) * 100);
  return {
    start: dates[numbers.indexOf(first)] ?? timeline.today,
    end: dates[numbers.indexOf(last)] ?? timeline.today,
    days,
    spells: timeline.spells.map((spell) => ({
      from: spell.from,
      to: spell.to,
      netDays: spell.netDays,
      grossDays: spell.grossDays,
      leftPercent: percentOf(toDayNumber(spell.from)),
      widthPercent: round(((toDayNumber(spell.to) - toDayNumber(spell.from) + 1) / days) * 100),
    })),
    marks: sortEvents(timeline.events).map((event) => ({
      on: event.on,
      kind: event.kind,
      upcoming: event.upcoming,
      atPercent: round(percentOf(toDayNumber(event.on)) + 50 / days),
    })),
    todayPercent: round(percentOf(toDayNumber(timeline.today)) + 50 / days),
  };
}

/** Events oldest first; events of one day keep the server's order. */
export function sortEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) =>
      a.event.on < b.event.on ? -1 : a.event.on > b.event.on ? 1 : a.index - b.index,
    )
    .map(({ event }) => event);
}

/** How far away a date is, as a text key and a count: "today", "in 3 days", "3 days ago". */
export function relativeDays(daysUntil: number): {
  key: 'today' | 'inDays' | 'daysAgo';
  count: number;
} {
  if (daysUntil === 0) return { key: 'today', count: 0 };
  return daysUntil > 0
    ? { key: 'inDays', count: daysUntil }
    : { key: 'daysAgo', count: -daysUntil };
}

/**
 * Net days as computed, never rounded: core counts in ten-thousandths of a day (a degree has at
 * most two decimals), so up to four decimals (one day at 33.33 % is 0.3333); whole days without.
 */
export function formatNetDays(netDays: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, {
    maximumFractionDigits: 4,
    minimumFractionDigits: 0,
  }).format(netDays);
}
