// GraphiQL on casegraph's own /graphql, signed in as the explorer is: it sends the CSRF token a login
// session needs (a justification, where one is required, goes in GraphiQL's Headers tab).
import { currentSession, signInHeaders } from '/explore/js/api.js';

const session = await currentSession();
document.getElementById('who').textContent = `${session.name} (${session.roles.join(', ')})`;
const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: signInHeaders(session) });
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
