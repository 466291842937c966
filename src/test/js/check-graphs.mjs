// Loads each pair of files (Cytoscape.js elements JSON, graphology JSON) into the libraries as they are, with no
// client-side changes, and prints what each library holds. Cytoscape.js reports duplicate ids and edges with a
// missing end as console errors and leaves those elements out; graphology throws. Both are caught and reported.
import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';
import Graph from 'graphology';

const problems = [];
console.error = (...args) => problems.push(args.join(' '));
console.warn = (...args) => problems.push(args.join(' '));

const results = [];
const files = process.argv.slice(2);
for (let i = 0; i < files.length; i += 2) {
  const result = { cytoscapeFile: files[i], graphologyFile: files[i + 1], problems: [] };
  problems.length = 0;
  try {
    const cy = cytoscape({ headless: true, elements: JSON.parse(readFileSync(files[i], 'utf8')).elements });
    result.cytoscapeNodes = cy.nodes().length;
    result.cytoscapeEdges = cy.edges().length;
  } catch (error) {
    result.problems.push('cytoscape: ' + error.message);
  }
  try {
    const graph = Graph.from(JSON.parse(readFileSync(files[i + 1], 'utf8')));
    result.graphologyNodes = graph.order;
    result.graphologyEdges = graph.size;
    result.graphologyType = graph.type;
  } catch (error) {
    result.problems.push('graphology: ' + error.message);
  }
  result.problems.push(...problems);
  results.push(result);
}
process.stdout.write(JSON.stringify(results));
