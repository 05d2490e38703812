import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import embed from 'vega-embed';
import type { Answer } from '../answer.js';
import type { Controls, DriverControl } from '../controls.js';
import type { StudioState } from '../state.js';
import { centralRange } from '../central-range.js';
import { confidenceWords, trialCount } from '../../report/confidence-text.js';
import { METRIC_WORDS } from '../../scenario/target-labels.js';
import { readHumanNumber } from '../../scenario/human-number.js';
import { MAX_MAGNITUDE } from '../../scenario/limits.js';
import { currencyMark, formatStatedCurrency, targetAmount, type CurrencyMark } from '../../report/money.js';
import { fittedChart } from '../fitted-chart.js';

/** What GET /api/controls gives. */
interface Info {
  readonly name: string;
  readonly file: string;
  /** The name Save as offers (save.ts: defaultSaveName), one the save takes. */
  readonly saveName: string;
  readonly trials: number;
  readonly firstTrials: number;
  readonly seed: string;
  readonly currency: string;
  readonly confidence: number;
  readonly controls: Controls;
}

type Pass = 'first' | 'full';

const token = new URLSearchParams(location.search).get('token') ?? '';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

/** Reports this page has asked for: each report's number in its `order`. */
let reportsAsked = 0;

/** What the page says when the studio does not answer at all. */
const STUDIO_GONE = 'The studio is not answering: it may have stopped. Start arrcast studio again and open the address it prints.';

/** An API call; a refusal's message is thrown as an Error with its field, and no answer at all as STUDIO_GONE. */
async function api<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'x-arrcast-token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(signal ? { signal } : {}),
  }).catch((e: unknown) => {
    // No answer at all (the studio stopped, or was restarted on another port): said in words, not
    // the browser's "Failed to fetch". A request this page cancelled stays an AbortError.
    if (signal?.aborted) throw e;
    throw new Error(STUDIO_GONE);
  });
  if (!res.ok) {
    const err = (await res.json().catch(() => ({ error: res.statusText }))) as { error: string; field?: string; cancelled?: boolean };
    throw Object.assign(new Error(err.error), { field: err.field, cancelled: err.cancelled === true || res.status === 409 });
  }
  return (res.headers.get('content-type') ?? '').startsWith('application/json') ? ((await res.json()) as T) : ((await res.blob()) as T);
}

/** The page's state: the positions of its controls. */
const positions = new Map<string, { central: number; spread: number }>();
let market: number | null = null;
let targets: number[] = [];
let confidence = 0.8;
let info: Info;

function state(): StudioState {
  const drivers: StudioState['drivers'] = {};
  for (const c of info.controls.drivers) {
    const p = positions.get(c.id)!;
    const spreads = c.spreads ?? [1];
    const central = c.values[p.central]!;
    const spread = spreads[p.spread]!;
    if (p.central !== c.planIndex || spread !== 1) drivers[c.id] = { central, ...(spread !== 1 ? { spread } : {}) };
  }
  return { drivers, market, targets, confidence };
}

/** What puts each control back where the file has it. */
const resets: Array<() => void> = [];

/** A labelled slider: keyboard-movable, its value said as text (aria-valuetext) and shown beside it. */
function slider(id: string, label: string, count: number, start: number, text: (i: number) => string, plan: string | undefined, onMove: (i: number) => void): HTMLDivElement {
  const box = el('div', { class: 'control' });
  const input = el('input', { type: 'range', id, min: '0', max: String(count - 1), step: '1', value: String(start) });
  const out = el('output', { for: id, id: `${id}-value` });
  // The label is the control's name; its value is said by aria-valuetext, the file's value is its description.
  const lab = el('label', { for: id }, label);
  const head = el('div');
  head.append(lab, ': ', out);
  if (plan) {
    head.append(el('span', { class: 'plan', id: `${id}-plan` }, ` (file: ${plan})`));
    input.setAttribute('aria-describedby', `${id}-plan`);
  }
  const show = (i: number) => {
    out.textContent = text(i);
    input.setAttribute('aria-valuetext', text(i));
    box.classList.toggle('moved', i !== start);
  };
  show(start);
  resets.push(() => {
    input.value = String(start);
    show(start);
    onMove(start);
  });
  input.addEventListener('input', () => {
    const i = Number(input.value);
    show(i);
    onMove(i);
    changed();
  });
  box.append(head, input);
  return box;
}

/**
 * A driver's sliders, their element ids from its place among the page's drivers (`d-3`, `s-3`): ids
 * made from the driver's own id by replacing characters met for lead sources `a.b` and `a_b`, so the
 * second slider had no label and was described by the first one's value in the file.
 */
function driverControls(c: DriverControl, place: number): HTMLElement[] {
  positions.set(c.id, { central: c.planIndex, spread: (c.spreads ?? [1]).indexOf(1) });
  const { spreads, widest } = c;
  // Before the sliders are put back (resets run in order), their full ranges: an input keeps its value within its min and max.
  if (spreads && widest)
    resets.push(() => {
      centralInput.min = '0';
      centralInput.max = String(c.values.length - 1);
      spreadInput.max = String(spreads.length - 1);
    });
  const central = slider(`d-${place}`, c.label, c.values.length, c.planIndex, (i) => c.labels[i]!, c.labels[c.planIndex], (i) => (positions.get(c.id)!.central = i));
  if (!spreads || !widest) return [central];
  const centralInput = central.querySelector('input')!;
  const spread = slider(`s-${place}`, `${c.label}: spread`, spreads.length, spreads.indexOf(1), (i) => `× ${spreads[i]}`, '× 1', (i) => (positions.get(c.id)!.spread = i));
  const spreadInput = spread.querySelector('input')!;
  // Each slider offers only the positions the other's allows (a beta's sd below sqrt(mean (1 - mean)),
  // a PERT's min at or above 0): no pair the page offers is refused, and neither slider moves the other.
  const bound = () => {
    const p = positions.get(c.id)!;
    const [lo, hi] = centralRange(widest, p.central, p.spread);
    centralInput.min = String(lo);
    centralInput.max = String(hi);
    spreadInput.max = String(widest[p.central]);
  };
  bound();
  resets.push(bound);
  centralInput.addEventListener('input', bound);
  spreadInput.addEventListener('input', bound);
  return [central, spread];
}

/**
 * A target box's value, read as a scenario file's target is (readHumanNumber, kind 'amount':
 * `120000000`, `120,000,000`, `120M`, `1.2e8`), from 0 to MAX_MAGNITUDE; or, when the box is empty
 * or holds what is not such a number, why it is not taken, in words, with what to type. The box was
 * a number input, which read `120,000,000` and `120M`, which a file takes, as nothing.
 */
function targetOf(text: string): { value: number } | { why: string } {
  if (text.trim() === '') return { why: `the box is empty: ${AMOUNT_EXAMPLES}` };
  const read = readHumanNumber(text, 'amount', AMOUNT_EXAMPLES);
  if (!read.ok) return { why: read.message };
  if (read.value < 0) return { why: 'a target is 0 or more' };
  if (read.value > MAX_MAGNITUDE) return { why: `a target is at most ${formatStatedCurrency(MAX_MAGNITUDE, symbol())}, the most a scenario takes` };
  return { value: read.value };
}

/** What a target box takes, for its notes: amounts as a scenario file writes them. */
const AMOUNT_EXAMPLES = 'write the amount as a scenario file does, e.g. 120000000, 120,000,000, 120M or 1.2e8 (a point for decimals)';

/** The currency's symbol and minor digits, as the answer's amounts write them. */
const symbol = (): CurrencyMark => currencyMark(info.currency);

function buildControls(): void {
  const root = $('controls');
  const c = info.controls;
  if (c.market) {
    const f = el('fieldset');
    f.append(el('legend', {}, 'Market year'));
    const row = el('div', { class: 'control row' });
    const box = el('input', { type: 'checkbox', id: 'market-fixed' });
    row.append(box, el('label', { for: 'market-fixed' }, `Fix the market year (the file: ${c.market.asFile})`));
    const pcts = c.market.percentiles;
    let at = pcts.indexOf(0.5);
    const s = slider('market', 'Market year', pcts.length, at, (i) => c.market!.labels[i]!, undefined, (i) => {
      at = i;
      if (box.checked) market = pcts[i]!;
    });
    const input = s.querySelector('input')!;
    input.disabled = true;
    box.addEventListener('change', () => {
      input.disabled = !box.checked;
      market = box.checked ? pcts[at]! : null;
      changed();
    });
    resets.push(() => {
      box.checked = false;
      input.disabled = true;
      market = null;
    });
    f.append(row, s);
    root.append(f);
  }
  const t = el('fieldset');
  t.append(el('legend', {}, 'Targets and budget'));
  targets = c.targets.map((x) => x.value);
  c.targets.forEach((x, i) => {
    const box = el('div', { class: 'control' });
    const id = `target-${i}`;
    const input = el('input', { type: 'text', id, value: String(x.value), inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-note` });
    // Why a value typed was not taken, beside its box (it was put back without a word, and a target past the most a scenario takes was refused by the server in the scenario's terms, "targets.metrics[0].value").
    const note = el('p', { id: `${id}-note`, class: 'note', role: 'alert' });
    box.append(el('label', { for: id }, `Target: ${x.label ?? `${x.tier ? `${x.tier} ` : ''}${METRIC_WORDS[x.metric]}`} (${info.currency})`), input, note);
    resets.push(() => {
      input.value = String(x.value);
      targets[i] = x.value;
      note.textContent = '';
    });
    input.addEventListener('change', () => {
      const v = targetOf(input.value);
      // A box whose value is not taken keeps the target it had (an emptied one read as 0: P(target) 100%), and says why.
      if ('why' in v) {
        input.value = String(targets[i]);
        note.textContent = `Not taken: ${v.why}. The target stays ${targetAmount(targets[i]!, symbol())}.`;
        return;
      }
      note.textContent = '';
      targets[i] = v.value;
      changed();
    });
    t.append(box);
  });
  if (c.targets.length === 0) t.append(el('p', {}, 'No targets: start the studio with --target revenue=120M, or state targets: in the scenario.'));
  const conf = c.confidences;
  confidence = info.confidence;
  let start = conf.indexOf(confidence);
  if (start < 0) start = conf.indexOf(0.8);
  confidence = conf[start]!;
  t.append(slider('confidence', 'Confidence of the budget', conf.length, start, (i) => `${confidenceWords(conf[i]!).share} (the ${confidenceWords(conf[i]!).percentile})`, undefined, (i) => (confidence = conf[i]!)));
  root.append(t);
  const byTier = new Map<string, DriverControl[]>();
  for (const d of c.drivers) (byTier.get(d.tier) ?? byTier.set(d.tier, []).get(d.tier)!).push(d);
  for (const [tier, drivers] of byTier) {
    const f = el('fieldset');
    f.append(el('legend', {}, `${tier} drivers`));
    for (const d of drivers) f.append(...driverControls(d, c.drivers.indexOf(d)));
    root.append(f);
  }
  const save = el('fieldset');
  save.append(el('legend', {}, 'Keep this what-if'));
  const nameBox = el('div', { class: 'control' });
  const name = el('input', { type: 'text', id: 'save-name', value: info.saveName, maxlength: '64' });
  nameBox.append(el('label', { for: 'save-name' }, `Save as (a file next to ${info.file}, .yaml added)`), name);
  const saveButton = el('button', { type: 'button', id: 'save' }, 'Save as');
  const reportButton = el('button', { type: 'button', id: 'download-report' }, 'Download report');
  const saved = el('p', { id: 'saved', role: 'status' });
  // Why a save or a report failed, under their buttons: said at the top of the controls, it was
  // scrolled out of sight of the planner who had just pressed them (and the last save's "Saved ..."
  // stood beside the refusal of the next).
  const saveError = el('p', { id: 'save-error', class: 'note', role: 'alert' });
  const showSaveError = (message: string | undefined) => {
    saveError.textContent = message ?? '';
    // The line appears under the buttons, often below the window's foot when they sit at it.
    if (message !== undefined) saveError.scrollIntoView({ block: 'nearest' });
  };
  saveButton.addEventListener('click', () => {
    // One save at a time: a double click sent a second request for the same name, refused as taken
    // and answered last, so the page said "Not saved." of a file just written. The last refusal
    // goes as the next save starts (it stood beside the new name while that save ran).
    saveButton.disabled = true;
    saved.textContent = 'Saving…';
    delete saved.dataset.file;
    showSaveError(undefined);
    api<{ file: string; command: string; saveName: string }>('/api/save', { state: state(), name: name.value, ...(shownHash !== undefined ? { shown: shownHash } : {}) })
      .then((r) => {
        // The name just saved is taken now: the box offers the next free one.
        name.value = r.saveName;
        saved.textContent = `Saved ${r.file}. Its numbers: ${r.command}`;
        saved.dataset.file = r.file;
        showSaveError(undefined);
      })
      .catch((e: Error) => {
        saved.textContent = 'Not saved.';
        delete saved.dataset.file;
        showSaveError(e.message);
      })
      .finally(() => (saveButton.disabled = false));
  });
  reportButton.addEventListener('click', () => {
    reportButton.disabled = true;
    const running = `Running ${trialCount(info.trials)} for the report…`;
    saved.textContent = running;
    // The page's id: another tab's report does not cancel this one (LatestOnly by page).
    api<Blob>('/api/report', { state: state(), order: { page: PAGE, change: ++reportsAsked } })
      .then((blob) => {
        const a = el('a', { href: URL.createObjectURL(blob), download: 'report.html' });
        document.body.append(a);
        a.click();
        a.remove();
        saved.textContent = 'report.html downloaded.';
        showSaveError(undefined);
      })
      .catch((e: Error) => {
        // Every failure replaces the running line (a save said since is left): it stayed on screen
        // beside the error, as if the report were still being made.
        if (saved.textContent === running) saved.textContent = 'No report was made.';
        showSaveError(e.message);
      })
      .finally(() => (reportButton.disabled = false));
  });
  // Enter in the name box saves, as in a form (it did nothing: a keyboard user had to Tab on to the button).
  name.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.isComposing) saveButton.click();
  });
  const resetButton = el('button', { type: 'button', id: 'reset' }, 'Back to the file');
  resetButton.addEventListener('click', () => {
    for (const r of resets) r();
    changed();
  });
  const row = el('div', { class: 'row' });
  row.append(resetButton, saveButton, reportButton);
  save.append(nameBox, row, saved, saveError);
  root.append(save);
}

function showError(message: string | undefined): void {
  const e = $('error');
  e.hidden = message === undefined;
  e.textContent = message ?? '';
}

/** Chart views on the page, replaced by each answer. */
const views = new Map<string, vega.View>();
/** The latest draw asked of each chart: an older one that finishes after it is dropped. */
const drawn = new Map<string, number>();
/** The specs carry their data inline: nothing is loaded, from anywhere. */
const offline = vega.loader();
offline.load = () => Promise.reject(new Error('the studio loads nothing'));

/** The specs last drawn, by chart: drawn again to the column's new width when the window is resized. */
const lastSpecs = new Map<string, TopLevelSpec | undefined>();
/** The column width each chart was last drawn for. */
const drawnWidth = new Map<string, number>();

async function draw(id: string, spec: TopLevelSpec | undefined): Promise<void> {
  const box = $(id);
  const mine = (drawn.get(id) ?? 0) + 1;
  drawn.set(id, mine);
  lastSpecs.set(id, spec);
  let view: vega.View | undefined;
  const holder = el('div');
  if (spec) {
    // As wide as the results column at most: at an 800 px window the charts scrolled sideways in it.
    drawnWidth.set(id, box.clientWidth);
    const fitted = fittedChart(spec, box.clientWidth);
    // ast: expressions parsed to a syntax tree and interpreted (vega-embed's vega-interpreter), never compiled with new Function: no 'unsafe-eval'.
    // No actions menu (its links open the online editor), no injected style, no tooltips: the figures are text beside the charts.
    ({ view } = await embed(holder, fitted, {
      mode: 'vega-lite',
      renderer: 'svg',
      actions: false,
      defaultStyle: false,
      tooltip: false,
      hover: false,
      loader: offline,
      ast: true,
    }));
  }
  if (drawn.get(id) !== mine) {
    view?.finalize();
    return;
  }
  views.get(id)?.finalize();
  views.delete(id);
  if (view) views.set(id, view);
  // The chart shown is swapped only once the new one is drawn.
  box.replaceChildren(...(view ? [holder] : []));
}

const figure = (id: string, label: string, f: { value: number; text: string }) => {
  const d = el('div');
  const dd = el('dd', { id, 'data-value': String(f.value) }, f.text);
  d.append(el('dt', {}, label), dd);
  return d;
};

/** The hash of the full answer drawn for the state the controls show (none once a control moves): a save is of those numbers. */
let shownHash: string | undefined;

async function render(a: Answer & { pass: Pass; dataEdited?: boolean }): Promise<void> {
  const dl = $('figures');
  // As the slider and the report write it (confidenceWords): a budget at 65.5% was labelled 66%, and one at 99.99% 100%.
  const budgetPct = confidenceWords(a.budget.confidence).share;
  dl.replaceChildren(
    figure('p10', 'Revenue P10', a.revenue.p10),
    figure('p50', 'Revenue P50', a.revenue.p50),
    figure('p90', 'Revenue P90', a.revenue.p90),
    figure('budget', `Budget at ${budgetPct} confidence`, a.budget.revenue),
    ...a.targets.map((t, i) => figure(`target-p-${i}`, `P(${t.label})`, t.probability)),
  );
  $('against-plan').textContent = a.againstPlan.text;
  // The server reads the data files for every answer: one edited on disk since the page opened changes the numbers, which says so.
  const edited = $('data-edited');
  edited.hidden = a.dataEdited !== true;
  edited.textContent = a.dataEdited === true ? 'A data file (a customer book or pipeline file) was changed on disk since the studio started: these numbers, and the plan they are compared with, are of the data as it is now.' : '';
  if (a.pass === 'full') shownHash = a.hash;
  const p = $('against-plan');
  p.dataset.p50 = String(a.againstPlan.p50.value);
  const body = $('attribution').querySelector('tbody')!;
  const notEstimable = a.attribution.notEstimable;
  if (notEstimable !== undefined) {
    // Too few trials for the shares: one row saying why, no figures (and no tornado: the answer has none).
    const tr = el('tr');
    tr.append(el('td', { colspan: '2' }, `Not estimable: ${notEstimable}`));
    body.replaceChildren(tr);
  } else body.replaceChildren(
    ...a.attribution.drivers.map((d) => {
      const tr = el('tr');
      tr.append(el('td', {}, d.label), el('td', {}, d.share.text));
      return tr;
    }),
    (() => {
      const tr = el('tr');
      tr.append(el('td', {}, 'Unit-level luck and interactions'), el('td', {}, a.attribution.unexplained!.text));
      return tr;
    })(),
    // A driver's share below 0, and luck below 0: the report's sentences saying why, under the rows.
    ...[a.attribution.negativeNote, a.attribution.unexplainedNote].flatMap((note) => {
      if (note === undefined) return [];
      const tr = el('tr');
      tr.append(el('td', { colspan: '2' }, note));
      return [tr];
    }),
  );
  await Promise.all([draw('chart-distribution', a.charts.distribution), draw('chart-fan', a.charts.fan), draw('chart-tornado', a.charts.tornado)]);
}

/**
 * Each change gets a number, counted when the control moves (changed()), not when it is asked about
 * at the next frame: an answer for an older number is never shown. Counted at the ask, an older
 * state's answer read between the move and the next frame was shown as settled (full pass, not
 * stale) beside the slider already moved.
 */
let seq = 0;
/**
 * This page's id, sent with each change's number: the server refuses a request of an older change of
 * this page that reaches it late instead of letting it cancel the newer one's work.
 */
const PAGE = Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(16).padStart(8, '0')).join('');
/**
 * Times the latest state was asked again because the server cancelled it (a request without this
 * page's order, or more than 32 pages asking at once, cancels its work there). The page then asks
 * again, a few times.
 */
let askedAgain = 0;
const MAX_ASKED_AGAIN = 5;
let inFlight: AbortController | undefined;
let queued = false;

/** What an answer writes, dimmed while it is an older position's (studio.css's .stale). */
const DIMMED = ['figures', 'against-plan', 'attribution', 'chart-distribution', 'chart-fan', 'chart-tornado'];

/**
 * Whether the figures, the line against the plan, the shares and the charts shown are an older
 * position's (dimmed: studio.css), and, for a screen reader, whether they are being made again
 * (aria-busy): only the figures and charts were dimmed, and nothing said so to a screen reader.
 */
function markStale(stale: boolean): void {
  document.body.classList.toggle('stale', stale);
  markBusy(stale);
}

/**
 * aria-busy on each dimmed part, never on #results: a live region inside a busy element (#status,
 * role=status) may have its announcements held back by a screen reader until the busy ends, and the
 * status line is what says the answer is being made.
 */
function markBusy(busy: boolean): void {
  for (const id of DIMMED) $(id).setAttribute('aria-busy', String(busy));
}

/** A control moved: ask again, once per frame; the older request is cancelled (here and, through it, on the server). */
let changedAt: number | undefined;
function changed(): void {
  // Timed from the first change not yet asked about: what a planner waits for after moving a control.
  changedAt ??= performance.now();
  seq++;
  shownHash = undefined;
  // The figures shown are the older position's from now on, not from the next frame's update(): until
  // then the page read as settled (full pass, not stale) beside a slider already moved.
  markStale(true);
  document.body.dataset.pass = 'pending';
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    void update();
  });
}

async function update(): Promise<void> {
  const mine = seq;
  const started = changedAt ?? performance.now();
  changedAt = undefined;
  inFlight?.abort();
  const abort = new AbortController();
  inFlight = abort;
  const s = state();
  markStale(true);
  document.body.dataset.pass = 'pending';
  const passes: Pass[] = info.firstTrials < info.trials ? ['first', 'full'] : ['full'];
  const ask = (pass: Pass) => api<Answer & { pass: Pass }>('/api/answer', { state: s, pass, order: { page: PAGE, change: mine } }, abort.signal);
  try {
    // Both passes are asked for at once: the server starts the full pass as soon as the first one's
    // trials are in (it resumes from them), while the first answer is summarised and drawn.
    const asked = passes.map(ask);
    for (const p of asked) p.catch(() => undefined);
    for (const [k, pass] of passes.entries()) {
      $('status').textContent = pass === 'first' ? `Simulating ${trialCount(info.firstTrials)}…` : `Refining to ${trialCount(info.trials)}…`;
      const a = await asked[k]!;
      if (mine !== seq) return;
      await render(a);
      if (mine !== seq) return;
      showError(undefined);
      const ms = Math.round(performance.now() - started);
      document.body.dataset[pass === 'first' ? 'firstMs' : 'fullMs'] = String(ms);
      if (a.timing) document.body.dataset[pass === 'first' ? 'firstServer' : 'fullServer'] = `${a.timing.simulateMs}+${a.timing.summarizeMs}`;
      $('status').textContent =
        pass === 'full'
          ? `${trialCount(a.trials)}, seed ${a.seed} (${ms} ms${a.timing ? `; server: simulating ${a.timing.simulateMs} ms, summary ${a.timing.summarizeMs} ms` : ''})`
          : `First answer from ${trialCount(a.trials)} (${ms} ms); refining to ${info.trials.toLocaleString('en-US')}…`;
      document.body.dataset.pass = pass;
      document.body.dataset.seq = String(mine);
    }
    askedAgain = 0;
    markStale(false);
  } catch (e) {
    const err = e as Error & { cancelled?: boolean; name: string };
    if (mine !== seq || err.name === 'AbortError') return;
    // Still the latest state, cancelled on the server by an earlier one: without asking again the page
    // would wait for this state's answer for ever.
    if (err.cancelled && askedAgain++ < MAX_ASKED_AGAIN) return changed();
    document.body.dataset.pass = 'error';
    // Still the older position's figures (dimmed), but nothing more is coming for them.
    markBusy(false);
    $('status').textContent = 'No answer for this state.';
    showError(err.message);
  }
}

async function start(): Promise<void> {
  try {
    info = await api<Info>('/api/controls');
  } catch (e) {
    const message = (e as Error).message;
    $('status').textContent = message === STUDIO_GONE ? message : `The studio did not answer: ${message}`;
    return;
  }
  $('name').textContent = info.name;
  document.title = `${info.name} · arrcast studio`;
  $('meta').textContent = `${info.file} · ${trialCount(info.trials)} (first answer from ${trialCount(info.firstTrials).replace(/ trials?$/, '')}) · seed ${info.seed}`;
  buildControls();
  // The file's own positions are the first change (1): data-seq counts up from it.
  seq++;
  await update();
}

/** A resized window draws the charts again to their column's new width, once it has stopped resizing a moment. */
let resizing: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => {
    for (const [id, spec] of lastSpecs) if (spec && $(id).clientWidth !== drawnWidth.get(id)) void draw(id, spec);
  }, 150);
});

void start();
