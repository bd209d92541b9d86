import * as echarts from 'echarts';
const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 200 });
c.setOption({ animation:false, title:{text:'a<b>&"c'}, legend:{data:['<script>x</script>']}, xAxis:{type:'category',data:['<i>']}, yAxis:{}, series:[{name:'<script>x</script>',type:'bar',data:[1]}]});
const s=c.renderToSVGString(); console.log(s.match(/<text[^>]*>[^<]*/g));
