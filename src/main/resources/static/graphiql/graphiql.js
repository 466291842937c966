// GraphiQL on casegraph's own /graphql: it sends the CSRF token a login session needs, and the
// justification when the server asks for one.
(async function start() {
  const session = await fetch('/session', { headers: { Accept: 'application/json' } }).then((r) => r.json());
  document.getElementById('who').textContent = `${session.name} (${session.roles.join(', ')})`;
  const headers = {};
  if (session.csrf) {
    headers[session.csrf.headerName] = session.csrf.token;
  }
  const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers });
  const defaultQuery = `# casegraph: who messaged whom in the Impact team in 2016
{
  contactNetwork(scope: {unitIds: ["unit:impact"]}, from: "2016-01-01T00:00:00Z", to: "2016-12-31T23:59:59Z") {
    nodes { id kind label }
    edges { source target weight }
  }
}
`;
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }),
  );
}());
