/*
 * Trainer page. Plain browser JS, no build step. Logs in with /api/login (HttpOnly cookie), then works on
 * /api/trainer/*: intents (examples, tests, answers, held-out accuracy), the misunderstood inbox, retraining with the
 * regression gate, model versions (confirm, roll back) and "try a sentence". Every server value is set with
 * textContent, never parsed as HTML.
 */
(function trainerPage() {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var SCRIPTS = { 'zh-Hans': '简', 'zh-Hant': '繁', en: 'EN' };
  var FIELDS = { examples: '例句', tests: '测试句（不参与训练）', answers: '回复' };
  var REASONS = { low_confidence: '答得没把握', none: '没听懂', handoff: '随后转人工', not_what_i_asked: '买家说答非所问' };
  var STATUS = { current: '使用中', kept: '保留', held: '待确认' };
  var state = { intents: [], selected: null, tab: 'intents', polling: null, added: null };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function pct(x) { return x === null || x === undefined ? '—' : (x * 100).toFixed(1) + '%'; }
  function time(iso) { return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—'; }
  function button(text, cls, onClick) {
    var b = el('button', cls, text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  function accuracy(x) {
    var box = el('span', 'acc' + (x === null ? '' : x < 0.6 ? ' low' : x < 0.8 ? ' mid' : ''));
    var bar = el('span', 'bar');
    var fill = el('span');
    fill.style.width = x === null ? '0' : Math.round(x * 100) + '%';
    bar.appendChild(fill);
    box.appendChild(bar);
    box.appendChild(el('span', null, pct(x)));
    return box;
  }

  function api(path, method, body) {
    var options = { method: method || 'GET', credentials: 'same-origin', headers: {} };
    if (body !== undefined) { options.headers['Content-Type'] = 'application/json'; options.body = JSON.stringify(body); }
    return fetch(path, options).then(function (r) {
      if (r.status === 401) { showLogin(); throw new Error('请先登录'); }
      return r.json().then(function (data) {
        if (!r.ok) throw new Error((data && data.error && data.error.message) || ('HTTP ' + r.status));
        return data;
      });
    });
  }
  function banner(text, kind) {
    var b = $('banner');
    b.hidden = !text;
    b.className = kind || '';
    b.textContent = text || '';
  }
  function fail(err) { banner(err.message, 'bad'); }

  // ---- header: the model in use ----
  function showModel(data) {
    var m = data.model;
    $('model-version').textContent = m ? m.version : '—';
    $('model-accuracy').textContent = m ? pct(m.accuracy) : '—';
    $('model-size').textContent = m ? m.corpusSize + ' 条例句 · ' + m.tests + ' 条测试 · ' + time(m.trainedAt) : '';
    $('retrain-due').textContent = data.retrainDue ? '例句有改动，重新训练后生效' : '';
  }

  // ---- intents ----
  function loadIntents() {
    return api('/api/trainer/intents').then(function (data) {
      state.intents = data.intents;
      showModel(data);
      $('intent-total').textContent = '（' + data.intents.length + ' 个）';
      var rows = clear($('intent-rows'));
      data.intents.forEach(function (i) {
        var tr = el('tr', 'pick' + (state.selected === i.intent ? ' on' : ''));
        tr.dataset.intent = i.intent;
        var name = el('td');
        name.appendChild(el('b', null, i.intent));
        if (!i.inModel) name.appendChild(el('span', 'chip hot', '未训练'));
        name.appendChild(el('div', 'muted', i.description.length > 40 ? i.description.slice(0, 40) + '…' : i.description));
        tr.appendChild(name);
        tr.appendChild(el('td', 'num', i.examples));
        tr.appendChild(el('td', 'num', i.tests));
        tr.appendChild(el('td', 'num', i.answers));
        var acc = el('td');
        acc.appendChild(accuracy(i.accuracy));
        tr.appendChild(acc);
        tr.addEventListener('click', function () { openIntent(i.intent); });
        rows.appendChild(tr);
      });
    });
  }

  function sentenceList(intent, field, byScript) {
    var box = el('div');
    var total = 0;
    var ul = el('ul', 'sentences');
    Object.keys(byScript || {}).forEach(function (script) {
      byScript[script].forEach(function (text) {
        total += 1;
        var li = el('li');
        var t = el('span');
        t.appendChild(el('span', 'script', SCRIPTS[script] || script));
        t.appendChild(document.createTextNode(text));
        li.appendChild(t);
        li.appendChild(button('✕', 'x', function () {
          api('/api/trainer/intents/' + encodeURIComponent(intent) + '/sentences', 'DELETE', { field: field, text: text, script: script })
            .then(function () { return refreshIntent(intent); }).catch(fail);
        }));
        ul.appendChild(li);
      });
    });
    box.appendChild(el('h3', null, FIELDS[field] + '（' + total + '）'));
    if (total > 0) box.appendChild(ul);
    // A sentence just added goes to the end of its list: show it.
    if (state.added === field) { state.added = null; setTimeout(function () { ul.scrollTop = ul.scrollHeight; }, 0); }
    var form = el('form', 'row');
    var input = el('input');
    input.placeholder = field === 'answers' ? '新回复，可用 {{persona}} 等占位符' : '新' + FIELDS[field].slice(0, 2) + '，按买家的说法写';
    input.setAttribute('aria-label', '添加' + FIELDS[field]);
    input.maxLength = 500;
    form.appendChild(input);
    var add = el('button', null, '添加');
    add.type = 'submit';
    form.appendChild(add);
    form.dataset.field = field;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var text = input.value.trim();
      if (!text) return;
      api('/api/trainer/intents/' + encodeURIComponent(intent) + '/sentences', 'POST', { field: field, texts: [text] })
        .then(function (r) {
          state.added = field;
          banner(r.added ? '已添加到 training/' + intent + '.json' + (field === 'answers' ? '，回复已生效' : '，重新训练后生效') : '已经有这一句了', 'ok');
          return refreshIntent(intent);
        }).catch(fail);
    });
    box.appendChild(form);
    return box;
  }

  function openIntent(id) {
    state.selected = id;
    Array.prototype.forEach.call(document.querySelectorAll('#intent-rows tr'), function (tr) {
      tr.classList.toggle('on', tr.dataset.intent === id);
    });
    return api('/api/trainer/intents/' + encodeURIComponent(id)).then(function (i) {
      var box = clear($('intent-detail'));
      var h = el('h2', null, i.intent);
      h.appendChild(accuracy(i.accuracy));
      box.appendChild(h);
      box.appendChild(el('p', 'muted', i.description || '（没有说明）'));
      if (!i.inModel) box.appendChild(el('p', 'chip hot', '当前模型还不认识这个意图：点“重新训练”'));
      box.appendChild(sentenceList(i.intent, 'examples', i.examples));
      box.appendChild(sentenceList(i.intent, 'answers', i.answers));
      box.appendChild(sentenceList(i.intent, 'tests', i.tests));
      if (i.misses.length > 0) {
        box.appendChild(el('h3', null, '当前模型答错的测试句（' + i.misses.length + '）'));
        var t = el('table');
        i.misses.slice(0, 30).forEach(function (m) {
          var tr = el('tr');
          tr.appendChild(el('td', null, m.text));
          tr.appendChild(el('td', 'muted', '→ ' + m.predicted + '（' + pct(m.score) + '）'));
          t.appendChild(tr);
        });
        box.appendChild(t);
      }
    }).catch(fail);
  }
  function refreshIntent(id) { return loadIntents().then(function () { return openIntent(id); }); }

  /** The form for a new intent; `ids` are inbox items whose messages become its examples. */
  function intentForm(target, ids, preset) {
    var form = el('form', 'grid');
    function field(label, node) { var l = el('label', null, label); l.appendChild(node); form.appendChild(l); return node; }
    var id = field('意图名（英文小写，如 gift_wrap）', el('input'));
    id.required = true;
    id.pattern = '[a-z][a-z0-9_]{1,39}';
    var desc = field('说明（什么问题算这个意图）', el('input'));
    var examples = null;
    if (!ids) {
      examples = field('例句（一行一句，至少写十句不同说法）', el('textarea'));
    } else {
      form.appendChild(el('p', 'muted', '这组的 ' + ids.length + ' 条消息会作为例句：' + (preset || '')));
    }
    var zh = field('中文回复', el('input'));
    zh.required = true;
    var en = field('English reply', el('input'));
    en.required = true;
    var err = el('p', 'error');
    form.appendChild(err);
    var save = el('button', 'primary', '保存');
    save.type = 'submit';
    form.appendChild(save);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var body = { intent: id.value.trim(), description: desc.value.trim(), answers: { 'zh-Hans': [zh.value.trim()], en: [en.value.trim()] } };
      var done;
      if (ids) { body.ids = ids; done = api('/api/trainer/inbox/create', 'POST', body); }
      else {
        body.examples = examples.value.split('\n').map(function (s) { return s.trim(); }).filter(Boolean);
        done = api('/api/trainer/intents', 'POST', body);
      }
      done.then(function () {
        banner('已新建 ' + body.intent + '（training/' + body.intent + '.json），重新训练后机器人就能认出它', 'ok');
        return Promise.all([loadIntents(), loadInbox()]).then(function () { if (!ids) return openIntent(body.intent); });
      }).catch(function (e2) { err.textContent = e2.message; });
    });
    clear(target).appendChild(form);
  }

  // ---- the misunderstood inbox ----
  function intentSelect() {
    var s = el('select');
    s.setAttribute('aria-label', '归到哪个意图');
    // No intent is preselected: assigning a group to the wrong one by accident would teach the bot a mistake.
    var none = el('option', null, '选择意图…');
    none.value = '';
    s.appendChild(none);
    state.intents.forEach(function (i) { var o = el('option', null, i.intent); o.value = i.intent; s.appendChild(o); });
    return s;
  }
  function loadInbox() {
    return api('/api/trainer/inbox').then(function (data) {
      var count = $('inbox-count');
      count.hidden = data.total === 0;
      count.textContent = data.total;
      var box = clear($('groups'));
      if (data.groups.length === 0) { box.appendChild(el('p', 'empty', '没有待处理的消息。')); return; }
      data.groups.forEach(function (g) {
        var card = el('div', 'group');
        var head = el('div', 'head');
        head.appendChild(el('span', 'label', g.label));
        head.appendChild(el('span', 'size', g.size + ' 条'));
        var chips = el('span', 'chips');
        Object.keys(g.reasons).forEach(function (r) { chips.appendChild(el('span', 'chip hot', (REASONS[r] || r) + ' ' + g.reasons[r])); });
        g.answeredAs.slice(0, 3).forEach(function (a) { chips.appendChild(el('span', 'chip', '机器人当成 ' + a.intent + ' ' + a.count)); });
        head.appendChild(chips);
        card.appendChild(head);
        var others = g.items.map(function (i) { return i.text; }).filter(function (t, k, all) { return t !== g.label && all.indexOf(t) === k; });
        if (others.length > 0) card.appendChild(el('div', 'samples', '其他说法：' + others.slice(0, 6).join(' ｜ ') + (others.length > 6 ? ' …' : '')));
        var ids = g.items.map(function (i) { return i.id; });
        var actions = el('div', 'actions');
        var pick = intentSelect();
        actions.appendChild(el('span', 'muted', '归到意图'));
        actions.appendChild(pick);
        actions.appendChild(button('加为例句', 'primary', function () {
          if (!pick.value) { banner('先选一个意图', 'bad'); return; }
          api('/api/trainer/inbox/assign', 'POST', { ids: ids, intent: pick.value }).then(function (r) {
            banner(r.added + ' 句已加为 ' + pick.value + ' 的例句，重新训练后生效', 'ok');
            return Promise.all([loadInbox(), loadIntents()]);
          }).catch(fail);
        }));
        var formBox = el('div');
        actions.appendChild(button('新建意图', null, function () { intentForm(formBox, ids, g.label); }));
        actions.appendChild(button('忽略', 'link', function () {
          api('/api/trainer/inbox/ignore', 'POST', { ids: ids }).then(loadInbox).catch(fail);
        }));
        card.appendChild(actions);
        card.appendChild(formBox);
        box.appendChild(card);
      });
    });
  }

  // ---- models ----
  function gateText(m) {
    if (!m.gate || m.gate.against === null) return '—';
    var d = m.gate.accuracyBefore === null ? '' : (m.gate.accuracyAfter - m.gate.accuracyBefore) * 100;
    var s = (d >= 0 ? '+' : '') + d.toFixed(1) + ' 个百分点，' + m.gate.flipped + ' 句变错，' + m.gate.fixed + ' 句变对';
    if (m.gate.broken.length) s += '；变差：' + m.gate.broken.join('、');
    if (m.gate.confirmedBy) s += '（' + m.gate.confirmedBy + ' 确认上线）';
    return s;
  }
  function loadModels() {
    return api('/api/trainer/models').then(function (data) {
      var rows = clear($('model-rows'));
      data.models.forEach(function (m) {
        var tr = el('tr');
        tr.dataset.version = m.version;
        tr.appendChild(el('td', 'mono', m.version));
        tr.appendChild(el('td', null, time(m.trainedAt)));
        tr.appendChild(el('td', 'num', m.corpusSize));
        tr.appendChild(el('td', 'num', pct(m.accuracy)));
        tr.appendChild(el('td', 'status-' + m.status, STATUS[m.status] || m.status));
        tr.appendChild(el('td', null, gateText(m)));
        var act = el('td');
        act.appendChild(button('详情', 'link', function () { showModelDetail(m.version); }));
        if (m.status === 'held') act.appendChild(button('确认上线', 'primary', function () { switchModel(m.version, 'confirm'); }));
        if (m.status === 'kept') act.appendChild(button('回滚到这版', null, function () { switchModel(m.version, 'rollback'); }));
        tr.appendChild(act);
        rows.appendChild(tr);
      });
    });
  }
  function switchModel(version, how) {
    api('/api/trainer/models/' + encodeURIComponent(version) + '/' + how, 'POST').then(function (m) {
      banner((how === 'confirm' ? '已确认上线 ' : '已回滚到 ') + m.version + '，正在聊天的买家无需重连', 'ok');
      return Promise.all([loadModels(), loadIntents()]);
    }).catch(fail);
  }
  function showModelDetail(version) {
    return api('/api/trainer/models/' + encodeURIComponent(version)).then(function (m) {
      var box = clear($('model-detail'));
      box.appendChild(el('h3', null, '模型 ' + m.version + ' · ' + (STATUS[m.status] || m.status)));
      var r = m.report;
      if (!r) { box.appendChild(el('p', 'muted', '没有对比记录（第一版模型）。')); return; }
      box.appendChild(el('p', null, '与 ' + m.gate.against + ' 相比：测试准确率 ' + pct(r.accuracyBefore) + ' → ' + pct(r.accuracyAfter) +
        (r.pass ? '，通过检查' : '，没通过检查：' + r.reasons.map(function (x) { return x === 'accuracy_drop' ? '准确率下降超过 1 个百分点' : '有意图的测试变差'; }).join('、'))));
      if (r.worse.length) {
        box.appendChild(el('h3', null, '变差的意图'));
        var t = el('table');
        r.worse.forEach(function (w) {
          var tr = el('tr');
          tr.appendChild(el('td', null, w.intent));
          tr.appendChild(el('td', null, pct(w.before) + ' → ' + pct(w.after) + '（' + w.support + ' 句测试）'));
          tr.appendChild(el('td', null, w.broken ? '超出允许范围' : '小幅变化'));
          t.appendChild(tr);
        });
        box.appendChild(t);
      }
      if (r.flipped.length) {
        box.appendChild(el('h3', null, '变错的句子（' + r.flipped.length + '）'));
        var f = el('table');
        r.flipped.slice(0, 100).forEach(function (s) {
          var tr = el('tr', 'flip');
          tr.appendChild(el('td', null, s.text));
          tr.appendChild(el('td', null, '应为 ' + s.expected));
          tr.appendChild(el('td', null, s.before + ' → ' + s.after));
          f.appendChild(tr);
        });
        box.appendChild(f);
      }
    }).catch(fail);
  }

  // ---- retrain ----
  function showJob(job) {
    if (!job) return;
    $('retrain').disabled = job.state === 'training';
    if (job.state === 'training') banner('正在训练新模型（在后台进行，聊天不受影响）… 开始于 ' + time(job.startedAt));
    else if (job.state === 'switched') banner('新模型 ' + job.version + ' 已上线：测试准确率 ' + pct(job.gate && job.gate.accuracyAfter) + '，用时 ' + (job.totalMs / 1000).toFixed(1) + ' 秒', 'ok');
    else if (job.state === 'held') banner('新模型 ' + job.version + ' 比当前的差，没有上线。到“模型版本”里看哪些意图变差、哪些句子变错，再决定是否确认。', 'bad');
    else if (job.state === 'failed') banner('训练失败：' + (job.error ? job.error.message : ''), 'bad');
  }
  function poll() {
    api('/api/trainer/retrain').then(function (r) {
      showJob(r.job);
      if (r.job && r.job.state === 'training') { state.polling = setTimeout(poll, 1000); return; }
      state.polling = null;
      return Promise.all([loadIntents(), loadModels()]).then(function () {
        if (r.job && r.job.state === 'held') { selectTab('models'); showModelDetail(r.job.version); }
        if (state.selected) openIntent(state.selected);
      });
    }).catch(fail);
  }
  $('retrain').addEventListener('click', function () {
    api('/api/trainer/retrain', 'POST').then(function (r) { showJob(r.job); if (!state.polling) poll(); }).catch(fail);
  });

  // ---- try a sentence ----
  $('try-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('try-text').value.trim();
    if (!text) return;
    api('/api/trainer/try', 'POST', { text: text }).then(function (r) {
      var box = clear($('try-result'));
      var big = el('div', 'big', r.intent + ' · ' + pct(r.score));
      box.appendChild(big);
      var notes = [];
      if (r.ambiguous) notes.push('前两名太接近');
      if (r.noneReason) notes.push({ 'no-known-words': '没有认识的词', 'low-score': '分数太低', model: '模型判为无关' }[r.noneReason] || r.noneReason);
      notes.push('归一化：' + r.normalised);
      notes.push('模型 ' + r.modelVersion);
      box.appendChild(el('div', 'muted', notes.join(' · ')));
      var ranking = el('ul', 'ranking');
      r.ranking.forEach(function (x) {
        var li = el('li');
        li.appendChild(el('span', null, x.intent));
        var bar = el('span', 'bar'); var fill = el('span'); fill.style.width = Math.round(x.score * 100) + '%'; bar.appendChild(fill);
        li.appendChild(bar);
        li.appendChild(el('span', 'num', pct(x.score)));
        ranking.appendChild(li);
      });
      box.appendChild(ranking);
      if (r.clauses.length) box.appendChild(el('div', null, '分句：' + r.clauses.map(function (c) { return c.intent + ' ' + pct(c.score); }).join('，')));
      var ents = el('div', 'chips');
      ents.appendChild(el('span', 'muted', '实体：'));
      if (r.entities.length === 0) ents.appendChild(el('span', 'muted', '无'));
      r.entities.forEach(function (x) { ents.appendChild(el('span', 'chip', x.kind + '=' + x.value + '（' + x.text + '）')); });
      box.appendChild(ents);
      var tags = el('div', 'chips');
      tags.appendChild(el('span', 'muted', '标签：'));
      if (r.tags.length === 0) tags.appendChild(el('span', 'muted', '无'));
      r.tags.forEach(function (t) { tags.appendChild(el('span', 'chip good', t)); });
      box.appendChild(tags);
    }).catch(fail);
  });

  // ---- tabs, login and start ----
  function selectTab(name) {
    state.tab = name;
    Array.prototype.forEach.call(document.querySelectorAll('nav button'), function (b) {
      b.setAttribute('aria-selected', String(b.dataset.tab === name));
    });
    ['intents', 'inbox', 'models', 'try'].forEach(function (t) { $('tab-' + t).hidden = t !== name; });
    if (name === 'inbox') loadInbox().catch(fail);
    if (name === 'models') loadModels().catch(fail);
  }
  Array.prototype.forEach.call(document.querySelectorAll('nav button'), function (b) {
    b.addEventListener('click', function () { selectTab(b.dataset.tab); });
  });
  $('new-intent').addEventListener('click', function () {
    state.selected = null;
    var box = clear($('intent-detail'));
    box.appendChild(el('h2', null, '新建意图'));
    var target = el('div');
    box.appendChild(target);
    intentForm(target, null);
  });

  function showLogin() { $('app').hidden = true; $('login').hidden = false; }
  function start(me) {
    $('login').hidden = true;
    $('app').hidden = false;
    $('me').textContent = me.name || me.user;
    return Promise.all([loadIntents(), loadInbox(), api('/api/trainer/retrain').then(function (r) {
      if (r.job && r.job.state === 'training') { showJob(r.job); poll(); }
    })]).catch(fail);
  }
  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    $('login-error').textContent = '';
    fetch('/api/login', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: $('login-user').value.trim(), password: $('login-password').value }),
    }).then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); }).then(function (res) {
      if (!res.ok) { $('login-error').textContent = '账号或密码不对'; return; }
      if (res.body.roles.indexOf('trainer') < 0) { $('login-error').textContent = '这个账号没有训练师权限'; return; }
      return api('/api/trainer/me').then(start);
    }, function () { $('login-error').textContent = '连不上服务器'; });
  });
  $('logout').addEventListener('click', function () {
    fetch('/api/logout', { method: 'POST', credentials: 'same-origin' }).then(showLogin, showLogin);
  });

  api('/api/trainer/me').then(start, function () { showLogin(); });
})();
