/**
 * Index of the last element of `sorted` (ascending `YYYY-MM-DD` dates or any strings) that is ≤ `value`, or −1 when
 * every element is greater. Binary search: O(log n).
 */
export function lastIndexAtOrBefore(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
