/**
 * A value made on first use and kept: for costly set-up (compiling a JSON Schema takes tens of milliseconds) that
 * commands which never need it should not pay for at start-up.
 */
export function lazy<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
