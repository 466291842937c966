// The explorer: draws what a request returns and lets an investigator work the picture. Every step
// is a GraphQL request the API documents; nothing here knows more about the case than a client may.

import { currentSession, download, graphql } from './api.js';
import { Details } from './details.js';
import { DEFAULT_PER_NODE, extent, fromAddress, neighbourhood, paths, toAddress, toGraphQl } from './requests.js';
import { look, outline, stylesheet } from './style.js';
import { Table } from './table.js';
import { firstDay, lastDay, monthOf, TimeBar } from './timebar.js';

/** Above this many nodes fCoSE lays out in draft quality; above the cap the table replaces the drawing. */
const PROOF_LIMIT = 300;
const DRAW_LIMIT = 2000;
/** Above this many edges Cytoscape.js draws with its large-graph settings. */
const LARGE_EDGES = 3000;
const UNDO_DEPTH = 30;

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

class Explorer {
  constructor() {
    this.request = null;
    this.expanded = [];
    this.history = [];
    this.extentKey = null;
    this.extentEdges = [];
    this.busy = 0;
    this.status = document.getElementById('status');
    this.warning = document.getElementById('warning');
    this.details = new Details(document.getElementById('details'));
    this.timeBar = new TimeBar({ onChange: (window, whole) => this.windowChanged(window, whole) });
    this.table = new Table(document.getElementById('table'), this);
    this.cy = cytoscape({
      container: document.getElementById('cy'),
      style: stylesheet(),
      selectionType: 'additive',
      minZoom: 0.05,
      maxZoom: 4,
    });
    this.cy.on('tap', 'node', (event) => this.details.node(this.nodeData(event.target)));
    this.cy.on('tap', 'edge', (event) => this.details.edge(event.target.data()));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) this.clearPath();
    });
    this.cy.on('dbltap', 'node', (event) => this.expand([event.target.id()]));
    this.cy.on('select unselect', () => this.table.render(this.cy));
    this.bindToolbar();
    this.bindSearch();
    document.getElementById('load-view').addEventListener('change', (event) => this.loadView(event.target.files[0]));
    document.getElementById('outside').addEventListener('change', (event) => this.includeOutside(event.target.checked));
    document.getElementById('direct').addEventListener('change', (event) => this.directOnly(event.target.checked));
    window.addEventListener('popstate', () => this.step(() => this.open(fromAddress(window.location.search))));
  }

  async start() {
    await this.step(async () => {
      const session = await currentSession();
      document.getElementById('who').textContent = `${session.name} (${session.roles.join(', ')})`;
      document.getElementById('reason-label').hidden = !session.justificationRequired;
      const request = fromAddress(window.location.search);
      if (request) {
        // The canonical address: what a sign-in redirect added (?continue) is dropped.
        history.replaceState(null, '', toAddress(request));
      }
      await this.open(request);
    });
  }

  /** Opens a request as a new picture. */
  async open(request, { layout = true } = {}) {
    this.request = request;
    this.expanded = [];
    this.history = [];
    this.clearPath();
    document.getElementById('start').hidden = request !== null;
    const outside = document.getElementById('outside');
    outside.checked = !!request?.outside;
    outside.disabled = request?.type !== 'network';
    const direct = document.getElementById('direct');
    direct.checked = !!request?.direct;
    direct.disabled = request?.type !== 'network';
    if (!request) {
      this.cy.elements().remove();
      this.say('Nothing open yet.');
      return;
    }
    const graph = await this.fetchView(request);
    this.cy.elements().remove();
    this.replace(graph, layout);
    await this.drawTimeBar();
  }

  async fetchView(request) {
    const { query, variables } = toGraphQl(request);
    const data = await graphql(query, variables);
    const graph = data.view || data.found.view;
    if (data.found) {
      this.highlight(data.found.paths, graph);
    }
    return graph;
  }

  /** Puts a result in place of the picture, keeping the positions of nodes that stay. */
  replace(graph, layout) {
    const kept = new Map(this.cy.nodes().map((node) => [node.id(), { ...node.position() }]));
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(this.elements(graph));
    });
    const fresh = this.cy.nodes().filter((node) => !kept.has(node.id()));
    this.cy.nodes().forEach((node) => kept.has(node.id()) && node.position(kept.get(node.id())));
    this.afterChange(graph.truncated);
    if (layout && (fresh.length || !kept.size)) {
      this.layout(kept.size ? fresh : this.cy.elements());
    }
  }

  /** The Cytoscape.js elements of a graph result, leaving out ids already drawn. */
  elements(graph) {
    const nodes = graph.nodes.filter((node) => this.cy.getElementById(node.id).empty()).map((node) => ({
      group: 'nodes',
      data: { id: node.id, kind: node.kind, label: node.label, properties: node.properties,
        outside: node.properties?.inScope === false },
    }));
    const edges = graph.edges.filter((edge) => this.cy.getElementById(edge.id).empty()).map((edge) => ({
      group: 'edges',
      data: { id: edge.id, kind: edge.kind, source: edge.source, target: edge.target, weight: edge.weight,
        properties: edge.properties },
    }));
    return [...nodes, ...edges];
  }

  layout(elements) {
    const count = this.cy.nodes().length;
    if (count > DRAW_LIMIT) return;
    this.cy.resize();
    const large = this.cy.edges().length > LARGE_EDGES;
    this.cy.renderer().options.hideEdgesOnViewport = large;
    this.cy.renderer().options.textureOnViewport = large;
    const whole = elements.length === this.cy.elements().length;
    const options = {
      name: 'fcose',
      quality: count <= PROOF_LIMIT ? 'proof' : 'draft',
      randomize: whole,
      animate: !reducedMotion && count <= PROOF_LIMIT && !whole,
      nodeDimensionsIncludeLabels: false,
      packComponents: true,
      // Contact networks are dense: push nodes apart so that labels stay readable.
      nodeRepulsion: () => 30000,
      idealEdgeLength: () => 140,
      edgeElasticity: () => 0.1,
      nodeSeparation: 120,
      fit: whole,
      padding: 30,
    };
    if (!whole) {
      // Only the new nodes move: everything already drawn stays where the investigator left it.
      options.fixedNodeConstraint = this.cy.nodes().difference(elements)
        .filter((node) => node.connectedEdges().connectedNodes().intersection(elements).nonempty())
        .map((node) => ({ nodeId: node.id(), position: { ...node.position() } }));
      options.randomize = false;
      options.fit = false;
    }
    const running = (whole ? this.cy.elements() : elements.union(elements.connectedEdges())
      .union(elements.neighborhood().nodes())).layout(options);
    // The page is busy until the layout stops, so that nothing acts on nodes still moving.
    this.track(running.promiseOn('layoutstop').then(() => {
      if (!whole) return;
      // Fit once the layout is done, but no closer than life size: a small graph stays small.
      this.cy.fit(this.cy.elements(':visible'), 30);
      if (this.cy.zoom() > 1.5) {
        this.cy.zoom(1.5);
        this.cy.center(this.cy.elements(':visible'));
      }
    }));
    try {
      running.run();
    } catch (error) {
      running.emit('layoutstop');
      throw error;
    }
  }

  /** One hop around some nodes, added to the picture without moving what is there. */
  async expand(ids) {
    if (!ids.length) {
      this.say('Select a node to expand, or double-click it.');
      return;
    }
    await this.step(async () => {
      this.remember();
      const { query, variables } = neighbourhood(ids, this.request?.perNode ?? DEFAULT_PER_NODE);
      const graph = (await graphql(query, variables)).view;
      const added = this.add(graph, ids[0]);
      ids.forEach((id) => this.expanded.includes(id) || this.expanded.push(id));
      this.say(`Expanded ${ids.join(', ')}: ${added} new nodes. ${this.counts()}`);
    });
  }

  /**
   * Adds a result's new nodes in a ring around one node already drawn, and its new edges; returns how
   * many nodes were new.
   */
  add(graph, around) {
    const centre = this.cy.getElementById(around);
    const origin = centre.nonempty() ? centre.position() : { x: 0, y: 0 };
    const elements = this.elements(graph);
    const nodes = elements.filter((element) => element.group === 'nodes');
    const radius = 80 + nodes.length * 6;
    nodes.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
      node.position = { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) };
    });
    this.cy.add(elements);
    this.afterChange(graph.truncated, true);
    return nodes.length;
  }

  /** Shortest paths between the two selected nodes, highlighted with everything else faded. */
  async path() {
    const selected = this.cy.nodes(':selected');
    if (selected.length !== 2) {
      this.say('Select exactly two nodes, then Path.');
      return;
    }
    const [from, to] = this.selectionOrder(selected);
    await this.step(async () => {
      const request = {
        from, to,
        timeOrdered: document.getElementById('path-time-ordered').checked,
        avoidHubs: document.getElementById('path-avoid-hubs').checked,
      };
      const { query, variables } = paths(request);
      const found = (await graphql(query, variables)).found;
      if (!found.paths.length) {
        this.clearPath();
        this.say(`No path between ${from} and ${to}${request.timeOrdered ? ' in time order' : ''}.`);
        return;
      }
      this.remember();
      this.add(found.view, from);
      this.highlight(found.paths, found.view);
      const length = found.paths[0].length;
      this.say(`${found.paths.length} shortest path${found.paths.length > 1 ? 's' : ''} of ${length} step${length > 1 ? 's' : ''} between ${from} and ${to}.`);
    });
  }

  highlight(found, graph) {
    const onPath = new Set(found.flatMap((path) => [...path.nodeIds, ...path.edgeIds]));
    graph.edges.forEach((edge) => onPath.has(edge.id) && onPath.add(edge.id));
    this.pathIds = onPath;
    const apply = () => {
      this.cy.elements().removeClass('on-path faded');
      this.cy.elements().forEach((element) => element.addClass(onPath.has(element.id()) ? 'on-path' : 'faded'));
    };
    // A path opened from the address is drawn after this call.
    apply();
    setTimeout(apply, 0);
  }

  clearPath() {
    this.pathIds = null;
    this.cy?.elements().removeClass('on-path faded');
  }

  selectionOrder(selected) {
    const order = this.selectedOrder || [];
    const ids = selected.map((node) => node.id());
    return ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }

  hide(ids) {
    const chosen = ids ? this.cy.collection(ids.map((id) => this.cy.getElementById(id))) : this.cy.$(':selected');
    if (chosen.empty()) {
      this.say('Select what to hide.');
      return;
    }
    this.remember();
    chosen.unselect().addClass('hidden');
    this.afterChange(null, true);
  }

  hideOthers() {
    const selected = this.cy.nodes(':selected');
    if (selected.empty()) {
      this.say('Select what to keep.');
      return;
    }
    this.remember();
    this.cy.nodes().difference(selected).addClass('hidden');
    this.afterChange(null, true);
  }

  pin() {
    const selected = this.cy.nodes(':selected');
    if (selected.empty()) {
      this.say('Select the nodes to pin or unpin.');
      return;
    }
    this.remember();
    selected.forEach((node) => (node.locked() ? node.unlock().removeClass('pinned') : node.lock().addClass('pinned')));
    this.say(`${this.cy.nodes('.pinned').length} pinned. ${this.counts()}`);
  }

  showAll() {
    this.remember();
    this.cy.elements().removeClass('hidden hidden-kind off-window');
    this.afterChange(null, true);
  }

  fit() {
    this.cy.fit(this.cy.elements(':visible'), 30);
  }

  toggleSelected(id) {
    const element = this.cy.getElementById(id);
    if (element.selected()) element.unselect();
    else element.select();
  }

  showDetails(id) {
    const element = this.cy.getElementById(id);
    if (element.isNode()) this.details.node(this.nodeData(element));
    else this.details.edge(element.data());
  }

  nodeData(node) {
    return node.data();
  }

  /** Saves the picture before a step, so that Undo can put it back. */
  remember() {
    this.history.push({
      elements: this.cy.elements().jsons(),
      expanded: [...this.expanded],
      request: this.request,
    });
    if (this.history.length > UNDO_DEPTH) this.history.shift();
  }

  undo() {
    const last = this.history.pop();
    if (!last) {
      this.say('Nothing to undo.');
      return;
    }
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(last.elements);
      this.cy.nodes('.pinned').lock();
    });
    this.expanded = last.expanded;
    this.request = last.request;
    this.afterChange(null, true);
    this.say(`Undone. ${this.counts()}`);
  }

  /** After the picture changed: the hub badges, the legend, the table, the time bar and the status line. */
  afterChange(truncated, keepWarning = false) {
    if (truncated) {
      truncated.cappedNodeIds.forEach((id) => this.cy.getElementById(id).addClass('capped'));
      this.warn(truncated.message);
    } else if (!keepWarning) {
      this.warn(null);
    }
    const count = this.cy.nodes().length;
    const tooMany = count > DRAW_LIMIT;
    if (tooMany) {
      this.warn(`${count} nodes are more than can be drawn (${DRAW_LIMIT}); they are listed in the table instead.`);
      this.showTable(true);
    }
    this.renderLegend();
    this.table.render(this.cy);
    if (this.request?.type !== 'network') this.drawTimeBarFromPicture();
    this.say(this.counts());
  }

  counts() {
    const hidden = this.cy.nodes('.hidden, .hidden-kind').length;
    return `${this.cy.nodes().length} nodes, ${this.cy.edges().length} edges${hidden ? ` (${hidden} nodes hidden)` : ''}.`;
  }

  renderLegend() {
    const legend = document.getElementById('legend');
    const counts = new Map();
    this.cy.nodes().forEach((node) => counts.set(node.data('kind'), (counts.get(node.data('kind')) || 0) + 1));
    legend.replaceChildren(...[...counts.entries()].sort().map(([kind, count]) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      const shown = this.cy.nodes(`[kind = "${kind}"].hidden-kind`).empty();
      button.type = 'button';
      button.dataset.kind = kind;
      button.setAttribute('aria-pressed', String(shown));
      button.title = shown ? `Hide every ${kind}` : `Show every ${kind}`;
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = look(kind).colour;
      swatch.style.clipPath = outline(look(kind).shape);
      swatch.style.borderRadius = look(kind).shape.startsWith('round') ? '4px' : '0';
      const name = document.createElement('span');
      name.textContent = kind;
      const number = document.createElement('span');
      number.className = 'count';
      number.textContent = String(count);
      button.append(swatch, name, number);
      button.addEventListener('click', () => {
        this.cy.nodes(`[kind = "${kind}"]`).toggleClass('hidden-kind', shown);
        this.afterChange(null, true);
      });
      item.append(button);
      return item;
    }));
  }

  /** The time bar of a contact network: its scope's contacts over all time, fetched once per scope. */
  async drawTimeBar() {
    if (this.request?.type !== 'network') {
      this.drawTimeBarFromPicture();
      return;
    }
    const key = JSON.stringify([this.request.scope, this.request.outside, this.request.direct]);
    if (key !== this.extentKey) {
      const { query, variables } = extent(this.request);
      this.extentEdges = (await graphql(query, variables)).extent.edges;
      this.extentKey = key;
    }
    this.timeBar.draw(this.extentEdges, this.request.from && monthOf(this.request.from),
      this.request.to && monthOf(this.request.to));
  }

  drawTimeBarFromPicture() {
    const window = this.timeBar.window();
    this.timeBar.draw(this.cy.edges('[kind = "CONTACTED"]').map((edge) => edge.data()),
      window?.[0], window?.[1]);
  }

  /** The time bar's window moved: a contact network is asked again; any other picture is filtered. */
  async windowChanged(window, whole) {
    if (!window) return;
    if (this.request?.type === 'network') {
      await this.step(async () => {
        this.remember();
        this.request = { ...this.request, from: whole ? null : firstDay(window[0]), to: whole ? null : lastDay(window[1]) };
        history.replaceState(null, '', toAddress(this.request));
        this.replace(await this.fetchView(this.request), true);
        this.expanded = [];
        this.say(`${whole ? 'All time' : `${this.request.from} to ${this.request.to}`}: ${this.counts()}`);
      });
      return;
    }
    this.cy.edges('[kind = "CONTACTED"]').forEach((edge) => {
      const months = edge.data('properties')?.months || [];
      edge.toggleClass('off-window', !whole && !months.some((m) => m >= window[0] && m <= window[1]));
    });
    this.say(`${this.cy.edges('.off-window').length} contacts outside the window are hidden. ${this.counts()}`);
  }

  /** A contact network with or without the people outside its scope; the address follows. */
  async includeOutside(outside) {
    if (this.request?.type !== 'network') return;
    const request = { ...this.request, outside };
    history.pushState(null, '', toAddress(request));
    await this.step(() => this.open(request));
  }

  /** A contact network of direct messages alone (no group posts), or of both; the address follows. */
  async directOnly(direct) {
    if (this.request?.type !== 'network') return;
    const request = { ...this.request, direct };
    history.pushState(null, '', toAddress(request));
    await this.step(() => this.open(request));
  }

  /** A saved view: the request, what was expanded, hidden and pinned, and every position. */
  view() {
    return {
      casegraphView: 1,
      address: this.request ? toAddress(this.request) : null,
      request: this.request,
      expanded: this.expanded,
      hidden: this.cy.nodes('.hidden').map((node) => node.id()),
      hiddenKinds: [...new Set(this.cy.nodes('.hidden-kind').map((node) => node.data('kind')))],
      pinned: this.cy.nodes('.pinned').map((node) => node.id()),
      positions: Object.fromEntries(this.cy.nodes().map((node) => [node.id(), node.position()])),
      zoom: this.cy.zoom(),
      pan: this.cy.pan(),
    };
  }

  async loadView(file) {
    if (!file) return;
    await this.step(async () => {
      let view;
      try {
        view = JSON.parse(await file.text());
      } catch (error) {
        throw new Error(`${file.name} is not a saved view: ${error.message}`);
      }
      if (view.casegraphView !== 1 || !view.request) {
        throw new Error(`${file.name} is not a saved casegraph view`);
      }
      history.pushState(null, '', view.address);
      await this.open(view.request, { layout: false });
      for (const id of view.expanded) {
        const { query, variables } = neighbourhood([id], view.request.perNode ?? DEFAULT_PER_NODE);
        this.add((await graphql(query, variables)).view, id);
        this.expanded.push(id);
      }
      this.cy.batch(() => {
        this.cy.nodes().forEach((node) => view.positions[node.id()] && node.position(view.positions[node.id()]));
        view.hidden.forEach((id) => this.cy.getElementById(id).addClass('hidden'));
        this.cy.nodes().filter((node) => view.hiddenKinds.includes(node.data('kind'))).addClass('hidden-kind');
        view.pinned.forEach((id) => this.cy.getElementById(id).lock().addClass('pinned'));
      });
      this.cy.viewport({ zoom: view.zoom, pan: view.pan });
      this.afterChange(null, true);
      this.say(`Loaded ${file.name}: ${this.counts()}`);
    });
    document.getElementById('load-view').value = '';
  }

  async export(format) {
    if (format === 'png') {
      save(this.cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }), 'casegraph.png');
      this.say('Saved casegraph.png.');
      return;
    }
    if (format === 'save-view') {
      save(new Blob([JSON.stringify(this.view(), null, 2)], { type: 'application/json' }), 'casegraph-view.json');
      this.say('Saved casegraph-view.json.');
      return;
    }
    if (!this.request) return;
    await this.step(async () => {
      const { query, variables } = toGraphQl(this.request);
      const name = format === 'cytoscape' ? 'casegraph-cytoscape.json' : `casegraph.${format}`;
      save(await download(format, query, variables), name);
      this.say(`Saved ${name} (the request as opened, without later expansions).`);
    });
  }

  showTable(open) {
    const table = document.getElementById('table');
    table.hidden = !open;
    document.querySelector('[data-action="table"]').setAttribute('aria-pressed', String(open));
    this.table.render(this.cy);
    if (open) table.querySelector('tr[data-id]')?.focus();
  }

  bindToolbar() {
    const actions = {
      expand: () => this.expand(this.cy.nodes(':selected').map((node) => node.id())),
      path: () => this.path(),
      hide: () => this.hide(),
      'hide-others': () => this.hideOthers(),
      pin: () => this.pin(),
      fit: () => this.fit(),
      'show-all': () => this.showAll(),
      undo: () => this.undo(),
      table: () => this.showTable(document.getElementById('table').hidden),
      png: () => this.export('png'),
      graphml: () => this.export('graphml'),
      gexf: () => this.export('gexf'),
      cytoscape: () => this.export('cytoscape'),
      'save-view': () => this.export('save-view'),
    };
    document.querySelector('.toolbar').addEventListener('click', (event) => {
      const action = event.target.closest('button[data-action]')?.dataset.action;
      if (action) actions[action]();
    });
    this.cy.on('select', 'node', (event) => {
      this.selectedOrder = [...(this.selectedOrder || []).filter((id) => id !== event.target.id()), event.target.id()];
    });
  }

  bindSearch() {
    const form = document.getElementById('search');
    const hits = document.getElementById('search-hits');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = document.getElementById('search-text').value.trim();
      if (!text) return;
      await this.step(async () => {
        const found = (await graphql(
          'query Search($text: String!) { search(text: $text, first: 10) { score node { id __typename } } }',
          { text },
        )).search;
        hits.replaceChildren(...found.map((hit) => {
          const item = document.createElement('li');
          item.setAttribute('role', 'option');
          item.tabIndex = 0;
          item.dataset.id = hit.node.id;
          item.textContent = hit.node.id;
          const kind = document.createElement('span');
          kind.className = 'kind';
          kind.textContent = hit.node.__typename;
          item.append(kind);
          return item;
        }));
        hits.hidden = false;
        this.say(`${found.length} hits for '${text}'.`);
      });
    });
    const choose = async (item) => {
      hits.hidden = true;
      await this.addWithNeighbours(item.dataset.id);
    };
    hits.addEventListener('click', (event) => event.target.closest('li') && choose(event.target.closest('li')));
    hits.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.closest('li')) choose(event.target.closest('li'));
      if (event.key === 'Escape') hits.hidden = true;
    });
  }

  /** A search hit with its neighbours; on an empty page it becomes the request. */
  async addWithNeighbours(id) {
    if (!this.request) {
      const request = fromAddress(new URLSearchParams({ ids: id }).toString());
      history.pushState(null, '', toAddress(request));
      await this.step(() => this.open(request));
      return;
    }
    await this.expand([id]);
    const node = this.cy.getElementById(id);
    this.cy.nodes().unselect();
    node.select();
    this.cy.animate({ center: { eles: node } }, { duration: reducedMotion ? 0 : 300 });
  }

  /** Runs one step, showing its errors in the status line rather than the console. */
  async step(work) {
    await this.track((async () => {
      try {
        await work();
      } catch (error) {
        this.say(error.message);
        this.warn(error.message);
      }
    })());
  }

  /**
   * Marks the page busy (body[data-busy]) until the work is done: requests, layouts. Tests and
   * scripts wait for data-busy="false" before they act on the picture.
   */
  async track(work) {
    this.busy++;
    document.body.dataset.busy = 'true';
    try {
      await work;
    } finally {
      this.busy--;
      if (!this.busy) document.body.dataset.busy = 'false';
    }
  }

  say(message) {
    this.status.textContent = message;
  }

  warn(message) {
    this.warning.hidden = !message;
    this.warning.textContent = message || '';
  }
}

function save(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

cytoscape.use(cytoscapeFcose);
const explorer = new Explorer();
// For the browser's console and for tests: the picture is explorer.cy (Cytoscape.js's own API).
window.explorer = explorer;
explorer.start();
