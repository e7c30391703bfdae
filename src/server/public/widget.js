/**
 * Storefront chat widget. One tag puts it on any page:
 *   <script src="http://HOST/widget.js" data-title="店铺名" async></script>
 * Plain browser JS, no build step. Everything lives in a shadow root so the shop's CSS cannot break it, and every
 * text that comes from a buyer or the server is set with textContent, never parsed as HTML.
 * Protocol: see "Chat protocol" in the README (frames welcome, history, typing, reply, error).
 */
(function kefuWidget() {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__kefuWidget) return;
  window.__kefuWidget = true;

  var base = new URL(script.src, location.href);
  var wsUrl = (base.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + base.host + '/ws/chat';
  var title = script.getAttribute('data-title') || '在线客服';
  var subtitle = script.getAttribute('data-subtitle') || '通常秒回 · 24小时在线';
  var storeKey = 'kefu.session@' + base.host;
  // The buyer's own pseudonymous id outlives a chat, so the store can greet a returning buyer as one.
  var buyerKey = 'kefu.buyer@' + base.host;
  var openKey = 'kefu.open@' + base.host;
  var MAX_CHARS = 500;

  // ---- small DOM helpers (no innerHTML anywhere) ----
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function icon(d, size) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', String(size || 24));
    svg.setAttribute('height', String(size || 24));
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'currentColor');
    svg.appendChild(path);
    return svg;
  }
  var ICON_CHAT = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-4.5 3.6A.5.5 0 0 1 4 21.2V18a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z';
  var ICON_CLOSE = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z';
  var ICON_SEND = 'M3 20.5v-6.2l9-2.3-9-2.3V3.5L22 12z';

  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function timeLabel(at) {
    var d = new Date(at);
    var now = new Date();
    var hm = pad(d.getHours()) + ':' + pad(d.getMinutes());
    if (d.toDateString() === now.toDateString()) return hm;
    return (d.getMonth() + 1) + '月' + d.getDate() + '日 ' + hm;
  }
  function storage(key, value) {
    try {
      if (value === undefined) return localStorage.getItem(key);
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
    } catch (e) { /* private mode or blocked storage: the chat still works, it just won't resume */ }
    return null;
  }

  // ---- build the widget ----
  var host = el('div');
  host.id = 'kefu-widget';
  var root = host.attachShadow({ mode: 'open' });
  var css = el('link');
  css.rel = 'stylesheet';
  css.href = new URL('widget.css', base).href;
  css.addEventListener('load', function () { scrollDown(); });
  root.appendChild(css);

  var bubble = el('button', 'bubble');
  bubble.type = 'button';
  bubble.setAttribute('aria-label', '打开在线客服 Open chat');
  bubble.appendChild(icon(ICON_CHAT, 28));
  var badge = el('span', 'badge');
  badge.hidden = true;
  bubble.appendChild(badge);

  var panel = el('section', 'panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);
  panel.hidden = true;

  var header = el('header', 'head');
  var avatar = el('div', 'avatar', title.charAt(0));
  var who = el('div', 'who');
  who.appendChild(el('div', 'title', title));
  var status = el('div', 'status', subtitle);
  who.appendChild(status);
  var closeBtn = el('button', 'close');
  closeBtn.type = 'button';
  closeBtn.setAttribute('aria-label', '收起 Close');
  closeBtn.appendChild(icon(ICON_CLOSE, 20));
  header.appendChild(avatar);
  header.appendChild(who);
  header.appendChild(closeBtn);

  var log = el('div', 'log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  var typing = el('div', 'row bot typing');
  typing.setAttribute('aria-label', '对方正在输入 typing');
  var dots = el('div', 'msg dots');
  dots.appendChild(el('i'));
  dots.appendChild(el('i'));
  dots.appendChild(el('i'));
  typing.appendChild(dots);
  typing.hidden = true;

  var chips = el('div', 'chips');
  var form = el('form', 'compose');
  var input = el('textarea', 'input');
  input.rows = 1;
  input.maxLength = MAX_CHARS;
  input.placeholder = '输入您的问题… Type a question';
  input.setAttribute('aria-label', '消息 Message');
  var sendBtn = el('button', 'send');
  sendBtn.type = 'submit';
  sendBtn.setAttribute('aria-label', '发送 Send');
  sendBtn.appendChild(icon(ICON_SEND, 20));
  form.appendChild(input);
  form.appendChild(sendBtn);

  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(chips);
  panel.appendChild(form);
  root.appendChild(panel);
  root.appendChild(bubble);

  // ---- rendering ----
  var unread = 0;
  function scrollDown() {
    log.scrollTop = log.scrollHeight;
    // Once more after layout: lines added before the stylesheet or the panel was shown measure wrong.
    requestAnimationFrame(function () { log.scrollTop = log.scrollHeight; });
  }
  function addLine(from, text, at, name) {
    var kind = from === 'buyer' ? 'me' : from === 'system' ? 'sys' : 'bot';
    var row = el('div', 'row ' + kind + (from === 'rep' ? ' rep' : ''));
    // A person's lines carry their name, so the buyer sees the handoff happened.
    if (from === 'rep') row.appendChild(el('div', 'who-rep', name || '人工客服'));
    var msg = el('div', 'msg', text);
    row.appendChild(msg);
    if (kind !== 'sys') row.appendChild(el('time', 'at', timeLabel(at)));
    log.insertBefore(row, typing);
    if (kind === 'bot' && panel.hidden) {
      unread += 1;
      badge.textContent = String(unread);
      badge.hidden = false;
    }
    scrollDown();
    return row;
  }
  function note(text) { addLine('system', text, Date.now()); }
  function clearLog() {
    while (log.firstChild) log.removeChild(log.firstChild);
    log.appendChild(typing);
  }
  function setTyping(on) {
    typing.hidden = !on;
    if (on) scrollDown();
  }
  function setChips(list) {
    while (chips.firstChild) chips.removeChild(chips.firstChild);
    (list || []).forEach(function (text) {
      var chip = el('button', 'chip', text);
      chip.type = 'button';
      chip.addEventListener('click', function () { send(text); });
      chips.appendChild(chip);
    });
    chips.hidden = chips.childNodes.length === 0;
  }
  clearLog();
  setChips([]);

  // ---- connection, with resume and backoff ----
  var ws = null;
  var connected = false;
  var attempts = 0;
  var retryTimer = null;
  var welcomeChips = [];

  function setOnline(on) {
    connected = on;
    sendBtn.disabled = !on;
    panel.classList.toggle('offline', !on);
    status.textContent = on ? subtitle : '连接中断，正在重连… Reconnecting…';
  }

  function onFrame(frame) {
    switch (frame.type) {
      case 'welcome':
        storage(storeKey, frame.sessionId);
        if (frame.buyerId) storage(buyerKey, frame.buyerId);
        welcomeChips = frame.quickReplies;
        if (!frame.resumed) {
          // A new chat (first visit, or the old one is gone): start the log afresh with the greeting.
          clearLog();
          addLine('bot', frame.text, frame.at);
          setChips(frame.quickReplies);
        }
        break;
      case 'history':
        clearLog();
        frame.lines.forEach(function (l) { addLine(l.from, l.text, l.at); });
        if (frame.lines.length === 0) addLine('bot', '亲，欢迎回来～', Date.now());
        unread = 0;
        badge.hidden = true;
        setChips(welcomeChips);
        break;
      case 'typing':
        setTyping(frame.on);
        break;
      case 'reply':
        if (frame.last) setTyping(false);
        // After a handoff, a rep's replies and queue notices arrive as replies with `from`.
        addLine(frame.from || 'bot', frame.text, frame.at, frame.name);
        if (frame.last) setChips(frame.quickReplies.length ? frame.quickReplies : welcomeChips);
        if (frame.handoff) note('已为您转接人工客服，请稍候 · Connecting you to a person');
        break;
      case 'error':
        setTyping(false);
        note(frame.message);
        break;
    }
  }

  function connect() {
    clearTimeout(retryTimer);
    retryTimer = null;
    if (ws && (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING)) return;
    var sid = storage(storeKey);
    var bid = storage(buyerKey);
    var query = [];
    if (sid) query.push('session=' + encodeURIComponent(sid));
    if (bid) query.push('buyer=' + encodeURIComponent(bid));
    var sock = new WebSocket(wsUrl + (query.length ? '?' + query.join('&') : ''));
    ws = sock;
    sock.onopen = function () { attempts = 0; setOnline(true); };
    sock.onmessage = function (ev) {
      var frame;
      try { frame = JSON.parse(ev.data); } catch (e) { return; }
      onFrame(frame);
    };
    sock.onclose = function () {
      if (ws !== sock) return;
      ws = null;
      setOnline(false);
      setTyping(false);
      // Exponential backoff with jitter, capped, so a restarted server is not stampeded by every open page.
      var delay = Math.min(15000, 500 * Math.pow(2, attempts)) * (0.75 + Math.random() * 0.5);
      attempts += 1;
      retryTimer = setTimeout(connect, delay);
    };
  }

  function send(text) {
    text = String(text).trim();
    if (!text || !connected || !ws) return false;
    ws.send(JSON.stringify({ type: 'message', text: text }));
    addLine('buyer', text, Date.now());
    // Show the dots at once; the server only sends a typing frame when an answer is slow.
    setTyping(true);
    return true;
  }

  // ---- events ----
  function openPanel() {
    panel.hidden = false;
    bubble.hidden = true;
    unread = 0;
    badge.hidden = true;
    storage(openKey, '1');
    connect();
    scrollDown();
    input.focus();
  }
  function closePanel() {
    panel.hidden = true;
    bubble.hidden = false;
    storage(openKey, null);
  }
  bubble.addEventListener('click', openPanel);
  closeBtn.addEventListener('click', closePanel);
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (send(input.value)) input.value = '';
  });
  input.addEventListener('keydown', function (ev) {
    // Enter sends, Shift+Enter breaks the line; ignore Enter while an IME is composing Chinese.
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      if (send(input.value)) input.value = '';
    }
  });
  window.addEventListener('online', function () { if (!ws) connect(); });

  setOnline(false);
  status.textContent = subtitle;
  function mount() {
    document.body.appendChild(host);
    // Reopen after a reload if the buyer had the chat open; a returning buyer's history is fetched on open.
    if (storage(openKey) === '1') openPanel();
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
