import { Observable, Subject, Subscription, filter } from 'rxjs';

/** Every event on a bus names its type and the tick it happened in, never wall-clock time. */
export interface TickEvent {
  readonly type: string;
  readonly tick: number;
}

/**
 * A typed, synchronous event bus over an rxjs Subject. Publishing delivers the event to every
 * subscriber before `publish` returns, so a request answered by a subscriber has its answer by
 * the time the requester continues: negotiation is a real exchange, and the order of events is
 * the order of publication, hence deterministic.
 *
 * rxjs reports an error thrown by a subscriber asynchronously, after the run has moved on; here a
 * handler's error is caught and rethrown by the `publish` that triggered it, so a broken handler
 * stops the run where it broke.
 */
export class EventBus<E extends TickEvent> {
  private readonly subject = new Subject<E>();
  private failure: { error: unknown } | null = null;
  readonly events$: Observable<E> = this.subject.asObservable();

  publish(event: E): void {
    this.subject.next(event);
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      throw error;
    }
  }

  /** Every event, in order of publication. */
  onAny(handler: (event: E) => void): Subscription {
    return this.subject.subscribe((event) => this.guard(handler, event));
  }

  on<T extends E['type']>(type: T, handler: (event: Extract<E, { type: T }>) => void): Subscription {
    return this.subject
      .pipe(filter((event): event is Extract<E, { type: T }> => event.type === type))
      .subscribe((event) => this.guard(handler, event));
  }

  complete(): void {
    this.subject.complete();
  }

  private guard<T>(handler: (event: T) => void, event: T): void {
    try {
      handler(event);
    } catch (error) {
      this.failure ??= { error };
    }
  }
}
