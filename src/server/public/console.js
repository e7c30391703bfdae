/**
 * Rep console. Plain browser JS, no build step. Logs in with /api/login (HttpOnly cookie), then keeps one
 * WebSocket on /ws/rep: a snapshot of open handoffs, live changes, and the rep's actions (claim, reply, tag,
 * note, close). Everything a buyer typed is set with textContent, never parsed as HTML.
 */
(function repConsole() {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var INTENTS = {
    greeting: '问候', farewell: '告别', size: '尺码', color: '颜色', shipping: '发货', tracking: '物流', invoice: '发票',
    damage: '破损', quality: '质量', wrong_item: '错发漏发', return_exchange: '退换货', refund: '退款', cancel_order: '取消订单',
    address_change: '改地址', discount: '优惠', product_info: '商品信息', stock: '库存', payment: '付款', complaint: '投诉',
    human: '转人工', membership: '会员', warranty: '保修', recommendation: '推荐',
  };
  var CONTACT = { chat: '在这里回复', phone: '电话', wangwang: '旺旺' };
  var WHO = { buyer: '买家', bot: '机器人', rep: '客服', system: '系统' };

  var items = new Map();
  var selected = null;
  var me = null;
  var ws = null;
  var offset = 0; // server clock minus ours, so waiting times match the server
  var nextRef = 1;
  var pending = new Map();
  var retry = 500;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function waitLabel(since) {
    var s = Math.max(0, Math.floor((Date.now() + offset - since) / 1000));
    if (s < 60) return s + '秒';
    if (s < 3600) return Math.floor(s / 60) + '分' + (s % 60) + '秒';
    return Math.floor(s / 3600) + '小时' + Math.floor((s % 3600) / 60) + '分';
  }
  function reasonLabel(item) {
    var n = item.note;
    if (n.reason === 'compensation' && n.detail) return n.reasonText + '·' + (INTENTS[n.detail] || n.detail);
    return n.reasonText;
  }
  function painLabel(n) {
    if (!n.painPoint) return '—';
    return n.painPoint.label + (n.painPoint.scene ? '（' + n.painPoint.scene + '）' : '');
  }
  function buyerLabel(item) {
    var b = item.note.buyerType;
    return b.label + ' · 共' + (b.messages + item.buyerMessages) + '条消息';
  }
  function collectedLabel(n) {
    var c = n.collected;
    var parts = [];
    if (c.orderId) parts.push('订单号 ' + c.orderId);
    if (c.product) parts.push(c.product);
    parts = parts.concat(c.sizeFacts);
    if (c.colour) parts.push('颜色 ' + c.colour);
    if (c.photoRequested) parts.push('已请买家拍照');
    return parts.length ? parts.join('，') : '—';
  }
  function lastBuyerLine(item) {
    for (var i = item.transcript.length - 1; i >= 0; i--) if (item.transcript[i].from === 'buyer') return item.transcript[i].text;
    return '';
  }
  function mine(item) { return item.status === 'claimed' && item.rep && me && item.rep.user === me.user; }

  // ---- the queue ----
  function card(item) {
    var li = el('li', 'card' + (item.urgency === 0 ? ' hot' : item.urgency === 1 ? ' money' : '') + (item.id === selected ? ' selected' : ''));
    li.dataset.id = item.id;
    var line1 = el('div', 'line1');
    if (item.urgency === 0) line1.appendChild(el('span', 'urgent', '急'));
    if (item.place) line1.appendChild(el('span', 'muted', '#' + item.place));
    line1.appendChild(el('span', 'reason', reasonLabel(item)));
    var wait = el('span', 'wait', waitLabel(item.createdAt));
    wait.dataset.since = String(item.createdAt);
    line1.appendChild(wait);
    li.appendChild(line1);
    li.appendChild(el('div', 'buyer', buyerLabel(item)));
    li.appendChild(el('div', 'pain', '痛点：' + painLabel(item.note)));
    li.appendChild(el('div', 'last', lastBuyerLine(item)));
    li.addEventListener('click', function () { select(item.id); });
    return li;
  }
  function renderLists() {
    var all = Array.from(items.values());
    var waiting = all.filter(function (i) { return i.status === 'queued'; })
      .sort(function (a, b) { return a.urgency - b.urgency || a.createdAt - b.createdAt; });
    waiting.forEach(function (i, k) { i.place = k + 1; });
    var held = all.filter(mine);
    var others = all.filter(function (i) { return i.status === 'claimed' && !mine(i); }).length;
    $('queue').replaceChildren.apply($('queue'), waiting.map(card));
    $('mine').replaceChildren.apply($('mine'), held.map(card));
    $('waiting-count').textContent = String(waiting.length);
    $('mine-count').textContent = String(held.length);
    $('others').textContent = others ? '其他同事正在接待 ' + others + ' 个会话' : '';
  }

  // ---- the selected chat ----
  function select(id) {
    selected = id;
    $('action-error').textContent = '';
    renderLists();
    renderDetail(true);
  }
  function renderDetail(fresh) {
    var item = selected ? items.get(selected) : null;
    $('empty').hidden = Boolean(item);
    $('chat').hidden = !item;
    if (!item) return;
    var n = item.note;
    var own = mine(item);
    $('n-urgent').hidden = item.urgency !== 0;
    $('n-reason').textContent = reasonLabel(item) + (n.reason === 'store_rule' && n.detail ? '：' + n.detail : '');
    $('n-wait').textContent = '已等待 ' + waitLabel(item.createdAt);
    $('n-wait').dataset.since = String(item.createdAt);
    $('n-buyer').textContent = buyerLabel(item);
    $('n-pain').textContent = painLabel(n);
    $('n-collected').textContent = collectedLabel(n);
    $('n-intents').textContent = n.intents.map(function (i) { return INTENTS[i] || i; }).join('、') || '—';
    $('n-tags').textContent = n.chatTags.join('、') || '—';
    var off = item.offline;
    $('n-offline').textContent = off && off.message
      ? off.message + (off.contact ? '（联系方式：' + CONTACT[off.contact.by] + (off.contact.phone ? ' ' + off.contact.phone : '') + '）' : '')
      : '—';
    $('n-suggest').textContent = n.suggestedLine;
    $('claim').hidden = item.status !== 'queued';
    $('held-by').textContent = item.status === 'claimed' ? (own ? '你正在接待' : item.rep.name + ' 正在接待') : '';
    $('reply-text').disabled = !own;
    $('send').disabled = !own;
    $('use-suggest').hidden = !own;
    $('tools').hidden = !own;
    var chips = item.repTags.map(function (t) {
      var chip = el('span', 'chip', t);
      var x = el('button', '', '×');
      x.type = 'button';
      x.title = '删除标签';
      x.addEventListener('click', function () { act({ type: 'untag', id: item.id, tag: t }); });
      chip.appendChild(x);
      return chip;
    });
    $('rep-tags').replaceChildren.apply($('rep-tags'), chips);
    if (fresh || document.activeElement !== $('private-note')) $('private-note').value = item.privateNote;
    renderTranscript(item);
  }
  // Follow new lines unless the rep scrolled up to read; only the rep's own scrolling changes that.
  var follow = true;
  $('transcript').addEventListener('scroll', function () {
    var list = $('transcript');
    follow = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  });
  function renderTranscript(item) {
    var list = $('transcript');
    var atBottom = follow;
    list.replaceChildren.apply(list, item.transcript.map(function (l) {
      var li = el('li', l.from);
      li.appendChild(el('span', 'who', WHO[l.from] + ' ' + new Date(l.at).toLocaleTimeString('zh-CN', { hour12: false })));
      li.appendChild(document.createTextNode(l.text));
      return li;
    }));
    if (atBottom || list.dataset.id !== item.id) {
      list.scrollTop = list.scrollHeight;
      // Again after layout: the tools appearing on claim shrink the list after this render.
      requestAnimationFrame(function () { list.scrollTop = list.scrollHeight; });
      follow = true;
    }
    list.dataset.id = item.id;
  }

  // ---- the socket ----
  function act(action) {
    return new Promise(function (resolve, reject) {
      if (!ws || ws.readyState !== 1) return reject(new Error('还没连上服务器，请稍候'));
      var ref = nextRef++;
      pending.set(ref, { resolve: resolve, reject: reject });
      ws.send(JSON.stringify(Object.assign({ ref: ref }, action)));
    }).catch(function (err) { $('action-error').textContent = err.message; throw err; });
  }
  function onFrame(f) {
    switch (f.type) {
      case 'hello':
        me = { user: f.user, name: f.name };
        offset = f.now - Date.now();
        $('me').textContent = f.name + '（' + f.user + '）';
        setOnline(f.online);
        break;
      case 'snapshot':
        items = new Map(f.items.map(function (i) { return [i.id, i]; }));
        renderLists(); renderDetail(false);
        break;
      case 'upsert':
        items.set(f.item.id, f.item);
        renderLists();
        if (f.item.id === selected) renderDetail(false);
        break;
      case 'removed':
        items.delete(f.id);
        if (selected === f.id) selected = null;
        renderLists(); renderDetail(false);
        break;
      case 'line': {
        var item = items.get(f.id);
        if (!item) break;
        item.transcript.push(f.line);
        renderLists();
        if (f.id === selected) renderTranscript(item);
        break;
      }
      case 'presence': setOnline(f.online); break;
      case 'ack':
      case 'error': {
        var p = pending.get(f.ref);
        if (!p) { if (f.type === 'error') $('action-error').textContent = f.message; break; }
        pending.delete(f.ref);
        if (f.type === 'ack') p.resolve(f); else p.reject(new Error(errorText(f.code, f.message)));
        break;
      }
    }
  }
  var ERRORS = { already_claimed: '已被其他同事接入', not_your_chat: '请先接入这个会话', handoff_not_found: '会话已结束' };
  function errorText(code, message) { return ERRORS[code] ? ERRORS[code] + '（' + message + '）' : message; }
  function setOnline(n) { $('status').textContent = '在线 · 当前 ' + n + ' 位客服在线'; $('status').className = 'status live'; }
  function connect() {
    ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/rep');
    ws.onopen = function () { retry = 500; };
    ws.onmessage = function (e) { onFrame(JSON.parse(e.data)); };
    ws.onclose = function () {
      $('status').textContent = '连接断开，正在重连…';
      $('status').className = 'status';
      pending.forEach(function (p) { p.reject(new Error('连接断开')); });
      pending.clear();
      fetch('/api/rep/me').then(function (r) {
        if (r.status === 401 || r.status === 403) return showLogin(r.status === 403 ? '此账号没有客服权限' : '登录已过期，请重新登录');
        setTimeout(connect, retry);
        retry = Math.min(retry * 2, 8000);
      }, function () { setTimeout(connect, retry); retry = Math.min(retry * 2, 8000); });
    };
  }

  // ---- login and start ----
  function showLogin(message) {
    $('app').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    $('login-user').focus();
  }
  function start() {
    $('login').hidden = true;
    $('app').hidden = false;
    fetch('/api/rep/canned').then(function (r) { return r.ok ? r.json() : { replies: [] }; }).then(function (body) {
      var groups = new Map();
      body.replies.forEach(function (c) {
        if (!groups.has(c.group)) { var g = el('optgroup'); g.label = c.group; groups.set(c.group, g); $('canned').appendChild(g); }
        var o = el('option', '', c.text);
        o.value = c.text;
        groups.get(c.group).appendChild(o);
      });
    });
    connect();
  }
  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    $('login-error').textContent = '';
    fetch('/api/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: $('login-user').value.trim(), password: $('login-password').value }),
    }).then(function (r) {
      if (!r.ok) return showLogin('账号或密码不对');
      return fetch('/api/rep/me').then(function (m) { return m.ok ? start() : showLogin('此账号没有客服权限'); });
    }, function () { showLogin('连不上服务器'); });
  });
  $('logout').addEventListener('click', function () {
    fetch('/api/logout', { method: 'POST' }).finally(function () { location.reload(); });
  });
  $('claim').addEventListener('click', function () { if (selected) act({ type: 'claim', id: selected }).catch(function () {}); });
  $('use-suggest').addEventListener('click', function () {
    var item = selected && items.get(selected);
    if (item) { $('reply-text').value = item.note.suggestedLine; $('reply-text').focus(); }
  });
  $('canned').addEventListener('change', function () {
    if ($('canned').value) { $('reply-text').value = $('canned').value; $('canned').value = ''; $('reply-text').focus(); }
  });
  function sendReply(e) {
    if (e) e.preventDefault();
    var text = $('reply-text').value.trim();
    if (!text || !selected) return;
    act({ type: 'reply', id: selected, text: text }).then(function () { $('reply-text').value = ''; }, function () {});
  }
  $('reply-form').addEventListener('submit', sendReply);
  $('reply-text').addEventListener('keydown', function (e) { if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) sendReply(e); });
  $('tag-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var tag = $('tag-text').value.trim();
    if (tag && selected) act({ type: 'tag', id: selected, tag: tag }).then(function () { $('tag-text').value = ''; }, function () {});
  });
  $('private-note').addEventListener('change', function () {
    if (selected) act({ type: 'note', id: selected, text: $('private-note').value }).catch(function () {});
  });
  $('close-form').addEventListener('submit', function (e) {
    e.preventDefault();
    if (selected) act({ type: 'close', id: selected, outcome: $('outcome').value }).catch(function () {});
  });
  setInterval(function () {
    document.querySelectorAll('[data-since]').forEach(function (node) {
      var t = waitLabel(Number(node.dataset.since));
      node.textContent = node.id === 'n-wait' ? '已等待 ' + t : t;
    });
  }, 1000);

  fetch('/api/rep/me').then(function (r) {
    if (r.ok) return start();
    showLogin(r.status === 403 ? '此账号没有客服权限' : '');
  }, function () { showLogin('连不上服务器'); });
})();
