import { open, readFile } from 'node:fs/promises';

/**
 * Appends JSON values to a JSON Lines file, one per line, and returns the byte offset and length of each line. When
 * the file's last line was cut off (a crash mid-append), a newline first closes it, so it stays one unreadable line
 * that readers skip instead of spoiling the next one.
 */
export async function appendJsonLines(file: string, values: readonly unknown[]): Promise<{ offset: number; length: number }[]> {
  const handle = await open(file, 'a+');
  try {
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    let offset = size + prefix.length;
    const places: { offset: number; length: number }[] = [];
    const lines = values.map((value) => {
      const line = `${JSON.stringify(value)}\n`;
      const length = Buffer.byteLength(line);
      places.push({ offset, length });
      offset += length;
      return line;
    });
    await handle.write(prefix + lines.join(''));
    return places;
  } finally {
    await handle.close();
  }
}

/** Every readable line of a JSON Lines file, in order (none when the file does not exist); unreadable lines are skipped. */
export async function readJsonLines<T>(file: string): Promise<T[]> {
  const text = await readText(file);
  const values: T[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      values.push(JSON.parse(line) as T);
    } catch {
      // A line cut off by a crash mid-append: skipped (see appendJsonLines).
    }
  }
  return values;
}

/** One JSON Lines line parsed, or undefined when it is not JSON (a line cut off by a crash). */
export function parseLine<T>(line: string): T | undefined {
  try {
    return JSON.parse(line) as T;
  } catch {
    return undefined;
  }
}

/** The line of a JSON Lines file at `offset`, `length` bytes long, parsed; undefined when absent or unreadable. */
export async function readJsonLineAt<T>(file: string, offset: number, length: number): Promise<T | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return JSON.parse(buffer.subarray(0, bytesRead).toString('utf8')) as T;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** A file's text, or '' when it does not exist. */
export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
