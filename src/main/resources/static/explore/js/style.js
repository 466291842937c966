// How each kind is drawn. Colours are Okabe and Ito's palette, safe for the common colour-vision
// deficiencies; every kind also has its own shape, so colour is never the only cue.

const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999'];

const KINDS = {
  Officer: ['#0072B2', 'ellipse'],
  Person: ['#56B4E9', 'round-rectangle'],
  Unit: ['#009E73', 'hexagon'],
  Station: ['#E69F00', 'rectangle'],
  ChatGroup: ['#CC79A7', 'diamond'],
  Message: ['#999999', 'round-triangle'],
  Account: ['#F0E442', 'tag'],
  Allegation: ['#D55E00', 'triangle'],
  Investigation: ['#000000', 'star'],
  Operation: ['#0072B2', 'octagon'],
  Outcome: ['#D55E00', 'vee'],
  Recommendation: ['#009E73', 'rhomboid'],
  Response: ['#56B4E9', 'barrel'],
  Membership: ['#999999', 'round-diamond'],
  Posting: ['#E69F00', 'round-diamond'],
  Source: ['#000000', 'round-tag'],
  Claim: ['#CC79A7', 'round-pentagon'],
  Borough: ['#009E73', 'concave-hexagon'],
  Organisation: ['#E69F00', 'pentagon'],
  RankHeld: ['#56B4E9', 'round-octagon'],
  StatusPeriod: ['#D55E00', 'round-hexagon'],
};

const SPARE_SHAPES = ['cut-rectangle', 'bottom-round-rectangle', 'round-heptagon', 'heptagon'];

/** The colour and shape of a kind; kinds not listed get a stable pick from what is left. */
export function look(kind) {
  if (KINDS[kind]) {
    return { colour: KINDS[kind][0], shape: KINDS[kind][1] };
  }
  const hash = [...kind].reduce((sum, ch) => (sum * 31 + ch.charCodeAt(0)) >>> 0, 7);
  return { colour: OKABE_ITO[hash % OKABE_ITO.length], shape: SPARE_SHAPES[hash % SPARE_SHAPES.length] };
}

/** A CSS clip-path that draws a shape in the legend as the picture draws it. */
export function outline(shape) {
  const polygons = {
    triangle: '50% 0, 100% 100%, 0 100%',
    'round-triangle': '50% 0, 100% 100%, 0 100%',
    diamond: '50% 0, 100% 50%, 50% 100%, 0 50%',
    'round-diamond': '50% 0, 100% 50%, 50% 100%, 0 50%',
    pentagon: '50% 0, 100% 38%, 82% 100%, 18% 100%, 0 38%',
    'round-pentagon': '50% 0, 100% 38%, 82% 100%, 18% 100%, 0 38%',
    hexagon: '25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%',
    'round-hexagon': '25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%',
    'concave-hexagon': '0 0, 100% 0, 85% 50%, 100% 100%, 0 100%, 15% 50%',
    octagon: '30% 0, 70% 0, 100% 30%, 100% 70%, 70% 100%, 30% 100%, 0 70%, 0 30%',
    'round-octagon': '30% 0, 70% 0, 100% 30%, 100% 70%, 70% 100%, 30% 100%, 0 70%, 0 30%',
    star: '50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%, 2% 35%, 39% 35%',
    vee: '0 0, 50% 40%, 100% 0, 50% 100%',
    rhomboid: '25% 0, 100% 0, 75% 100%, 0 100%',
    tag: '0 0, 75% 0, 100% 50%, 75% 100%, 0 100%',
    'round-tag': '0 0, 75% 0, 100% 50%, 75% 100%, 0 100%',
    barrel: '10% 0, 90% 0, 100% 50%, 90% 100%, 10% 100%, 0 50%',
  };
  if (shape === 'ellipse') return 'circle(50%)';
  return polygons[shape] ? `polygon(${polygons[shape]})` : 'none';
}

/** The Cytoscape.js stylesheet. Edge width follows weight on a log scale so hubs stay readable. */
export function stylesheet() {
  return [
    {
      selector: 'node',
      style: {
        'background-color': (node) => look(node.data('kind')).colour,
        shape: (node) => look(node.data('kind')).shape,
        label: 'data(label)',
        'font-size': 9,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-max-width': 120,
        'text-wrap': 'ellipsis',
        width: 22,
        height: 22,
        'border-width': 1,
        'border-color': '#1d2228',
      },
    },
    { selector: 'node[?outside]', style: { 'border-style': 'dashed', 'border-width': 3, 'background-opacity': 0.55 } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': '#000000', 'border-style': 'double' } },
    {
      selector: 'node.capped',
      style: {
        'outline-width': 3,
        'outline-color': '#D55E00',
        'outline-offset': 2,
        label: (node) => `${node.data('label')} [+]`,
      },
    },
    { selector: 'node:selected', style: { 'overlay-color': '#0072B2', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    {
      selector: 'edge',
      style: {
        width: (edge) => 0.5 + Math.min(6, Math.log2(1 + (edge.data('weight') || 1)) / 1.5),
        'line-color': '#8a96a3',
        'target-arrow-color': '#8a96a3',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        'curve-style': 'bezier',
        opacity: 0.6,
      },
    },
    { selector: 'edge:selected', style: { 'line-color': '#0072B2', 'target-arrow-color': '#0072B2', opacity: 1 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.12 } },
    {
      selector: 'edge.on-path',
      style: { 'line-color': '#D55E00', 'target-arrow-color': '#D55E00', width: 5, opacity: 1, 'z-index': 9 },
    },
    { selector: 'node.on-path', style: { 'border-color': '#D55E00', 'border-width': 4 } },
    { selector: '.off-window', style: { display: 'none' } },
    { selector: '.hidden-kind', style: { display: 'none' } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}
