/** Replaces every occurrence of `secret` in `text`, so logs and messages never show the bot token. */
export function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('<token>') : text;
}
