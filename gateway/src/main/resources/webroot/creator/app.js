// The creator page: sign in with an API key, list your videos, open one to read its explanation
// with a forest plot of its drivers. Plain JavaScript and SVG; everything comes from this gateway.
(() => {
  'use strict';

  const TEXT = {
    en: {
      title: 'Why my videos do as they do', keyLabel: 'Your API key', signIn: 'Sign in',
      yourVideos: 'Your videos', back: '← All videos', drivers: 'What drove it', suggestions: 'What to try next',
      forestCaption: 'Effect of each tag, in percentage points, with its 95% interval; grey: not established.',
      request: 'Explain this video', badKey: 'This key is not valid (unknown, revoked or mistyped).',
      notCreator: 'This is not a creator key.', noVideos: 'No videos yet.',
      noExplanation: 'No explanation yet.', working: 'Writing the explanation…', failed: 'Something went wrong',
      tooMany: 'Too many requests; wait a moment.', snapshot: 'effect snapshot', writtenBy: 'written by the',
      llm: 'LLM', template: 'template', verified: 'checked against the evidence', notVerified: 'not verified',
      click: 'click', completion: 'completion', like: 'like', allViewers: 'all viewers', none: 'none yet',
      stages: { queued: 'queued', tagging: 'tagging', normalising: 'tagging', embedding: 'indexing', done: 'ready', failed: 'failed' }
    },
    zh: {
      title: '我的视频为什么表现如此', keyLabel: '你的 API 密钥', signIn: '登录',
      yourVideos: '我的视频', back: '← 全部视频', drivers: '影响因素', suggestions: '下一步可以尝试',
      forestCaption: '每个标签的效果（百分点）及其 95% 置信区间；灰色：尚未确立。',
      request: '解释这条视频', badKey: '密钥无效（不存在、已撤销或输入有误）。',
      notCreator: '这不是创作者密钥。', noVideos: '还没有视频。',
      noExplanation: '还没有解释。', working: '正在生成解释…', failed: '出错了',
      tooMany: '请求过于频繁，请稍候。', snapshot: '效果快照', writtenBy: '撰写者：',
      llm: '大模型', template: '模板', verified: '已与证据核对', notVerified: '未通过核对',
      click: '点击率', completion: '完播率', like: '点赞率', allViewers: '全体观众', none: '暂无',
      stages: { queued: '排队中', tagging: '打标签中', normalising: '打标签中', embedding: '建索引中', done: '就绪', failed: '失败' }
    }
  };

  const $ = (id) => document.getElementById(id);
  let lang = document.documentElement.lang === 'zh' ? 'zh' : 'en';
  let key = sessionStorage.getItem('tagcf.key');
  let current = null;
  let polling = 0;

  const t = (name) => TEXT[lang][name];

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
  }

  async function api(path, method = 'GET') {
    const response = await fetch(path, { method, headers: { Authorization: 'Bearer ' + key } });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    return { status: response.status, body };
  }

  function show(section) {
    ['signin', 'videos', 'video'].forEach((id) => { $(id).hidden = id !== section; });
  }

  function problemText(r) {
    if (r.status === 401) return t('badKey');
    if (r.status === 403) return t('notCreator');
    if (r.status === 429) return t('tooMany');
    return t('failed') + ' (' + r.status + ')' + (r.body && r.body.detail ? ': ' + r.body.detail : '');
  }

  async function signIn(event) {
    if (event) event.preventDefault();
    if (!key) return;
    const r = await api('/v1/creator/videos?size=100');
    if (r.status !== 200) {
      sessionStorage.removeItem('tagcf.key');
      $('signin-error').textContent = problemText(r);
      $('signin-error').hidden = false;
      show('signin');
      return;
    }
    sessionStorage.setItem('tagcf.key', key);
    $('signin-error').hidden = true;
    renderVideos(r.body.items);
  }

  function renderVideos(items) {
    const list = $('video-list');
    list.replaceChildren();
    if (items.length === 0) {
      const li = document.createElement('li');
      li.textContent = t('noVideos');
      list.append(li);
    }
    items.forEach((v) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.videoId = v.videoId;
      const title = document.createElement('span');
      title.textContent = v.title;
      const stage = document.createElement('span');
      stage.className = 'stage';
      stage.textContent = t('stages')[v.stage] || v.stage;
      button.append(title, stage);
      button.addEventListener('click', () => openVideo(v.videoId, v.title));
      li.append(button);
      list.append(li);
    });
    show('videos');
  }

  async function openVideo(id, title) {
    current = { id, title };
    $('video-title').textContent = title;
    show('video');
    await loadExplanation();
    $('back').focus();
  }

  async function loadExplanation() {
    const id = current.id;
    $('explanation').hidden = true;
    $('request').hidden = true;
    const r = await api('/v1/videos/' + encodeURIComponent(id) + '/explanation?lang=' + lang);
    if (!current || current.id !== id) return;
    if (r.status === 200) {
      $('status').textContent = '';
      render(r.body);
    } else if (r.status === 409) {
      $('status').textContent = t('noExplanation');
      $('request').hidden = false;
    } else {
      $('status').textContent = problemText(r);
    }
  }

  async function requestExplanation() {
    $('request').hidden = true;
    $('status').textContent = t('working');
    const r = await api('/v1/videos/' + encodeURIComponent(current.id) + '/explanation:refresh?lang=' + lang, 'POST');
    if (r.status !== 202) {
      $('status').textContent = problemText(r);
      return;
    }
    const run = ++polling;
    for (let i = 0; i < 60 && run === polling; i++) {
      await new Promise((done) => setTimeout(done, 1000));
      const x = await api('/v1/videos/' + encodeURIComponent(current.id) + '/explanation?lang=' + lang);
      if (x.status === 200 && x.body.snapshotId === r.body.snapshotId) {
        $('status').textContent = '';
        render(x.body);
        return;
      }
    }
  }

  function segmentName(segment) {
    return segment === 'all' ? t('allViewers') : segment;
  }

  function render(x) {
    $('summary').textContent = x.summary;
    const drivers = $('drivers');
    drivers.replaceChildren();
    x.drivers.forEach((d) => {
      const li = document.createElement('li');
      li.textContent = d.text;
      if (!d.established) li.className = 'not-established';
      drivers.append(li);
    });
    const suggestions = $('suggestions');
    suggestions.replaceChildren();
    x.suggestions.forEach((s) => {
      const li = document.createElement('li');
      li.textContent = s.text;
      suggestions.append(li);
    });
    $('meta').textContent = t('snapshot') + ' ' + x.snapshotId + ' · ' + t('writtenBy') + ' ' + t(x.writer) + ' · '
      + (x.verdict.passed ? t('verified') : t('notVerified'));
    forest(x.drivers);
    $('explanation').hidden = false;
  }

  const SVG = 'http://www.w3.org/2000/svg';

  function svg(name, attributes, parent) {
    const el = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([k, v]) => el.setAttribute(k, v));
    if (parent) parent.append(el);
    return el;
  }

  // One row per driver: its interval as a line, its estimate as a dot, a dashed line at zero.
  function forest(drivers) {
    const plot = $('forest');
    plot.replaceChildren();
    const width = 640;
    const row = 30;
    const left = 250;
    const right = 20;
    const height = Math.max(1, drivers.length) * row + 30;
    plot.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    if (drivers.length === 0) {
      svg('text', { x: 10, y: 20 }, plot).textContent = t('none');
      return;
    }
    let low = 0;
    let high = 0;
    drivers.forEach((d) => { low = Math.min(low, d.lowPp); high = Math.max(high, d.highPp); });
    const pad = (high - low) * 0.05 || 1;
    low -= pad;
    high += pad;
    const x = (v) => left + (v - low) / (high - low) * (width - left - right);
    svg('line', { class: 'zero', x1: x(0), x2: x(0), y1: 5, y2: height - 20 }, plot);
    svg('text', { x: x(0) + 3, y: height - 6 }, plot).textContent = '0';
    drivers.forEach((d, i) => {
      const y = 20 + i * row;
      const mark = svg('g', {
        class: 'mark' + (d.established ? '' : ' not-established'), 'data-tag': d.tag,
        'data-effect': d.effectPp, 'data-low': d.lowPp, 'data-high': d.highPp
      }, plot);
      const label = d.label + ' · ' + segmentName(d.segment) + ' · ' + t(d.outcome);
      svg('text', { x: 5, y: y + 4 }, mark).textContent = label.length > 34 ? label.slice(0, 33) + '…' : label;
      svg('line', { class: 'interval', x1: x(d.lowPp), x2: x(d.highPp), y1: y, y2: y }, mark);
      svg('circle', { class: 'point', cx: x(d.effectPp), cy: y, r: 5 }, mark);
      svg('title', {}, mark).textContent = label + ': ' + d.effectPp + ' [' + d.lowPp + ', ' + d.highPp + ']';
    });
  }

  document.querySelectorAll('[data-lang]').forEach((button) => button.addEventListener('click', () => {
    lang = button.dataset.lang;
    applyLanguage();
    if (current && !$('video').hidden) loadExplanation();
  }));
  $('signin-form').addEventListener('submit', (event) => { key = $('key').value.trim(); signIn(event); });
  $('back').addEventListener('click', () => { current = null; polling++; signIn(); });
  $('request').addEventListener('click', requestExplanation);

  applyLanguage();
  if (key) signIn(); else show('signin');
})();
