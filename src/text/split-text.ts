/** Splits text at line breaks into pieces of at most `max` characters (a longer single line is cut). */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (let piece = line; ; piece = piece.slice(max)) {
      const part = piece.slice(0, max);
      if (current.length > 0 && current.length + 1 + part.length > max) {
        chunks.push(current);
        current = '';
      }
      current = current.length > 0 ? `${current}\n${part}` : part;
      if (piece.length <= max) break;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
