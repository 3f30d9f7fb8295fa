// The observers' app: renders the checklists from the forms file (with their skip logic), keeps every filled form
// in a queue on the phone (localStorage) and sends the queue whenever the network is there. Each form carries an
// id made here, so a form sent twice (a lost answer, a retry) is stored once.
'use strict';

const KEYS = {
  queue: 'ashyq.observe.queue',
  sent: 'ashyq.observe.sent',
  refused: 'ashyq.observe.refused',
  token: 'ashyq.observe.token',
  user: 'ashyq.observe.user',
  lang: 'ashyq.observe.lang',
  forms: 'ashyq.observe.forms',
  strings: 'ashyq.observe.strings',
  team: 'ashyq.observe.team',
};

const state = { forms: null, strings: null, lang: 'kk', answers: {}, flushing: false };

const $ = id => document.getElementById(id);
const load = (key, fallback) => {
  try { const v = localStorage.getItem(key); return v === null ? fallback : JSON.parse(v); } catch { return fallback; }
};
const save = (key, value) => localStorage.setItem(key, JSON.stringify(value));
const t = key => (state.strings && state.strings[state.lang] && state.strings[state.lang][key]) || key;
const text = localized => (localized && (localized[state.lang] || localized.kk)) || '';

function newId() {
  if (self.crypto && crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

async function fetchJson(url, key) {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    if (response.ok) {
      const json = await response.json();
      save(key, json);
      return json;
    }
  } catch {
    // offline: the copy kept from the last time
  }
  return load(key, null);
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children) {
    node.append(child);
  }
  return node;
}

function currentForm() {
  return state.forms && state.forms.forms.find(f => f.kind === $('form').value);
}

function isAsked(question) {
  return !question.showIf || question.showIf.some(c => c.in.includes(state.answers[c.question]));
}

function options(question) {
  switch (question.type) {
    case 'assessment': return state.forms.assessment.answers.map(a => [a.code, text(a.text)]);
    case 'incident':
    case 'yes_no': return [['yes', t('ObsAppYes')], ['no', t('ObsAppNo')]];
    case 'choice': return question.options.map(o => [o.code, text(o.text)]);
    default: return null;
  }
}

function renderQuestions() {
  const form = currentForm();
  const box = $('questions');
  box.replaceChildren();
  if (!form) {
    return;
  }
  for (const q of form.questions) {
    const id = 'q-' + q.code;
    let input;
    const choices = options(q);
    if (choices) {
      input = el('select', { id, 'data-code': q.code }, el('option', { value: '' }, t('ObsAppChoose')),
        ...choices.map(([value, label]) => el('option', { value }, label)));
    } else if (q.type === 'text') {
      input = el('textarea', { id, 'data-code': q.code });
    } else {
      input = el('input', { id, 'data-code': q.code, type: q.type === 'number' ? 'number' : 'text', min: q.type === 'number' ? '0' : null, inputmode: q.type === 'number' ? 'numeric' : null });
    }
    input.value = state.answers[q.code] || '';
    input.addEventListener('change', () => {
      state.answers[q.code] = input.value;
      applySkipLogic();
    });
    const label = el('label', { for: id }, el('span', {}, text(q.text), el('small', { class: 'code' }, q.code)), input);
    box.append(el('div', { class: 'q ' + q.type + (q.required ? ' required' : ''), 'data-question': q.code }, label));
  }
  applySkipLogic();
}

// A question is shown when one of its conditions holds; a hidden question's answer is dropped.
function applySkipLogic() {
  const form = currentForm();
  if (!form) {
    return;
  }
  for (const q of form.questions) {
    const asked = isAsked(q);
    const div = document.querySelector(`[data-question="${CSS.escape(q.code)}"]`);
    div.hidden = !asked;
    if (!asked && state.answers[q.code] !== undefined) {
      delete state.answers[q.code];
      div.querySelector('[data-code]').value = '';
    }
  }
}

function renderTexts() {
  document.documentElement.lang = state.lang;
  $('lang').value = state.lang;
  $('title').textContent = t('ObsAppTitle');
  $('intro').textContent = t('ObsAppIntro');
  $('lang-label').textContent = t('ObsAppLanguage');
  $('login-title').textContent = t('ObsAppSignIn');
  $('user-label').textContent = t('ObsAppUser');
  $('password-label').textContent = t('ObsAppPassword');
  $('sign-in').textContent = t('ObsAppSignIn');
  $('sign-out').textContent = t('ObsAppSignOut');
  $('form-label').textContent = t('ObsAppForm');
  $('station-label').textContent = t('ObsAppStation');
  $('team-label').textContent = t('ObsAppTeam');
  $('save').textContent = t('ObsAppSave');
  $('queue-title').textContent = t('ObsAppQueue');
  $('queue-label').textContent = t('ObsAppQueued');
  $('sent-label').textContent = t('ObsAppSent');
  $('send-now').textContent = t('ObsAppSendNow');
  const selected = $('form').value || 'voting';
  const kinds = { opening: 'ObsOpening', voting: 'ObsVoting', counting: 'ObsCounting', tabulation: 'ObsTabulation' };
  $('form').replaceChildren(...(state.forms ? state.forms.forms : []).map(f => el('option', { value: f.kind }, t(kinds[f.kind]) || text(f.title))));
  $('form').value = selected;
  renderNetwork();
  renderAccount();
  renderQuestions();
  renderQueue();
}

function renderNetwork() {
  $('net').dataset.online = String(navigator.onLine);
  $('net').textContent = navigator.onLine ? t('ObsAppOnline') : t('ObsAppOffline');
}

function renderAccount() {
  const token = load(KEYS.token, null);
  $('login').hidden = !!token;
  $('account').hidden = !token;
  $('signed-in').textContent = token ? `${t('ObsAppSignedInAs')} ${load(KEYS.user, '')}` : '';
}

function renderQueue() {
  const queue = load(KEYS.queue, []);
  const refused = load(KEYS.refused, []);
  $('queue-count').textContent = String(queue.length);
  $('sent-count').textContent = String(load(KEYS.sent, []).length);
  $('queue').replaceChildren(...(queue.length === 0
    ? [el('li', { class: 'note' }, t('ObsAppNothingQueued'))]
    : queue.map(s => el('li', { 'data-id': s.id }, `${s.form} · ${s.station} · ${s.id}`))));
  $('refused').replaceChildren(...refused.map(r => el('li', { 'data-id': r.id },
    `${t('ObsAppRefused')}: ${r.id} — ${r.errors.map(e => `${e.field}: ${e.message} [${e.code}]`).join('; ')}`)));
}

async function signIn() {
  $('login-error').hidden = true;
  try {
    const response = await fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userName: $('user').value, password: $('password').value }),
    });
    if (!response.ok) {
      throw new Error(String(response.status));
    }
    const body = await response.json();
    save(KEYS.token, body.accessToken);
    save(KEYS.user, $('user').value);
    $('password').value = '';
    renderAccount();
    flush();
  } catch {
    $('login-error').textContent = navigator.onLine ? t('ObsAppSignInFailed') : t('ObsAppOffline');
    $('login-error').hidden = false;
  }
}

function saveForm() {
  const form = currentForm();
  const error = $('entry-error');
  error.hidden = true;
  $('saved').hidden = true;
  const station = $('station').value.trim();
  const team = $('team').value.trim();
  const answers = {};
  const missing = [];
  for (const q of form.questions) {
    if (!isAsked(q)) {
      continue;
    }
    const value = (state.answers[q.code] || '').trim();
    if (value) {
      answers[q.code] = value;
    } else if (q.required) {
      missing.push(q.code);
    }
  }
  if (!station || !team) {
    missing.unshift(!station ? t('ObsAppStation') : t('ObsAppTeam'));
  }
  if (missing.length > 0) {
    error.textContent = `${t('ObsAppRequired')}: ${missing.join(', ')}`;
    error.hidden = false;
    return;
  }
  const submission = { id: newId(), form: form.kind, station, team, submittedAt: new Date().toISOString(), answers };
  const queue = load(KEYS.queue, []);
  queue.push(submission);
  save(KEYS.queue, queue);
  save(KEYS.team, team);
  state.answers = {};
  renderQuestions();
  $('saved').textContent = `${t('ObsAppSavedLocally')} (${submission.id})`;
  $('saved').hidden = false;
  renderQueue();
  flush();
}

// Sends the queue; a form leaves the queue only when the server has it (stored now or already).
async function flush() {
  const queue = load(KEYS.queue, []);
  const token = load(KEYS.token, null);
  if (state.flushing || queue.length === 0 || !token || !navigator.onLine) {
    return;
  }
  state.flushing = true;
  try {
    const batch = queue.slice(0, 200);
    const response = await fetch('/api/observation/submissions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
      body: JSON.stringify({ submissions: batch }),
    });
    if (response.status === 401) {
      localStorage.removeItem(KEYS.token);
      renderAccount();
      return;
    }
    if (!response.ok) {
      return;
    }
    const body = await response.json();
    const done = new Set();
    const sent = load(KEYS.sent, []);
    const refused = load(KEYS.refused, []);
    for (const r of body.results) {
      done.add(r.id);
      if (r.outcome === 'Refused') {
        refused.push({ id: r.id, errors: r.errors });
      } else {
        sent.push(r.id);
      }
    }
    save(KEYS.sent, sent);
    save(KEYS.refused, refused);
    save(KEYS.queue, load(KEYS.queue, []).filter(s => !done.has(s.id)));
  } catch {
    // no network after all: the forms stay queued
  } finally {
    state.flushing = false;
    renderQueue();
  }
}

async function start() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/observe/sw.js', { scope: '/observe/' }).catch(() => { });
  }
  const [strings, forms] = await Promise.all([fetchJson('/observe/strings.json', KEYS.strings), fetchJson('/api/observation/forms', KEYS.forms)]);
  state.strings = strings;
  state.forms = forms;
  const preferred = (navigator.language || 'kk').slice(0, 2);
  state.lang = load(KEYS.lang, ['kk', 'ru', 'en'].includes(preferred) ? preferred : 'kk');
  $('team').value = load(KEYS.team, '');
  $('lang').addEventListener('change', () => { state.lang = $('lang').value; save(KEYS.lang, state.lang); renderTexts(); });
  $('form').addEventListener('change', () => { state.answers = {}; renderQuestions(); });
  $('sign-in').addEventListener('click', signIn);
  $('sign-out').addEventListener('click', () => { localStorage.removeItem(KEYS.token); renderAccount(); });
  $('save').addEventListener('click', saveForm);
  $('send-now').addEventListener('click', flush);
  window.addEventListener('online', () => { renderNetwork(); flush(); });
  window.addEventListener('offline', renderNetwork);
  setInterval(() => { renderNetwork(); flush(); }, 3000);
  renderTexts();
  document.body.dataset.ready = 'true';
  flush();
}

start();
