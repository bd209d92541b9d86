import type { EChartsOption } from 'echarts';

/** A chart's size in CSS pixels (the SVG's `width`, `height` and `viewBox`). */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** ECharts is loaded on first use: commands that draw no chart do not pay its half-second import. */
let echartsModule: Promise<typeof import('echarts')> | undefined;

/**
 * Renders an ECharts option into a standalone SVG document string on the server, with no browser or canvas
 * (`echarts.init(null, null, { renderer: 'svg', ssr: true })`, `renderToSVGString()`). Animation is switched off and
 * dates are read and printed in UTC, so the picture does not depend on the machine's time zone.
 */
export async function renderSvg(option: EChartsOption, size: ChartSize): Promise<string> {
  echartsModule ??= import('echarts');
  const echarts = await echartsModule;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, useUTC: true, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
