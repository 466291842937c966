// The table view: the same nodes and edges as the drawing, with the same actions, all from the
// keyboard. Arrow keys move between rows; Space selects; E expands; H hides; P finds paths between
// the two selected nodes; Enter shows the details.

const KEYS = 'Arrows move, Space selects, E expands, H hides, P finds paths between two selected, Enter shows details.';

export class Table {
  constructor(element, explorer) {
    this.element = element;
    this.explorer = explorer;
    element.addEventListener('keydown', (event) => this.key(event));
    element.addEventListener('click', (event) => {
      const row = event.target.closest('tr[data-id]');
      if (row) this.explorer.toggleSelected(row.dataset.id);
    });
  }

  get open() {
    return !this.element.hidden;
  }

  /** Redraws the rows from the picture, keeping focus on the same row. */
  render(cy) {
    if (!this.open) return;
    const focused = document.activeElement?.closest?.('tr[data-id]')?.dataset.id;
    const nodes = cy.nodes().sort((a, b) => a.data('kind').localeCompare(b.data('kind'))
      || a.data('label').localeCompare(b.data('label')));
    const help = document.createElement('p');
    help.className = 'muted';
    help.textContent = KEYS;
    this.element.replaceChildren(
      help,
      table(`Nodes (${cy.nodes().length})`, ['Kind', 'Label', 'Id', 'Messages / degree'],
        nodes.map((node) => row(node, [node.data('kind'), node.data('label'), node.id(), String(node.degree())]))),
      table(`Edges (${cy.edges().length})`, ['Kind', 'From', 'To', 'Weight'],
        cy.edges().map((edge) => row(edge, [edge.data('kind'), edge.data('source'), edge.data('target'),
          edge.data('weight') == null ? '' : String(edge.data('weight'))]))),
    );
    const again = focused && this.element.querySelector(`tr[data-id="${CSS.escape(focused)}"]`);
    (again || this.element.querySelector('tr[data-id]'))?.setAttribute('tabindex', '0');
    again?.focus();
  }

  key(event) {
    const row = event.target.closest('tr[data-id]');
    if (!row) return;
    const id = row.dataset.id;
    const rows = [...this.element.querySelectorAll('tr[data-id]')];
    const move = (to) => {
      if (!to) return;
      row.setAttribute('tabindex', '-1');
      to.setAttribute('tabindex', '0');
      to.focus();
    };
    const handlers = {
      ArrowDown: () => move(rows[rows.indexOf(row) + 1]),
      ArrowUp: () => move(rows[rows.indexOf(row) - 1]),
      ' ': () => this.explorer.toggleSelected(id),
      Enter: () => this.explorer.showDetails(id),
      e: () => this.explorer.expand([id]),
      h: () => this.explorer.hide([id]),
      p: () => this.explorer.path(),
    };
    const handler = handlers[event.key] || handlers[event.key.toLowerCase()];
    if (handler) {
      event.preventDefault();
      handler();
    }
  }
}

function table(caption, headings, rows) {
  const element = document.createElement('table');
  const captionElement = document.createElement('caption');
  captionElement.textContent = caption;
  const head = document.createElement('tr');
  headings.forEach((heading) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = heading;
    head.append(th);
  });
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(...rows);
  element.append(captionElement, thead, tbody);
  return element;
}

function row(element, cells) {
  const tr = document.createElement('tr');
  tr.dataset.id = element.id();
  tr.tabIndex = -1;
  tr.setAttribute('aria-selected', String(element.selected()));
  tr.classList.toggle('selected', element.selected());
  tr.classList.toggle('hidden-row', element.hasClass('hidden') || element.hasClass('hidden-kind'));
  cells.forEach((cell) => {
    const td = document.createElement('td');
    td.textContent = cell;
    tr.append(td);
  });
  return tr;
}
