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
 */
export class EventBus<E extends TickEvent> {
  private readonly subject = new Subject<E>();
  readonly events$: Observable<E> = this.subject.asObservable();

  publish(event: E): void {
    this.subject.next(event);
  }

  on<T extends E['type']>(type: T, handler: (event: Extract<E, { type: T }>) => void): Subscription {
    return this.subject
      .pipe(filter((event): event is Extract<E, { type: T }> => event.type === type))
      .subscribe(handler);
  }

  complete(): void {
    this.subject.complete();
  }
}
