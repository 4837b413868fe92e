import { closeSync, openSync, writeSync } from 'node:fs';
import type { MarketEvent } from '../world/events.js';

const FLUSH_BYTES = 1 << 20;

/** events.jsonl, one event a line, written as the run goes so the log never sits in memory whole. */
export class EventLogWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private bufferedBytes = 0;
  count = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  write(event: MarketEvent): void {
    const line = `${JSON.stringify(event)}\n`;
    this.buffer.push(line);
    this.bufferedBytes += line.length;
    this.count++;
    if (this.bufferedBytes >= FLUSH_BYTES) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.bufferedBytes = 0;
  }
}
