import { describe, expect, it } from 'vitest';
import { EventBus } from '../../src/engine/event-bus.js';

type Ping = { type: 'ping'; tick: number; n: number };
type Pong = { type: 'pong'; tick: number; n: number };
type Note = { type: 'note'; tick: number; text: string };
type TestEvent = Ping | Pong | Note;

describe('event bus', () => {
  it('delivers to on(type) only the events of that type', () => {
    const bus = new EventBus<TestEvent>();
    const pings: Ping[] = [];
    bus.on('ping', (event) => pings.push(event));

    bus.publish({ type: 'note', tick: 0, text: 'hello' });
    bus.publish({ type: 'ping', tick: 1, n: 1 });
    bus.publish({ type: 'pong', tick: 1, n: 1 });

    expect(pings).toEqual([{ type: 'ping', tick: 1, n: 1 }]);
  });

  it('delivers every event to events$ in order of publication', () => {
    const bus = new EventBus<TestEvent>();
    const seen: string[] = [];
    bus.events$.subscribe((event) => seen.push(event.type));

    bus.publish({ type: 'ping', tick: 0, n: 1 });
    bus.publish({ type: 'note', tick: 0, text: '' });
    bus.publish({ type: 'pong', tick: 0, n: 1 });

    expect(seen).toEqual(['ping', 'note', 'pong']);
  });

  it('delivers an answer published inside a handler before the request’s publish returns', () => {
    const bus = new EventBus<TestEvent>();
    bus.on('ping', (ping) => bus.publish({ type: 'pong', tick: ping.tick, n: ping.n * 10 }));
    const answers: number[] = [];
    bus.on('pong', (pong) => answers.push(pong.n));

    bus.publish({ type: 'ping', tick: 0, n: 4 });
    // The requester reads its answer right after publishing, as vendors do with compute offers.
    expect(answers).toEqual([40]);
  });

  it('stops delivering to a handler once its subscription is ended', () => {
    const bus = new EventBus<TestEvent>();
    const pings: number[] = [];
    const subscription = bus.on('ping', (event) => pings.push(event.n));

    bus.publish({ type: 'ping', tick: 0, n: 1 });
    subscription.unsubscribe();
    bus.publish({ type: 'ping', tick: 0, n: 2 });

    expect(pings).toEqual([1]);
  });

  it('delivers nothing after it is completed', () => {
    const bus = new EventBus<TestEvent>();
    const seen: number[] = [];
    bus.on('ping', (event) => seen.push(event.n));
    bus.complete();
    bus.publish({ type: 'ping', tick: 0, n: 1 });
    expect(seen).toEqual([]);
  });

  it('delivers every event to onAny handlers, in order of publication', () => {
    const bus = new EventBus<TestEvent>();
    const seen: string[] = [];
    bus.onAny((event) => seen.push(event.type));
    bus.publish({ type: 'pong', tick: 0, n: 1 });
    bus.publish({ type: 'ping', tick: 0, n: 1 });
    expect(seen).toEqual(['pong', 'ping']);
  });

  it('rethrows a handler’s error from the publish that triggered it, and keeps delivering afterwards', () => {
    const bus = new EventBus<TestEvent>();
    const later: number[] = [];
    bus.on('ping', (event) => {
      if (event.n < 0) throw new Error('negative ping');
    });
    bus.on('ping', (event) => later.push(event.n));

    expect(() => bus.publish({ type: 'ping', tick: 0, n: -1 })).toThrow('negative ping');
    // The other subscribers still got the event, and the next publish is unaffected.
    expect(later).toEqual([-1]);
    expect(() => bus.publish({ type: 'ping', tick: 0, n: 2 })).not.toThrow();
    expect(later).toEqual([-1, 2]);
  });
});
