/**
 * Sample covariance matrix (ddof 1, as pandas `DataFrame.cov()`) of the last `count` values of each series, row-major
 * n × n. Every series must hold at least `count` values (the caller takes their common tail).
 */
export function covarianceMatrix(series: readonly ArrayLike<number>[], count: number): Float64Array {
  const n = series.length;
  const means = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = series[i]!;
    let sum = 0;
    for (let t = s.length - count; t < s.length; t++) sum += s[t]!;
    means[i] = sum / count;
  }
  const cov = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = series[i]!;
    const oa = a.length - count;
    for (let j = i; j < n; j++) {
      const b = series[j]!;
      const ob = b.length - count;
      let sum = 0;
      for (let t = 0; t < count; t++) sum += (a[oa + t]! - means[i]!) * (b[ob + t]! - means[j]!);
      cov[i * n + j] = cov[j * n + i] = sum / (count - 1);
    }
  }
  return cov;
}
