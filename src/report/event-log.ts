import { closeSync, openSync, writeSync } from 'node:fs';
import { writeFailure } from '../io/write-output.js';
import type { MarketEvent } from '../world/events.js';

const FLUSH_BYTES = 1 << 20;

/** events.jsonl, one event a line, written as the run goes so the log never sits in memory whole. */
export class EventLogWriter {
  private readonly fd: number;
  private readonly file: string;
  private buffer: string[] = [];
  private bufferedBytes = 0;
  count = 0;

  constructor(file: string) {
    this.file = file;
    try {
      this.fd = openSync(file, 'w');
    } catch (error) {
      throw writeFailure(file, error);
    }
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
    try {
      closeSync(this.fd);
    } catch (error) {
      throw writeFailure(this.file, error);
    }
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    try {
      writeSync(this.fd, this.buffer.join(''));
    } catch (error) {
      // A full disk names events.jsonl in the staging folder; Node's error names no file.
      throw writeFailure(this.file, error);
    }
    this.buffer = [];
    this.bufferedBytes = 0;
  }
}
