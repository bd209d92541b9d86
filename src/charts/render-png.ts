import type { EChartsOption } from 'echarts';
import { chartFontFiles } from './chart-font.js';
import { renderSvg, type ChartSize } from './render-svg.js';

/**
 * Renders an ECharts option into a PNG: the same SVG as the HTML report (`renderSvg`), rasterized by resvg at
 * `size` with the bundled DejaVu Sans (regular and bold) as the only fonts (system fonts are not searched, so the picture is the same on
 * every machine, and text never vanishes where no font is installed). Returns the PNG file's bytes.
 */
export async function renderPng(option: EChartsOption, size: ChartSize): Promise<Buffer> {
  const svg = await renderSvg(option, size);
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size.width },
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
