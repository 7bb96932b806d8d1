/** Output sinks, so commands are testable without a process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** What `-` reads; process.stdin when absent. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export type Command = (args: string[], io: Io) => Promise<number>;
