// What the explorer shows is a request: read from the page's address, written back to it, sent to
// /graphql and to the /graph/{format} downloads. The address is the contract that links in reports
// use: /explore?unit=<id>&from=2016-01-01&to=2016-12-31 (unit, person, station and group repeat;
// days in the case's time zone, `to` included), ?ids=<id>,<id>, ?investigation=<id>, ?path=<id>,<id>.

export const CASE_ZONE = 'Europe/London';

/** Most neighbours an expansion follows from one node, unless the address says otherwise. */
export const DEFAULT_PER_NODE = 25;

const SCOPES = { unit: 'unitIds', person: 'personIds', station: 'stationIds', group: 'chatGroupIds' };

const PICTURE = `fragment Picture on Graph {
  nodes { id kind label properties }
  edges { id kind source target weight properties }
  truncated { reasons message cappedNodeIds }
}`;

/** The request a page address asks for, or null for none. Throws on an address it cannot read. */
export function fromAddress(search) {
  const params = new URLSearchParams(search);
  const options = {
    zone: params.get('zone') || CASE_ZONE,
    perNode: positive(params, 'perNode', DEFAULT_PER_NODE),
    outside: params.get('outside') === 'true',
    direct: params.get('direct') === 'true',
  };
  const scope = {};
  for (const [param, field] of Object.entries(SCOPES)) {
    const ids = params.getAll(param).flatMap(split);
    if (ids.length) {
      scope[field] = ids;
    }
  }
  if (Object.keys(scope).length) {
    return { type: 'network', scope, from: day(params, 'from'), to: day(params, 'to'), ...options };
  }
  if (params.has('ids')) {
    return { type: 'neighbourhood', ids: split(params.get('ids')), ...options };
  }
  if (params.has('investigation')) {
    return { type: 'investigation', id: params.get('investigation'), ...options };
  }
  if (params.has('path')) {
    const ends = split(params.get('path'));
    if (ends.length !== 2) {
      throw new Error('path= takes two ids separated by a comma');
    }
    return {
      type: 'path', from: ends[0], to: ends[1], ...options,
      timeOrdered: params.get('timeOrdered') === 'true',
      avoidHubs: params.get('avoidHubs') === 'true',
    };
  }
  return null;
}

/** The page address of a request: shared and reloaded, it opens the same picture. */
export function toAddress(request) {
  const params = new URLSearchParams();
  if (request.type === 'network') {
    for (const [param, field] of Object.entries(SCOPES)) {
      (request.scope[field] || []).forEach((id) => params.append(param, id));
    }
    if (request.from) params.set('from', request.from);
    if (request.to) params.set('to', request.to);
    if (request.outside) params.set('outside', 'true');
    if (request.direct) params.set('direct', 'true');
  } else if (request.type === 'neighbourhood') {
    params.set('ids', request.ids.join(','));
  } else if (request.type === 'investigation') {
    params.set('investigation', request.id);
  } else if (request.type === 'path') {
    params.set('path', `${request.from},${request.to}`);
    if (request.timeOrdered) params.set('timeOrdered', 'true');
    if (request.avoidHubs) params.set('avoidHubs', 'true');
  }
  if (request.zone !== CASE_ZONE) params.set('zone', request.zone);
  if (request.perNode !== DEFAULT_PER_NODE) params.set('perNode', String(request.perNode));
  return `/explore?${params.toString().replaceAll('%3A', ':').replaceAll('%2C', ',')}`;
}

/** The GraphQL document and variables of a request; the picture is its `view` field. */
export function toGraphQl(request) {
  switch (request.type) {
    case 'network':
      return {
        query: `query Network($scope: ScopeInput!, $from: DateTime, $to: DateTime, $outside: Boolean!, $via: [ContactVia!]!) {
  view: contactNetwork(scope: $scope, from: $from, to: $to, includeOutside: $outside, via: $via) { ...Picture }
}
${PICTURE}`,
        variables: {
          scope: request.scope,
          from: request.from ? startOfDay(request.from, request.zone) : null,
          to: request.to ? endOfDay(request.to, request.zone) : null,
          outside: request.outside,
          via: via(request),
        },
      };
    case 'neighbourhood':
      return neighbourhood(request.ids, request.perNode);
    case 'investigation':
      return {
        query: `query Linked($id: ID!) { view: linkedInvestigations(id: $id) { ...Picture } }
${PICTURE}`,
        variables: { id: request.id },
      };
    case 'path':
      return paths(request);
    default:
      throw new Error(`Unknown request ${request.type}`);
  }
}

/** One hop around some nodes: what a double-click adds. */
export function neighbourhood(ids, perNode) {
  return {
    query: `query Neighbourhood($ids: [ID!]!, $perNode: Int!) {
  view: neighbourhood(ids: $ids, depth: 1, perNodeLimit: $perNode) { ...Picture }
}
${PICTURE}`,
    variables: { ids, perNode },
  };
}

/** Every shortest path between two nodes (up to 25), merged as one graph. */
export function paths({ from, to, timeOrdered, avoidHubs }) {
  return {
    query: `query Paths($from: ID!, $to: ID!, $timeOrdered: Boolean!, $avoid: Int) {
  found: paths(from: $from, to: $to, mode: ALL_SHORTEST, timeOrdered: $timeOrdered, avoidDegreeAbove: $avoid) {
    paths { length nodeIds edgeIds }
    view: graph { ...Picture }
  }
}
${PICTURE}`,
    variables: { from, to, timeOrdered: !!timeOrdered, avoid: avoidHubs ? 50 : null },
  };
}

/** The all-time contacts of a network request's scope: what the time bar's histogram is drawn from. */
export function extent(request) {
  return {
    query: `query Extent($scope: ScopeInput!, $outside: Boolean!, $via: [ContactVia!]!) {
  extent: contactNetwork(scope: $scope, includeOutside: $outside, via: $via) { edges { id properties } }
}`,
    variables: { scope: request.scope, outside: request.outside, via: via(request) },
  };
}

/** Which messages a network counts: direct ones alone, or direct ones and group posts. */
function via(request) {
  return request.direct ? ['DIRECT'] : ['DIRECT', 'GROUP'];
}

/** The instant a day starts in a time zone, as an ISO date-time with that zone's offset. */
export function startOfDay(isoDay, zone) {
  return `${isoDay}T00:00:00${offset(isoDay, '00:00', zone)}`;
}

/** The last millisecond of a day in a time zone: `to` takes the whole day in. */
export function endOfDay(isoDay, zone) {
  return `${isoDay}T23:59:59.999${offset(isoDay, '23:59', zone)}`;
}

/** A zone's offset from UTC at a local day and time, as +hh:mm (the browser's own time-zone data). */
function offset(isoDay, time, zone) {
  const local = Date.parse(`${isoDay}T${time}:00Z`);
  let guess = local;
  for (let i = 0; i < 2; i++) {
    guess = local - minutesAhead(guess, zone) * 60000;
  }
  const minutes = minutesAhead(guess, zone);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function minutesAhead(instant, zone) {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant))
    .find((part) => part.type === 'timeZoneName').value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

function split(text) {
  return text.split(',').map((id) => id.trim()).filter(Boolean);
}

function day(params, name) {
  const value = params.get(name);
  if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new Error(`${name}= takes a day such as 2016-01-31, not '${value}'`);
  }
  return value || null;
}

function positive(params, name, fallback) {
  const value = params.get(name);
  if (value === null) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new Error(`${name}= takes a whole number above 0, not '${value}'`);
  }
  return Number(value);
}
