// The dashboard's charts, drawn by Chart.js from the JSON in each canvas's data-chart attribute (the same figures as the
// table next to it), and the CSV export with a busy state that lasts as long as the download really takes.
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
    scales[valueAxis] = { beginAtZero: true, ticks: { callback: function (value) { return format.format(value); } } };
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

  function fileName(response, fallback) {
    var disposition = response.headers.get('Content-Disposition') || '';
    var match = /filename="?([^";]+)"?/.exec(disposition);
    return match ? match[1] : fallback;
  }

  // Without this script the form downloads the file directly; with it, the button shows that work is under way until
  // the whole file has arrived, and the result is announced.
  function exporting(form) {
    var button = form.querySelector('button[type="submit"]');
    var status = form.querySelector('[role="status"]');
    var label = button.textContent;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (button.getAttribute('aria-disabled') === 'true') {
        return;
      }
      var url = form.action + '?' + new URLSearchParams(new FormData(form)).toString();
      button.setAttribute('aria-disabled', 'true');
      form.setAttribute('aria-busy', 'true');
      button.classList.add('busy');
      button.textContent = form.getAttribute('data-busy');
      status.textContent = form.getAttribute('data-busy');
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/csv' } })
        .then(function (response) {
          // a session that ended answers with the login page instead of the file
          if (!response.ok || (response.headers.get('Content-Type') || '').indexOf('text/csv') !== 0) {
            throw new Error(response.status);
          }
          return response.blob().then(function (blob) {
            var link = document.createElement('a');
            link.href = URL.createObjectURL(blob);
            link.download = fileName(response, 'statistik.csv');
            document.body.appendChild(link);
            link.click();
            link.remove();
            setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
            status.textContent = form.getAttribute('data-done');
          });
        })
        .catch(function () {
          status.textContent = form.getAttribute('data-failed');
        })
        .then(function () {
          button.removeAttribute('aria-disabled');
          form.removeAttribute('aria-busy');
          button.classList.remove('busy');
          button.textContent = label;
        });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (window.Chart) {
      document.querySelectorAll('canvas[data-chart]').forEach(draw);
    }
    document.querySelectorAll('form[data-export]').forEach(exporting);
  });
})();
