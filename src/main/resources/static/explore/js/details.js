// The details panel: every property of what was clicked, the sources that state it and their claims,
// the notes and tags investigators gave it, and for an officer, a person, a unit or a chat group, their timeline. Text is always set as text, never as HTML.

import { graphql } from './api.js';

const SOURCED = ['Person', 'Officer', 'Unit', 'Station', 'Allegation', 'Investigation', 'Operation', 'Outcome',
  'Recommendation', 'StatusPeriod', 'Organisation'];

const WITH_TIMELINE = ['Officer', 'Person', 'Unit', 'ChatGroup'];

const DETAILS = `query Details($id: ID!, $timeline: Boolean!) {
  node(id: $id) {
    id
    notes { text author createdAt }
    tags { name }
    ${SOURCED.map((type) => `... on ${type} { sources { ...SourceFacts } }`).join('\n    ')}
    ... on Operation { claims { ...ClaimFacts } }
    ... on Source { claims { ...ClaimFacts } }
  }
  timeline(id: $id, bucket: YEAR) @include(if: $timeline) {
    events { date kind detail relatedId relatedKind }
    periods { bucket sent received }
  }
}
fragment SourceFacts on Source { id label outlet headline published }
fragment ClaimFacts on Claim { topic statement value qualifier asOf source { label } }`;

export class Details {
  constructor(element) {
    this.element = element;
    this.shown = null;
  }

  clear() {
    this.shown = null;
    this.element.replaceChildren(text('p', 'Click a node or an edge.', 'muted'));
  }

  /** Shows an edge: its kind, ends and properties. */
  edge(data) {
    this.shown = data.id;
    this.element.replaceChildren(
      text('h3', `${data.kind}: ${data.source} → ${data.target}`),
      properties({ id: data.id, weight: data.weight, ...data.properties }),
    );
  }

  /** Shows a node at once from what the picture holds, then adds its sources, claims and timeline. */
  async node(data) {
    this.shown = data.id;
    const body = [text('h3', `${data.kind}: ${data.label}`), properties({ id: data.id, ...data.properties })];
    const more = document.createElement('div');
    more.append(text('p', 'Reading sources…', 'muted'));
    this.element.replaceChildren(...body, more);
    try {
      const answer = await graphql(DETAILS, { id: data.id, timeline: WITH_TIMELINE.includes(data.kind) });
      if (this.shown !== data.id) return;
      more.replaceChildren(...sections(answer));
    } catch (error) {
      if (this.shown === data.id) more.replaceChildren(text('p', error.message, 'muted'));
    }
  }
}

function sections(answer) {
  const parts = [];
  const sources = answer.node?.sources || [];
  parts.push(text('h4', `Sources (${sources.length})`));
  parts.push(sources.length
    ? list(sources.map((s) => `${s.label}: ${s.outlet}, ${s.published || 'undated'}: ${s.headline}`))
    : text('p', 'No source states it.', 'muted'));
  const notes = answer.node?.notes || [];
  parts.push(text('h4', `Notes (${notes.length})`));
  if (notes.length) {
    parts.push(list(notes.map((n) => `${n.createdAt.slice(0, 10)} ${n.author}: ${n.text}`)));
  }
  const tags = answer.node?.tags || [];
  if (tags.length) {
    parts.push(text('h4', 'Tags'));
    parts.push(list(tags.map((t) => t.name)));
  }
  const claims = answer.node?.claims;
  if (claims) {
    parts.push(text('h4', `Claims (${claims.length})`));
    parts.push(list(claims.map((c) => `${c.source?.label || ''} ${c.asOf || ''}: ${c.statement}`)));
  }
  if (answer.timeline) {
    const { events, periods } = answer.timeline;
    parts.push(text('h4', `Timeline (${events.length} events)`));
    const eventList = list(events.map((e) => `${e.date} ${e.kind}${e.detail ? ` ${e.detail}` : ''} · ${e.relatedId}`));
    eventList.classList.add('events');
    eventList.setAttribute('aria-label', 'Timeline events');
    parts.push(eventList);
    parts.push(text('h4', 'Messages per year'));
    parts.push(list(periods.filter((p) => p.sent || p.received)
      .map((p) => `${p.bucket}: ${p.sent} sent, ${p.received} received`)));
  }
  return parts;
}

function properties(values) {
  const dl = document.createElement('dl');
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    dl.append(text('dt', key), text('dd', typeof value === 'object' ? JSON.stringify(value) : String(value)));
  }
  return dl;
}

function list(items) {
  const ul = document.createElement('ul');
  items.forEach((item) => ul.append(text('li', item)));
  return ul;
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}
