// The time bar: messages per month for what is on screen, drawn from the contacts' month counts
// (`months` as yyyymm with `monthCounts`), with two handles that choose a window of whole months.

const SVG = 'http://www.w3.org/2000/svg';

export class TimeBar {
  constructor({ onChange }) {
    this.svg = document.getElementById('histogram');
    this.fromInput = document.getElementById('range-from');
    this.toInput = document.getElementById('range-to');
    this.label = document.getElementById('window-label');
    this.playButton = document.getElementById('play');
    this.months = [];
    this.onChange = onChange;
    this.timer = null;
    this.pending = null;
    for (const input of [this.fromInput, this.toInput]) {
      input.addEventListener('input', () => this.moved(input));
      input.addEventListener('change', () => this.settled());
    }
    this.playButton.addEventListener('click', () => this.togglePlay());
  }

  /** Draws the histogram of the given contacts and puts the handles on the window (yyyymm or null). */
  draw(edges, fromMonth, toMonth) {
    const counts = new Map();
    for (const edge of edges) {
      const months = edge.properties?.months || [];
      const values = edge.properties?.monthCounts || [];
      months.forEach((month, i) => counts.set(month, (counts.get(month) || 0) + Number(values[i] || 0)));
    }
    this.months = span([...counts.keys()]);
    this.counts = this.months.map((month) => counts.get(month) || 0);
    const last = Math.max(0, this.months.length - 1);
    for (const input of [this.fromInput, this.toInput]) {
      input.max = String(last);
      input.disabled = this.months.length === 0;
    }
    this.fromInput.value = String(fromMonth ? nearest(this.months, fromMonth, 0) : 0);
    this.toInput.value = String(toMonth ? nearest(this.months, toMonth, last) : last);
    this.render();
  }

  /** The chosen window as [first yyyymm, last yyyymm], or null when nothing is drawn. */
  window() {
    if (!this.months.length) return null;
    return [this.months[Number(this.fromInput.value)], this.months[Number(this.toInput.value)]];
  }

  /** Whether the window is every month there is. */
  whole() {
    return !this.months.length
      || (Number(this.fromInput.value) === 0 && Number(this.toInput.value) === this.months.length - 1);
  }

  moved(input) {
    if (Number(this.fromInput.value) > Number(this.toInput.value)) {
      const other = input === this.fromInput ? this.toInput : this.fromInput;
      other.value = input.value;
    }
    this.render();
  }

  /** The handles stopped: tell the page once, after a pause, so a run of key presses asks once. */
  settled() {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.onChange(this.window(), this.whole()), 250);
  }

  togglePlay() {
    if (this.timer) {
      this.stop();
      return;
    }
    this.playButton.setAttribute('aria-pressed', 'true');
    this.playButton.textContent = 'Stop';
    const step = () => {
      const from = Number(this.fromInput.value);
      const to = Number(this.toInput.value);
      if (to >= this.months.length - 1) {
        this.stop();
        return;
      }
      this.fromInput.value = String(from + 1);
      this.toInput.value = String(to + 1);
      this.render();
      this.onChange(this.window(), this.whole());
    };
    this.timer = setInterval(step, 1500);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
    this.playButton.setAttribute('aria-pressed', 'false');
    this.playButton.textContent = 'Play';
  }

  render() {
    const { svg, months, counts } = this;
    svg.replaceChildren();
    const width = svg.clientWidth || 800;
    const height = 50;
    const highest = Math.max(1, ...counts);
    const bar = months.length ? width / months.length : width;
    const [from, to] = [Number(this.fromInput.value), Number(this.toInput.value)];
    months.forEach((month, i) => {
      const rect = document.createElementNS(SVG, 'rect');
      const h = Math.max(counts[i] ? 1 : 0, (counts[i] / highest) * (height - 2));
      rect.setAttribute('x', String(i * bar + 0.5));
      rect.setAttribute('y', String(height - h));
      rect.setAttribute('width', String(Math.max(1, bar - 1)));
      rect.setAttribute('height', String(h));
      rect.classList.toggle('in', i >= from && i <= to);
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `${name(month)}: ${counts[i]} messages`;
      rect.append(title);
      svg.append(rect);
    });
    const chosen = this.window();
    const total = counts.slice(from, to + 1).reduce((a, b) => a + b, 0);
    this.label.textContent = chosen
      ? `${name(chosen[0])} to ${name(chosen[1])}: ${total} messages on screen (a message counts once per recipient)`
      : 'No messages on screen';
    this.fromInput.setAttribute('aria-valuetext', chosen ? name(chosen[0]) : '');
    this.toInput.setAttribute('aria-valuetext', chosen ? name(chosen[1]) : '');
  }
}

/** A yyyymm month as 2016-05. */
export function name(month) {
  return `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}`;
}

/** The first day of a yyyymm month, and the last. */
export function firstDay(month) {
  return `${name(month)}-01`;
}

export function lastDay(month) {
  const year = Math.floor(month / 100);
  const days = new Date(Date.UTC(year, month % 100, 0)).getUTCDate();
  return `${name(month)}-${String(days).padStart(2, '0')}`;
}

/** yyyymm of a day such as 2016-05-17. */
export function monthOf(isoDay) {
  return Number(isoDay.slice(0, 4)) * 100 + Number(isoDay.slice(5, 7));
}

/** Every month from the first to the last given, none skipped. */
function span(months) {
  if (!months.length) return [];
  const sorted = months.sort((a, b) => a - b);
  const all = [];
  for (let m = sorted[0]; m <= sorted[sorted.length - 1]; m = m % 100 === 12 ? m + 89 : m + 1) {
    all.push(m);
  }
  return all;
}

function nearest(months, month, fallback) {
  const index = months.indexOf(month);
  if (index >= 0) return index;
  if (month < months[0]) return 0;
  if (month > months[months.length - 1]) return months.length - 1;
  return fallback;
}
