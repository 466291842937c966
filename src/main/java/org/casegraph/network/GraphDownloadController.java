package org.casegraph.network;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.casegraph.security.Callers;
import org.casegraph.security.Disclosure;

import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads a network result as a file for a drawing tool: POST the same GraphQL request
 * as to /graphql (query, variables, operationName) to /graph/{cytoscape, graphology,
 * graphml, gexf}. The first graph in the response (an object with nodes and edges) is
 * written.
 */
@RestController
class GraphDownloadController {

	/** The header that says how many values of each sensitive field were redacted. */
	static final String REDACTED = "X-Casegraph-Redacted";

	private final ExecutionGraphQlService graphQl;

	GraphDownloadController(ExecutionGraphQlService graphQl) {
		this.graphQl = graphQl;
	}

	@PostMapping("/graph/{format}")
	ResponseEntity<?> download(@PathVariable String format, @RequestBody GraphQlRequest request,
			HttpServletRequest http) {
		Optional<GraphFormat> target = format(format);
		if (target.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND,
					"Unknown format '" + format + "': use cytoscape, graphology, graphml or gexf");
		}
		if (request.query() == null || request.query().isBlank()) {
			return problem(HttpStatus.BAD_REQUEST, "The body needs a GraphQL 'query'");
		}
		DefaultExecutionGraphQlRequest execution = new DefaultExecutionGraphQlRequest(request.query(),
				request.operationName(), request.variables(), Map.of(), "download", Locale.ROOT);
		Map<String, Object> context = Callers.graphQlContext(http::getAttribute);
		execution.configureExecutionInput((input, builder) -> builder.graphQLContext(context).build());
		Disclosure disclosure = (Disclosure) context.get(Disclosure.KEY);
		disclosure.operation(request.operationName());
		ExecutionGraphQlResponse response = graphQl.execute(execution).block();
		disclosure.answered(response.getErrors());
		if (!response.getErrors().isEmpty()) {
			ProblemDetail failed = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The GraphQL request failed: " + response.getErrors().getFirst().getMessage());
			failed.setProperty("errors", response.getErrors().stream().map(GraphDownloadController::error).toList());
			return ResponseEntity.of(failed).build();
		}
		Optional<Map<String, Object>> graph = firstGraph(response.getData());
		if (graph.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST,
					"The response holds no graph: select nodes and edges of a network query");
		}
		GraphFormat chosen = target.get();
		Map<String, Long> redacted = disclosure.redactedCounts();
		return ResponseEntity.ok()
			.header(REDACTED,
					redacted.entrySet()
						.stream()
						.map(entry -> entry.getKey() + "=" + entry.getValue())
						.collect(java.util.stream.Collectors.joining(", ")))
			.contentType(MediaType.parseMediaType(chosen.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"casegraph." + chosen.extension() + "\"")
			.body(chosen.write(graph.get()));
	}

	private static Optional<GraphFormat> format(String name) {
		return List.of(GraphFormat.values())
			.stream()
			.filter(candidate -> candidate.name().equalsIgnoreCase(name))
			.findFirst();
	}

	/**
	 * The first object, depth first in response order, that has nodes and edges lists.
	 */
	@SuppressWarnings("unchecked")
	static Optional<Map<String, Object>> firstGraph(Object data) {
		if (data instanceof Map<?, ?> map) {
			if (map.get("nodes") instanceof List<?> && map.get("edges") instanceof List<?>) {
				return Optional.of((Map<String, Object>) map);
			}
			return map.values().stream().map(GraphDownloadController::firstGraph).flatMap(Optional::stream).findFirst();
		}
		if (data instanceof List<?> list) {
			return list.stream().map(GraphDownloadController::firstGraph).flatMap(Optional::stream).findFirst();
		}
		return Optional.empty();
	}

	private static Map<String, Object> error(ResponseError error) {
		return Map.of("message", String.valueOf(error.getMessage()), "classification",
				String.valueOf(error.getErrorType()), "extensions", error.getExtensions());
	}

	private static ResponseEntity<?> problem(HttpStatus status, String message) {
		return ResponseEntity.of(ProblemDetail.forStatusAndDetail(status, message)).build();
	}

	/**
	 * The body: a GraphQL request as sent to /graphql.
	 *
	 * @param query the document
	 * @param operationName which operation, if it holds several
	 * @param variables its variables
	 */
	record GraphQlRequest(String query, String operationName, Map<String, Object> variables) {
	}

}
