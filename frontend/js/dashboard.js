// A dashboard's charts (Apache ECharts) and the learner table's filters, from the API its element names: the site's
// (/api/instructor) or one class's (/api/classes/{id}).
import * as echarts from '/_static/echarts/dist/echarts.esm.min.js';
import { getJson } from 'app/js/api.js';
import { localTime } from 'app/js/times.js';
import { t } from 'app/i18n/messages.js';

function bars(element, categories, series, max) {
  const chart = echarts.init(element, null, { renderer: 'svg' });
  // On a phone the slanted names are cut short, so the first stays on the screen; the table below has them whole.
  const labelWidth = element.clientWidth < 600 ? 90 : undefined;
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: 16, bottom: 90, top: 36 },
    xAxis: { type: 'category', data: categories, axisLabel: { rotate: 40, interval: 0, width: labelWidth, overflow: 'truncate' } },
    yAxis: { type: 'value', max },
    series: series.map((s) => ({ type: 'bar', ...s })),
  });
  window.addEventListener('resize', () => chart.resize());
}

const api = document.querySelector('[data-dashboard-api]').dataset.dashboardApi;
const { ok, data } = await getJson(`${api}/dashboard`);
if (ok) {
  bars(document.getElementById('funnel-chart'), data.steps.map((s) => `${s.position}. ${s.title}`), [
    { name: t('dashboard.visited'), data: data.steps.map((s) => s.visited), itemStyle: { color: '#93c5fd' } },
    { name: t('dashboard.completed'), data: data.steps.map((s) => s.completed), itemStyle: { color: '#166534' } },
  ]);
  bars(document.getElementById('exercise-chart'), data.exercises.map((e) => `${e.slug} / ${e.key}`), [
    { name: t('dashboard.firstTry'), data: data.exercises.map((e) => Math.round(e.firstTrySuccess * 100)), itemStyle: { color: '#1d4ed8' } },
  ], 100);
}

document.getElementById('learner-filter').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const query = new URLSearchParams({ sort: form.sort.value, order: form.sort.value === 'email' ? 'asc' : 'desc', minCompleted: form.minCompleted.value || '0' });
  const learners = await getJson(`${api}/learners?${query}`);
  if (!learners.ok) return;
  const body = document.querySelector('#learner-table tbody');
  body.replaceChildren(...learners.data.map((l) => {
    const row = document.createElement('tr');
    for (const value of [l.displayName, l.email, l.completedSteps, l.attempts, l.savedKernels, l.runs, l.lastActivity ? localTime(l.lastActivity) : '—']) {
      row.append(Object.assign(document.createElement('td'), { textContent: String(value) }));
    }
    return row;
  }));
});
