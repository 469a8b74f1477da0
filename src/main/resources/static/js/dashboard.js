// The dashboard's charts, drawn by Chart.js from the JSON in each canvas's data-chart attribute (the same figures as the
// table next to it).
(function () {
  'use strict';

  var language = document.documentElement.lang || 'de';
  var euros = new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' });
  var plain = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // distinguishable without colour too: each series has its own border style and the legend names it
  var colours = ['#00508c', '#7a4a00', '#1e6b34', '#a3161c'];
  var dashes = [[], [6, 3], [2, 2], [8, 3, 2, 3]];

  function draw(canvas) {
    var chart = JSON.parse(canvas.getAttribute('data-chart'));
    var format = chart.money ? euros : plain;
    var valueAxis = chart.indexAxis === 'y' ? 'x' : 'y';
    var scales = {};
    // counts and days are whole: no ticks at 0.1 cases
    scales[valueAxis] = { beginAtZero: true, ticks: { precision: chart.money ? 2 : 0,
      callback: function (value) { return format.format(value); } } };
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: chart.labels,
        datasets: chart.datasets.map(function (series, i) {
          return {
            label: series.label,
            data: series.data,
            backgroundColor: colours[i % colours.length] + 'cc',
            borderColor: colours[i % colours.length],
            borderWidth: 2,
            borderDash: dashes[i % dashes.length]
          };
        })
      },
      options: {
        indexAxis: chart.indexAxis,
        animation: reducedMotion ? false : undefined,
        maintainAspectRatio: false,
        scales: scales,
        plugins: {
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.dataset.label + ': ' + (item.raw === null ? '–' : format.format(item.raw));
              }
            }
          }
        }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (window.Chart) {
      document.querySelectorAll('canvas[data-chart]').forEach(draw);
    }
  });
})();
