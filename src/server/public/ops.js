/*
 * Operations page. Plain browser JS, no build step. Logs in with /api/login (HttpOnly cookie), then reads
 * /api/ops/*: tag counts (drawn as an inline SVG line chart), the week's pain points, today's follow-ups
 * (with "sent" buttons) and segments. Every server value is set with textContent.
 */
(function opsPage() {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = ['#ff5000', '#2b6cd6', '#1a9b4b', '#9b59b6', '#f0a020', '#16a2b8', '#e0457b', '#6b7a8f'];
  var STEPS = { coupon: '优惠券', offer: '定向优惠' };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function time(at) {
    if (at === null || at === undefined) return '—';
    return new Date(at + 8 * 3600000).toISOString().slice(0, 16).replace('T', ' ');
  }
  function shortId(id) { return id.length > 12 ? id.slice(0, 8) + '…' : id; }
  function chips(tags) {
    var box = el('div', 'chips');
    tags.forEach(function (t) { box.appendChild(el('span', 'chip', t)); });
    return box;
  }

  function api(path, options) {
    return fetch(path, Object.assign({ credentials: 'same-origin' }, options || {})).then(function (r) {
      if (r.status === 401) { showLogin(); throw new Error('请先登录'); }
      return r.json().then(function (body) {
        if (!r.ok) throw new Error((body && body.error && body.error.message) || ('HTTP ' + r.status));
        return body;
      });
    });
  }

  // ---- chart: one line per tag, days along the bottom ----
  function drawChart(data) {
    var W = 720, H = 240, L = 34, R = 10, T = 10, B = 26;
    var box = $('chart');
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, preserveAspectRatio: 'xMidYMid meet' });
    var max = 1;
    data.series.forEach(function (s) { s.counts.forEach(function (c) { if (c > max) max = c; }); });
    var n = data.days.length;
    var x = function (i) { return L + (n === 1 ? 0 : (i * (W - L - R)) / (n - 1)); };
    var y = function (v) { return T + (H - T - B) * (1 - v / max); };
    [0, 0.5, 1].forEach(function (f) {
      var v = Math.round(max * f);
      root.appendChild(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: f === 0 ? 'axis' : 'grid' }));
      root.appendChild(svg('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, v));
    });
    var every = Math.max(1, Math.ceil(n / 8));
    data.days.forEach(function (d, i) {
      // Every few days, and today; a regular label too close to today's would overlap it.
      if (i !== n - 1 && (i % every !== 0 || n - 1 - i < every / 2)) return;
      // The last day is today: anchored at its end so the label stays inside the chart.
      var anchor = i === n - 1 ? 'end' : i === 0 ? 'start' : 'middle';
      root.appendChild(svg('text', { x: x(i), y: H - 8, 'text-anchor': anchor }, d.slice(5)));
    });
    var legend = $('legend');
    legend.replaceChildren();
    data.series.forEach(function (s, k) {
      var color = COLORS[k % COLORS.length];
      var points = s.counts.map(function (c, i) { return x(i).toFixed(1) + ',' + y(c).toFixed(1); }).join(' ');
      var line = svg('polyline', { points: points, fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-linejoin': 'round' });
      line.appendChild(svg('title', {}, s.tag + '：共 ' + s.total + ' 人次'));
      root.appendChild(line);
      s.counts.forEach(function (c, i) {
        if (!c) return;
        var dot = svg('circle', { cx: x(i), cy: y(c), r: 2.5, fill: color });
        dot.appendChild(svg('title', {}, data.days[i] + ' ' + s.tag + '：' + c));
        root.appendChild(dot);
      });
      var item = el('span', null, s.tag + ' ' + s.total);
      var swatch = el('i');
      swatch.style.background = color;
      item.prepend(swatch);
      legend.appendChild(item);
    });
    box.replaceChildren(root);
    if (data.series.length === 0) legend.appendChild(el('span', 'muted', '这段时间还没有标签。'));
  }
  function loadChart() {
    return api('/api/ops/tag-counts?days=' + $('chart-days').value + '&top=6').then(drawChart);
  }

  // ---- pain points of the week ----
  function loadPains() {
    return api('/api/ops/pain-points?days=7&top=8').then(function (data) {
      var list = $('pains');
      var top = data.items.length ? data.items[0].chats : 1;
      list.replaceChildren.apply(list, data.items.map(function (p) {
        var li = el('li');
        var bar = el('div', 'bar');
        var fill = el('span');
        fill.style.width = Math.max(4, Math.round((p.chats / top) * 100)) + '%';
        bar.appendChild(fill);
        li.append(el('span', null, p.label), bar, el('span', 'n', p.chats + ' 个会话'));
        return li;
      }));
      if (!data.items.length) list.appendChild(el('li', 'empty', '本周还没有痛点记录。'));
    });
  }

  // ---- today's follow-ups ----
  function markDone(item, button) {
    button.disabled = true;
    $('due-error').textContent = '';
    api('/api/ops/due/done', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ buyerId: item.buyerId, step: item.step }),
    }).then(function () {
      button.replaceWith(el('span', 'done', '✓ 已发送'));
    }, function (err) { button.disabled = false; $('due-error').textContent = err.message; });
  }
  function loadDue() {
    return api('/api/ops/due').then(function (data) {
      $('today').textContent = ' · ' + data.today;
      $('due-count').textContent = data.items.length + ' 人';
      var body = $('due-table').tBodies[0];
      body.replaceChildren.apply(body, data.items.map(function (d) {
        var tr = el('tr');
        var id = el('td', 'id', shortId(d.buyerId));
        id.title = d.buyerId;
        var tags = el('td');
        tags.appendChild(chips(d.tags));
        var action = el('td');
        var button = el('button', 'primary', '已发送');
        button.type = 'button';
        button.dataset.buyer = d.buyerId;
        button.addEventListener('click', function () { markDone(d, button); });
        action.appendChild(button);
        var dueDay = time(d.dueAt).slice(0, 10);
        var late = Math.round((Date.parse(data.today) - Date.parse(dueDay)) / 86400000);
        var due = el('td', null, dueDay);
        if (late > 0) due.appendChild(el('span', 'late', '逾期' + late + '天'));
        tr.append(id, el('td', 'step', STEPS[d.step] || d.step), due, el('td', null, time(d.askedAt)), tags, action);
        return tr;
      }));
      $('due-empty').hidden = data.items.length > 0;
      $('due-table').hidden = data.items.length === 0;
    });
  }

  // ---- segments ----
  function segmentQuery() {
    var q = new URLSearchParams();
    [['tags', 'seg-tags'], ['any', 'seg-any'], ['not', 'seg-not'], ['idleDays', 'seg-idle']].forEach(function (p) {
      var v = $(p[1]).value.trim();
      if (v) q.set(p[0], v);
    });
    return q;
  }
  function loadSegment() {
    var q = segmentQuery();
    ['csv', 'json'].forEach(function (f) {
      var e = new URLSearchParams(q); e.set('kind', 'segment'); e.set('format', f);
      $('seg-' + f).href = '/api/ops/export?' + e;
    });
    var ev = new URLSearchParams(q); ev.set('kind', 'events'); ev.set('format', 'csv');
    $('events-csv').href = '/api/ops/export?' + ev;
    $('seg-error').textContent = '';
    q.set('limit', '50');
    return api('/api/ops/buyers?' + q).then(function (data) {
      $('seg-summary').textContent = data.segment + '：' + data.count + ' 位买家' + (data.count > data.buyers.length ? '（显示前 ' + data.buyers.length + ' 位，导出可得全部）' : '');
      var body = $('seg-table').tBodies[0];
      body.replaceChildren.apply(body, data.buyers.map(function (p) {
        var tr = el('tr');
        var id = el('td', 'id', shortId(p.buyerId));
        id.title = p.buyerId;
        var tags = el('td');
        tags.appendChild(chips(p.tags.map(function (t) { return t.tag; })));
        tr.append(id, tags, el('td', null, time(p.firstContact)), el('td', null, time(p.lastTouch)), el('td', null, p.chats), el('td', null, p.handoffs));
        return tr;
      }));
    }, function (err) { $('seg-error').textContent = err.message; });
  }

  // ---- login and start ----
  function showLogin() { $('app').hidden = true; $('login').hidden = false; }
  function start(me) {
    $('login').hidden = true;
    $('app').hidden = false;
    $('me').textContent = me.name || me.user;
    return Promise.all([loadChart(), loadPains(), loadDue(), loadSegment()]);
  }
  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    $('login-error').textContent = '';
    fetch('/api/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
      body: JSON.stringify({ user: $('login-user').value.trim(), password: $('login-password').value }),
    }).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); }).then(function (res) {
      if (!res.ok) { $('login-error').textContent = '账号或密码不对'; return; }
      if (res.body.roles.indexOf('ops') < 0) { $('login-error').textContent = '这个账号没有运营权限'; return; }
      start(res.body);
    }, function () { $('login-error').textContent = '连不上服务器'; });
  });
  $('logout').addEventListener('click', function () {
    fetch('/api/logout', { method: 'POST', credentials: 'same-origin' }).then(showLogin, showLogin);
  });
  $('chart-days').addEventListener('change', function () { loadChart(); });
  $('segment-form').addEventListener('submit', function (e) { e.preventDefault(); loadSegment(); });
  api('/api/ops/me').then(start, function () { showLogin(); });
})();
