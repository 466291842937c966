// The explorer speaks to the server only through what any client may use: POST /graphql, the
// /graph/{format} downloads and GET /session (who is signed in, and the CSRF token a login session
// needs on every POST). Each function returns a promise; errors carry the server's own message.

let session;

/** Who is signed in, and the CSRF header to send (none in local, jwt and Basic sign-ins). */
export async function currentSession() {
  if (!session) {
    const response = await fetch('/session', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`Signing in failed (${response.status})`);
    }
    session = await response.json();
  }
  return session;
}

/** The headers a sign-in needs on every POST: the CSRF token of a login session, if any. */
export function signInHeaders(session) {
  return session.csrf ? { [session.csrf.headerName]: session.csrf.token } : {};
}

async function post(path, body) {
  const headers = {
    'Content-Type': 'application/json', Accept: 'application/json', ...signInHeaders(await currentSession()),
  };
  const reason = document.getElementById('reason')?.value.trim();
  if (reason) {
    headers['X-Casegraph-Justification'] = reason;
  }
  return fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** Runs a GraphQL request; the data, or an error with the first GraphQL error's message. */
export async function graphql(query, variables = {}) {
  const response = await post('/graphql', { query, variables });
  const answer = await response.json().catch(() => ({}));
  if (answer.errors && answer.errors.length) {
    const error = new Error(answer.errors[0].message);
    error.classification = answer.errors[0].extensions?.classification;
    throw error;
  }
  if (!response.ok) {
    throw new Error(answer.detail || `The server answered ${response.status}`);
  }
  return answer.data;
}

/** Downloads the same request as a file for another tool (cytoscape, graphml, gexf, graphology). */
export async function download(format, query, variables) {
  const response = await post(`/graph/${format}`, { query, variables });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `The download failed (${response.status})`);
  }
  return response.blob();
}
