package org.casegraph.network;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The file formats a graph result downloads as. Each reads the graph as the GraphQL
 * response holds it: {@code nodes} of {id, kind, label, properties} and {@code edges} of
 * {id, kind, source, target, weight, properties}.
 */
enum GraphFormat {

	/**
	 * Cytoscape.js elements JSON: {@code cy.add(json.elements)} or
	 * {@code cytoscape({elements})}.
	 */
	CYTOSCAPE("application/json", "json") {
		@Override
		String write(Map<String, Object> graph) {
			List<Object> nodes = nodes(graph).stream().map(node -> (Object) Map.of("data", data(node))).toList();
			List<Object> edges = edges(graph).stream().map(edge -> (Object) Map.of("data", data(edge))).toList();
			return json(Map.of("elements", Map.of("nodes", nodes, "edges", edges)));
		}
	},

	/**
	 * graphology's serialised form: {@code Graph.from(json)} or
	 * {@code graph.import(json)}.
	 */
	GRAPHOLOGY("application/json", "json") {
		@Override
		String write(Map<String, Object> graph) {
			List<Object> nodes = new ArrayList<>();
			nodes(graph).forEach(node -> nodes.add(Map.of("key", node.get("id"), "attributes", attributes(node))));
			List<Object> edges = new ArrayList<>();
			edges(graph).forEach(edge -> edges.add(Map.of("key", edge.get("id"), "source", edge.get("source"), "target",
					edge.get("target"), "attributes", attributes(edge))));
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("attributes", Map.of());
			document.put("options", Map.of("type", "directed", "multi", true, "allowSelfLoops", true));
			document.put("nodes", nodes);
			document.put("edges", edges);
			return json(document);
		}
	},

	/** GraphML, for Gephi, yEd, NetworkX and igraph. */
	GRAPHML("application/graphml+xml", "graphml") {
		@Override
		String write(Map<String, Object> graph) {
			return xml(writer -> {
				writer.writeStartElement("graphml");
				writer.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
				Set<String> nodeKeys = keys(nodes(graph));
				Set<String> edgeKeys = keys(edges(graph));
				declare(writer, "node", nodeKeys);
				declare(writer, "edge", edgeKeys);
				writer.writeStartElement("graph");
				writer.writeAttribute("id", "G");
				writer.writeAttribute("edgedefault", "directed");
				for (Map<String, Object> node : nodes(graph)) {
					writer.writeStartElement("node");
					writer.writeAttribute("id", String.valueOf(node.get("id")));
					data(writer, "node", attributes(node));
					writer.writeEndElement();
				}
				for (Map<String, Object> edge : edges(graph)) {
					writer.writeStartElement("edge");
					writer.writeAttribute("id", String.valueOf(edge.get("id")));
					writer.writeAttribute("source", String.valueOf(edge.get("source")));
					writer.writeAttribute("target", String.valueOf(edge.get("target")));
					data(writer, "edge", attributes(edge));
					writer.writeEndElement();
				}
				writer.writeEndElement();
				writer.writeEndElement();
			});
		}

		private static void declare(XMLStreamWriter writer, String domain, Set<String> keys) throws XMLStreamException {
			for (String key : keys) {
				writer.writeEmptyElement("key");
				writer.writeAttribute("id", domain + "." + key);
				writer.writeAttribute("for", domain);
				writer.writeAttribute("attr.name", key);
				writer.writeAttribute("attr.type", key.equals("weight") ? "double" : "string");
			}
		}

		private static void data(XMLStreamWriter writer, String domain, Map<String, Object> attributes)
				throws XMLStreamException {
			for (var attribute : attributes.entrySet()) {
				if (attribute.getValue() == null) {
					continue;
				}
				writer.writeStartElement("data");
				writer.writeAttribute("key", domain + "." + attribute.getKey());
				writer.writeCharacters(text(attribute.getValue()));
				writer.writeEndElement();
			}
		}
	},

	/** GEXF 1.3, Gephi's own format. */
	GEXF("application/gexf+xml", "gexf") {
		@Override
		String write(Map<String, Object> graph) {
			return xml(writer -> {
				writer.writeStartElement("gexf");
				writer.writeDefaultNamespace("http://gexf.net/1.3");
				writer.writeAttribute("version", "1.3");
				writer.writeStartElement("graph");
				writer.writeAttribute("defaultedgetype", "directed");
				Map<String, SortedSet<Integer>> nodeMonths = nodeMonths(graph);
				boolean dynamic = !nodeMonths.isEmpty();
				writer.writeAttribute("mode", dynamic ? "dynamic" : "static");
				if (dynamic) {
					writer.writeAttribute("timeformat", "date");
				}
				List<String> nodeKeys = List.copyOf(keys(nodes(graph)));
				List<String> edgeKeys = List.copyOf(keys(edges(graph)));
				declare(writer, "node", nodeKeys);
				declare(writer, "edge", edgeKeys);
				if (dynamic) {
					writer.writeStartElement("attributes");
					writer.writeAttribute("class", "edge");
					writer.writeAttribute("mode", "dynamic");
					writer.writeEmptyElement("attribute");
					writer.writeAttribute("id", MESSAGES);
					writer.writeAttribute("title", MESSAGES);
					writer.writeAttribute("type", "integer");
					writer.writeEndElement();
				}
				writer.writeStartElement("nodes");
				for (Map<String, Object> node : nodes(graph)) {
					writer.writeStartElement("node");
					writer.writeAttribute("id", String.valueOf(node.get("id")));
					writer.writeAttribute("label", String.valueOf(node.get("label")));
					writer.writeStartElement("attvalues");
					values(writer, "n", nodeKeys, attributes(node));
					writer.writeEndElement();
					spells(writer, nodeMonths.getOrDefault(String.valueOf(node.get("id")), new TreeSet<>()));
					writer.writeEndElement();
				}
				writer.writeEndElement();
				writer.writeStartElement("edges");
				for (Map<String, Object> edge : edges(graph)) {
					writer.writeStartElement("edge");
					writer.writeAttribute("id", String.valueOf(edge.get("id")));
					writer.writeAttribute("source", String.valueOf(edge.get("source")));
					writer.writeAttribute("target", String.valueOf(edge.get("target")));
					writer.writeAttribute("label", String.valueOf(edge.get("kind")));
					if (edge.get("weight") != null) {
						writer.writeAttribute("weight", String.valueOf(edge.get("weight")));
					}
					writer.writeStartElement("attvalues");
					values(writer, "e", edgeKeys, attributes(edge));
					// In the same attvalues as the static ones: readers take the first.
					monthly(writer, edge);
					writer.writeEndElement();
					spells(writer, new TreeSet<>(months(edge)));
					writer.writeEndElement();
				}
				writer.writeEndElement();
				writer.writeEndElement();
				writer.writeEndElement();
			});
		}

		/**
		 * The months each node sent or received messages in, from its edges' month
		 * counts; empty when no edge has them (a static graph).
		 */
		private static Map<String, SortedSet<Integer>> nodeMonths(Map<String, Object> graph) {
			Map<String, SortedSet<Integer>> months = new LinkedHashMap<>();
			for (Map<String, Object> edge : edges(graph)) {
				for (int month : months(edge)) {
					months.computeIfAbsent(String.valueOf(edge.get("source")), id -> new TreeSet<>()).add(month);
					months.computeIfAbsent(String.valueOf(edge.get("target")), id -> new TreeSet<>()).add(month);
				}
			}
			return months;
		}

		/** A spell per run of consecutive months. */
		private static void spells(XMLStreamWriter writer, SortedSet<Integer> months) throws XMLStreamException {
			if (months.isEmpty()) {
				return;
			}
			writer.writeStartElement("spells");
			Integer start = null;
			Integer previous = null;
			for (int month : months) {
				if (previous != null && month != next(previous)) {
					spell(writer, start, previous);
					start = null;
				}
				start = (start == null) ? month : start;
				previous = month;
			}
			spell(writer, start, previous);
			writer.writeEndElement();
		}

		/** An edge's messages in each of its months, as dynamic values. */
		private static void monthly(XMLStreamWriter writer, Map<String, Object> edge) throws XMLStreamException {
			List<Integer> months = months(edge);
			List<?> counts = (List<?>) properties(edge).get("monthCounts");
			for (int i = 0; i < months.size(); i++) {
				writer.writeEmptyElement("attvalue");
				writer.writeAttribute("for", MESSAGES);
				writer.writeAttribute("value", String.valueOf(counts.get(i)));
				writer.writeAttribute("start", firstDay(months.get(i)).toString());
				writer.writeAttribute("end", firstDay(months.get(i)).plusMonths(1).minusDays(1).toString());
			}
		}

		private static void spell(XMLStreamWriter writer, int first, int last) throws XMLStreamException {
			writer.writeEmptyElement("spell");
			writer.writeAttribute("start", firstDay(first).toString());
			writer.writeAttribute("end", firstDay(last).plusMonths(1).minusDays(1).toString());
		}

		private static List<Integer> months(Map<String, Object> edge) {
			Object months = properties(edge).get("months");
			Object counts = properties(edge).get("monthCounts");
			if (!(months instanceof List<?> list) || !(counts instanceof List<?> countList)
					|| list.size() != countList.size()) {
				return List.of();
			}
			return list.stream().map(month -> ((Number) month).intValue()).toList();
		}

		private static java.time.LocalDate firstDay(int month) {
			return java.time.LocalDate.of(month / 100, month % 100, 1);
		}

		private static int next(int month) {
			return (month % 100 == 12) ? (month / 100 + 1) * 100 + 1 : month + 1;
		}

		private static void declare(XMLStreamWriter writer, String domain, List<String> keys)
				throws XMLStreamException {
			writer.writeStartElement("attributes");
			writer.writeAttribute("class", domain);
			for (int i = 0; i < keys.size(); i++) {
				writer.writeEmptyElement("attribute");
				// Ids unique across both classes (n0, e0, ...): a reader may key them by
				// id alone.
				writer.writeAttribute("id", domain.charAt(0) + String.valueOf(i));
				writer.writeAttribute("title", keys.get(i));
				writer.writeAttribute("type", "string");
			}
			writer.writeEndElement();
		}

		private static void values(XMLStreamWriter writer, String prefix, List<String> keys,
				Map<String, Object> attributes) throws XMLStreamException {
			for (int i = 0; i < keys.size(); i++) {
				Object value = attributes.get(keys.get(i));
				if (value == null) {
					continue;
				}
				writer.writeEmptyElement("attvalue");
				writer.writeAttribute("for", prefix + i);
				writer.writeAttribute("value", text(value));
			}
		}
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The dynamic edge attribute of GEXF: messages per month. */
	private static final String MESSAGES = "messages";

	private final String mediaType;

	private final String extension;

	GraphFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	abstract String write(Map<String, Object> graph);

	String mediaType() {
		return mediaType;
	}

	String extension() {
		return extension;
	}

	/**
	 * A node's or an edge's fields for a format that holds one flat record: its
	 * properties, then its own fields (which win a clash), without the id and ends that
	 * the format holds elsewhere.
	 */
	static Map<String, Object> attributes(Map<String, Object> element) {
		Map<String, Object> attributes = new LinkedHashMap<>(properties(element));
		element.forEach((key, value) -> {
			if (!List.of("id", "source", "target", "properties").contains(key)) {
				attributes.put(key, value);
			}
		});
		return attributes;
	}

	/** Cytoscape's {@code data}: properties, then the element's own fields. */
	private static Map<String, Object> data(Map<String, Object> element) {
		Map<String, Object> data = new LinkedHashMap<>(properties(element));
		element.forEach((key, value) -> {
			if (!key.equals("properties")) {
				data.put(key, value);
			}
		});
		return data;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> properties(Map<String, Object> element) {
		Object properties = element.get("properties");
		return properties instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> nodes(Map<String, Object> graph) {
		return (List<Map<String, Object>>) graph.getOrDefault("nodes", List.of());
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> edges(Map<String, Object> graph) {
		return (List<Map<String, Object>>) graph.getOrDefault("edges", List.of());
	}

	private static Set<String> keys(List<Map<String, Object>> elements) {
		Set<String> keys = new LinkedHashSet<>();
		elements.forEach(element -> keys.addAll(attributes(element).keySet()));
		return keys;
	}

	private static String text(Object value) {
		return value instanceof String text ? text : json(value);
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private static String xml(XmlBody body) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			writer.writeStartDocument("UTF-8", "1.0");
			body.write(writer);
			writer.writeEndDocument();
			writer.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write XML", ex);
		}
		return out.toString();
	}

	/** Writes the body of an XML document. */
	@FunctionalInterface
	private interface XmlBody {

		void write(XMLStreamWriter writer) throws XMLStreamException;

	}

}
