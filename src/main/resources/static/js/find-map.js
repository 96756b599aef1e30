// The "Find my officers" map: draws the units, looks up any clicked point, and offers "use my location".
// Everything here is an extra: the address form works without it.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('map');
    if (!el || typeof L === 'undefined' || typeof htmx === 'undefined') {
      return;
    }
    el.hidden = false;
    var map = L.map(el, { keyboard: true }).setView([41.84, -87.68], 11);
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution }).addTo(map);
    }
    var marker = null;
    var units = null;

    function lookUp(lat, lon) {
      var url = el.dataset.find + '?lat=' + lat.toFixed(6) + '&lon=' + lon.toFixed(6);
      htmx.ajax('GET', url, { target: '#result', swap: 'outerHTML' }).then(function () {
        history.pushState({}, '', url);
      });
    }

    function showResult() {
      var result = document.getElementById('result');
      if (!result || !result.dataset.lat) {
        return;
      }
      var at = [parseFloat(result.dataset.lat), parseFloat(result.dataset.lon)];
      if (marker) {
        marker.setLatLng(at);
      } else {
        marker = L.marker(at, { keyboard: false }).addTo(map);
      }
      map.setView(at, Math.max(map.getZoom(), 14));
      marker.bindTooltip(el.dataset.located).openTooltip();
    }

    if (el.dataset.units) {
      fetch(el.dataset.units).then(function (r) { return r.ok ? r.json() : null; }).then(function (geojson) {
        if (!geojson) {
          return;
        }
        units = L.geoJSON(geojson, {
          style: { color: '#0b3d91', weight: 1, fillOpacity: 0.05 },
          onEachFeature: function (feature, layer) {
            layer.bindTooltip(feature.properties.levelName + ' ' + feature.properties.code, { sticky: true });
          }
        }).addTo(map);
        if (!document.getElementById('result').dataset.lat) {
          map.fitBounds(units.getBounds());
        }
      });
    }

    map.on('click', function (e) { lookUp(e.latlng.lat, e.latlng.lng); });
    document.body.addEventListener('htmx:afterSettle', showResult);
    showResult();

    var locate = document.getElementById('use-location');
    if (locate && navigator.geolocation) {
      locate.hidden = false;
      locate.addEventListener('click', function () {
        navigator.geolocation.getCurrentPosition(function (position) {
          lookUp(position.coords.latitude, position.coords.longitude);
        }, function () {
          var note = document.createElement('p');
          note.className = 'message warning';
          note.textContent = el.dataset.denied;
          document.getElementById('result').replaceChildren(note);
        }, { enableHighAccuracy: true, timeout: 10000 });
      });
    }
  });
})();
