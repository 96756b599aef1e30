// Incidents pages: charts (chart.js) and maps (Leaflet). Everything here is an extra: every chart and map has a
// table beside it with the same numbers, and the filter forms work without JavaScript.
(function () {
  'use strict';
  var COLORS = ['#0b3d91', '#b5121b', '#1b7f3b', '#8a5a00', '#6a1b9a', '#455a64'];

  function names(el) {
    var keys = (el.dataset.keys || '').split('|');
    var labels = (el.dataset.names || '').split('|');
    var map = {};
    keys.forEach(function (k, i) { map[k] = labels[i] || k; });
    return map;
  }

  function chart(el) {
    if (typeof Chart === 'undefined' || !el.dataset.chart) {
      return;
    }
    var data = JSON.parse(el.dataset.chart);
    var label = names(el);
    new Chart(el, {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (d, i) {
          return { label: label[d.key] || d.key, data: d.data, borderColor: COLORS[i % COLORS.length],
            backgroundColor: COLORS[i % COLORS.length], tension: 0.2 };
        })
      },
      options: { responsive: true, animation: false,
        scales: { y: { beginAtZero: true } } }
    });
  }

  function baseMap(el) {
    el.hidden = false;
    var map = L.map(el, { keyboard: true }).setView([41.84, -87.68], 10);
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution }).addTo(map);
    }
    return map;
  }

  function choropleth(el) {
    var counts = JSON.parse(el.dataset.counts || '{}');
    var values = Object.keys(counts).map(function (k) { return counts[k]; });
    var max = Math.max.apply(null, values.concat([1]));
    var map = baseMap(el);
    fetch(el.dataset.units).then(function (r) { return r.ok ? r.json() : null; }).then(function (geojson) {
      if (!geojson) {
        return;
      }
      var layer = L.geoJSON(geojson, {
        style: function (f) {
          var n = counts[f.properties.code] || 0;
          return { color: '#333', weight: 1, fillColor: '#b5121b', fillOpacity: 0.1 + 0.7 * n / max };
        },
        onEachFeature: function (f, l) {
          l.bindTooltip(f.properties.levelName + ' ' + f.properties.code + ': ' + (counts[f.properties.code] || 0),
            { sticky: true });
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds());
    });
  }

  function hotSpots(el) {
    var cells = JSON.parse(el.dataset.cells || '[]');
    var map = baseMap(el);
    var group = L.featureGroup();
    cells.forEach(function (c) {
      L.rectangle([[c.south, c.west], [c.north, c.east]], {
        weight: c.hot ? 2 : 0, color: c.hot ? '#b5121b' : '#0b3d91',
        fillColor: c.hot ? '#b5121b' : '#0b3d91', fillOpacity: c.hot ? 0.6 : 0.15
      }).bindTooltip(String(c.count)).addTo(group);
    });
    group.addTo(map);
    if (cells.length) {
      map.fitBounds(group.getBounds());
    }
  }

  function points(el) {
    var map = baseMap(el);
    fetch(el.dataset.points).then(function (r) { return r.ok ? r.json() : null; }).then(function (geojson) {
      if (!geojson || !geojson.features.length) {
        return;
      }
      var layer = L.geoJSON(geojson, {
        pointToLayer: function (f, at) {
          return L.circleMarker(at, { radius: 4, weight: 1, color: '#0b3d91', fillOpacity: 0.6 });
        },
        onEachFeature: function (f, l) {
          var p = f.properties;
          l.bindPopup(document.createTextNode(p.offense + ' – ' + p.date + ' – ' + (p.block || '')));
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds());
      el.dataset.loaded = String(geojson.features.length);
    });
  }

  // The upload's own progress; the server then answers with the import's status page, which shows the processing.
  function uploadProgress(form) {
    var bar = document.getElementById('upload-progress');
    if (!bar || !window.XMLHttpRequest) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var request = new XMLHttpRequest();
      document.getElementById('upload-progress-row').hidden = false;
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round(100 * e.loaded / e.total);
          bar.textContent = bar.value + " %";
        }
      });
      request.addEventListener('load', function () {
        if (request.status < 400 && request.responseURL) {
          // Stored and queued: the redirect led to the status page, which polls the import's progress.
          window.location.assign(request.responseURL);
          return;
        }
        // The form with its errors: show it as the server rendered it.
        document.open();
        document.write(request.responseText);
        document.close();
        history.replaceState({}, '', request.responseURL);
      });
      request.open('POST', form.action);
      request.send(new FormData(form));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('canvas[data-chart]').forEach(chart);
    if (typeof L !== 'undefined') {
      var c = document.getElementById('choropleth');
      if (c) { choropleth(c); }
      var h = document.getElementById('hotspots');
      if (h) { hotSpots(h); }
      var m = document.getElementById('incident-map');
      if (m) { points(m); }
    }
    var form = document.getElementById('import-form');
    if (form) { uploadProgress(form); }
  });
}());
