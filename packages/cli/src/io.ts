import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { CliError, EXIT_FAILURE } from './errors';

/** Something text can be written to: `process.stdout`, `process.stderr` or a test buffer. */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * Everything a command touches outside itself. `bin.ts` passes the process's streams; tests pass
 * in-memory ones. Files named on the command line are read from the file system.
 */
export interface CliIo {
  /** Standard input: `process.stdin`, or e.g. `Readable.from(['{"answers": {}}'])` in tests. */
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly stdout: TextSink;
  /** Errors (as JSON) and progress reports go here, never to stdout. */
  readonly stderr: TextSink;
  /** True when standard error is a terminal: only then is progress drawn. */
  readonly stderrIsTerminal?: boolean;
}

/** `FILE` absent or `-` means standard input. */
function isStdin(file: string | undefined): file is undefined | '-' {
  return file === undefined || file === '-';
}

function readFailed(file: string, cause: unknown): CliError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new CliError('read_failed', `cannot read ${file}: ${detail}`, EXIT_FAILURE, [], {
    cause,
  });
}

/** The whole input as text, from `file` or from standard input. */
export async function readInputText(file: string | undefined, io: CliIo): Promise<string> {
  if (isStdin(file)) {
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of io.stdin) {
      text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    }
    return text + decoder.decode();
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw readFailed(file, error);
  }
}

/**
 * The input's lines, streamed, from `file` or from standard input (for `--ndjson`). A final
 * newline does not make an extra empty line; `\r\n` line ends are accepted.
 */
export async function* readInputLines(
  file: string | undefined,
  io: CliIo,
): AsyncGenerator<string, void, undefined> {
  const input = isStdin(file) ? Readable.from(io.stdin) : createReadStream(file, 'utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } catch (error) {
    throw isStdin(file) ? error : readFailed(file, error);
  } finally {
    lines.close();
  }
}

/**
 * Collects output lines and writes them in chunks of about 64 kB, so that a 100,000-line run
 * makes a few hundred writes rather than 100,000. Call `flush()` at the end.
 */
export function createLineBuffer(sink: TextSink, chunkSize = 65_536) {
  let pending = '';
  return {
    writeJson(value: unknown): void {
      pending += `${JSON.stringify(value)}\n`;
      if (pending.length >= chunkSize) {
        sink.write(pending);
        pending = '';
      }
    },
    flush(): void {
      if (pending !== '') sink.write(pending);
      pending = '';
    },
  };
}

/** Writes one value as one line of JSON. */
export function writeJsonLine(sink: TextSink, value: unknown): void {
  sink.write(`${JSON.stringify(value)}\n`);
}

/** Parses JSON text; a syntax error is bad input (`invalid_json`, exit 2). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError('invalid_json', `input is not valid JSON: ${detail}`, undefined, [], {
      cause: error,
    });
  }
}
