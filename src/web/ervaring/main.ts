/**
 * The Ervaringwijzer's answer page, /ervaring/<token>: a light page of its own (no React, no app bundle), for a phone
 * on a slow connection, without an account. It asks the questions of the invitation, keeps the answers on the device
 * (localStorage) until they are sent, and sends them once; the same submission sent again is recognised by its id.
 * Only this site is contacted (the CSP allows nothing else); nothing is tracked.
 */
import { experienceLimits, smileyLabels, type ExperienceQuestion } from '../../shared/experience';
import { fill, texts, type Audience, type Lang } from './texts';

interface Invitation {
  audience: Audience;
  providerName: string;
  questions: ExperienceQuestion[];
}
interface Saved {
  lang: Lang;
  answers: Record<string, number | string>;
  submissionId?: string;
}
interface Problem {
  status: number;
  detail?: string;
  invalidParams?: Array<{ name: string; reason: string }>;
}

const main = document.getElementById('main')!;
const token = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const storageKey = `zl-ervaring:${token}`;

function load(): Saved {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Saved | null;
    if (saved && typeof saved.answers === 'object') return saved;
  } catch {
    // Storage may be off (private mode): the page still works, it only forgets on reload.
  }
  return { lang: navigator.language.toLowerCase().startsWith('en') ? 'en' : 'nl', answers: {} };
}
const state = load();
function save(): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(state));
  } catch {
    // See load().
  }
}
function forget(): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // See load().
  }
}

/** A smiley drawn as SVG (emoji fonts differ, or lack, per phone): from a frown (1) to a broad smile (5). */
function face(point: number): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'face');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const bend = (point - 3) * 2.5;
  for (const [tag, attrs] of [
    ['circle', { cx: '12', cy: '12', r: '10.5' }],
    ['circle', { cx: '8.5', cy: '9.5', r: '1.3', class: 'eye' }],
    ['circle', { cx: '15.5', cy: '9.5', r: '1.3', class: 'eye' }],
    ['path', { d: `M7 ${16 - bend / 2} Q12 ${16 + bend} 17 ${16 - bend / 2}` }],
  ] as const) {
    const shape = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, v);
    svg.append(shape);
  }
  return svg;
}

type Child = Node | string | null | false;
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false) continue;
    if (k === 'class') node.className = String(v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

const t = () => texts[state.lang];

/** Replaces the page's content and moves focus to its heading, so a screen reader starts at the new content. */
function show(title: string, ...content: Child[]): void {
  document.documentElement.lang = state.lang;
  const heading = el('h1', { id: 'title', tabindex: '-1' }, title);
  main.replaceChildren(heading, ...content.filter((c): c is Node | string => Boolean(c)));
  document.title = `${title} – Ervaringwijzer`;
  heading.focus();
}

async function post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`/api/v1${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

function showProblem(problem: Problem, retry?: () => void): void {
  const title =
    problem.status === 404
      ? t().notFoundTitle
      : problem.status === 410
        ? t().goneTitle
        : problem.status === 429
          ? t().busyTitle
          : t().offlineTitle;
  const detail = problem.detail ?? (problem.status === 0 ? t().offline : t().failed);
  show(
    title,
    el('p', {}, detail),
    retry ? el('button', { type: 'button', class: 'secondary', id: 'retry' }, t().retry) : null,
  );
  document.getElementById('retry')?.addEventListener('click', retry!);
}

function languageToggle(onSwitch: () => void): HTMLElement {
  const other: Lang = state.lang === 'nl' ? 'en' : 'nl';
  const button = el('button', { type: 'button', class: 'secondary', lang: other }, t().otherLanguage);
  button.addEventListener('click', () => {
    state.lang = other;
    save();
    onSwitch();
  });
  return el('div', { class: 'lang' }, button);
}

function scale(q: ExperienceQuestion, index: number, count: number): HTMLElement {
  const points = q.kind === 'smiley' ? 5 : 10;
  const legendId = `${q.key}-legend`;
  const options = Array.from({ length: points }, (_, i) => {
    const value = i + 1;
    const id = `${q.key}-${value}`;
    const input = el('input', { type: 'radio', name: q.key, id, value: String(value) });
    input.checked = state.answers[q.key] === value;
    input.addEventListener('change', () => {
      state.answers[q.key] = value;
      save();
    });
    const label =
      q.kind === 'smiley'
        ? el('label', { for: id }, face(value), smileyLabels[state.lang][i]!)
        : el('label', { for: id }, String(value));
    return el('div', { class: 'option' }, input, label);
  });
  return el(
    'fieldset',
    { id: `field-${q.key}` },
    el(
      'legend',
      { id: legendId },
      el('span', { class: 'visually-hidden' }, `${fill(t().question, { n: index + 1, count })}: `),
      q.text[state.lang],
    ),
    el('div', { class: q.kind === 'smiley' ? 'scale' : 'scale marks' }, ...options),
  );
}

function openQuestion(q: ExperienceQuestion): HTMLElement {
  const id = `${q.key}-text`;
  const max = experienceLimits.openTextMax;
  const area = el('textarea', { id, name: q.key, 'aria-describedby': `${id}-hint`, maxlength: String(max) });
  area.value = typeof state.answers[q.key] === 'string' ? (state.answers[q.key] as string) : '';
  const hint = el('p', { class: 'hint', id: `${id}-hint` });
  const update = () => (hint.textContent = fill(t().openHint, { max, left: max - [...area.value].length }));
  update();
  area.addEventListener('input', () => {
    state.answers[q.key] = area.value;
    save();
    update();
  });
  return el(
    'div',
    { id: `field-${q.key}`, class: 'open' },
    el('label', { for: id }, el('strong', {}, q.text[state.lang])),
    hint,
    area,
  );
}

/** The first control of a question, where an error's link sends focus. */
const controlOf = (q: ExperienceQuestion) => (q.kind === 'open' ? `${q.key}-text` : `${q.key}-1`);

function errorSummary(invitation: Invitation, messages: Array<{ key?: string; text: string }>): HTMLElement {
  const items = messages.map((m) => {
    const q = invitation.questions.find((x) => x.key === m.key);
    const link = el('a', { href: `#${q ? controlOf(q) : 'send'}` }, q ? `${q.text[state.lang]}: ${m.text}` : m.text);
    link.addEventListener('click', (e) => {
      e.preventDefault();
      document.getElementById(q ? controlOf(q) : 'send')?.focus();
    });
    return el('li', {}, link);
  });
  return el(
    'div',
    { class: 'errors', role: 'alert', tabindex: '-1', id: 'errors' },
    el('h2', {}, t().errorsTitle),
    el('ul', {}, ...items),
  );
}

function renderForm(invitation: Invitation, errors: Array<{ key?: string; text: string }> = []): void {
  const count = invitation.questions.length;
  const form = el('form', { novalidate: true });
  if (errors.length) form.append(errorSummary(invitation, errors));
  invitation.questions.forEach((q, i) => form.append(q.kind === 'open' ? openQuestion(q) : scale(q, i, count)));
  const send = el('button', { type: 'submit', class: 'primary', id: 'send' }, t().send);
  form.append(send);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit(invitation, send);
  });
  show(
    fill(t().titleOf, { provider: invitation.providerName }),
    languageToggle(() => renderForm(invitation)),
    el('p', {}, fill(t().intro[invitation.audience], { count })),
    el('p', { class: 'privacy' }, t().privacy[invitation.audience]),
    form,
  );
  if (errors.length) document.getElementById('errors')?.focus();
}

async function submit(invitation: Invitation, button: HTMLButtonElement): Promise<void> {
  const answers = Object.fromEntries(
    Object.entries(state.answers).filter(([k, v]) => v !== '' && invitation.questions.some((q) => q.key === k)),
  );
  if (!Object.keys(answers).length) return renderForm(invitation, [{ text: t().nothingAnswered }]);
  state.submissionId ??= crypto
    .getRandomValues(new Uint8Array(16))
    .reduce((s, b) => s + b.toString(16).padStart(2, '0'), '');
  save();
  button.disabled = true;
  button.textContent = t().sending;
  let answer: { status: number; json: unknown };
  try {
    answer = await post('/experience-responses', {
      token,
      submissionId: state.submissionId,
      language: state.lang,
      answers,
    });
  } catch {
    return showProblem({ status: 0 }, () => renderForm(invitation));
  }
  if (answer.status === 200 || answer.status === 201) {
    forget();
    const title = invitation.audience === 'ouder' ? t().thanksTitleOuder : t().thanksTitle;
    return show(title, el('p', {}, t().thanks[invitation.audience]));
  }
  const problem = { status: answer.status, ...(answer.json as Omit<Problem, 'status'>) };
  if (answer.status === 400) {
    delete state.submissionId;
    save();
    return renderForm(
      invitation,
      (problem.invalidParams ?? []).map((p) => ({ key: p.name.replace(/^answers\./, ''), text: p.reason })),
    );
  }
  if (answer.status === 410) forget();
  showProblem(problem, answer.status === 429 || answer.status >= 500 ? () => renderForm(invitation) : undefined);
}

async function start(): Promise<void> {
  let answer: { status: number; json: unknown };
  try {
    answer = await post('/invitation-checks', { token });
  } catch {
    return showProblem({ status: 0 }, () => void start());
  }
  if (answer.status !== 200)
    return showProblem(
      { status: answer.status, ...(answer.json as Omit<Problem, 'status'>) },
      answer.status === 429 ? () => void start() : undefined,
    );
  renderForm(answer.json as Invitation);
}

document.documentElement.lang = state.lang;
document.getElementById('status')!.textContent = t().loading;
void start();
