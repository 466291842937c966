package org.casegraph.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.codec.digest.DigestUtils;
import org.casegraph.neo4j.TransactionMetadata;
import org.casegraph.security.Caller;
import org.casegraph.security.Callers;
import org.casegraph.security.Disclosure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.WebUtils;

/**
 * Audits every request that can disclose case data ({@code /graphql}, {@code /graph/*},
 * {@code /reports/*}, {@code /audit}): it runs after Spring Security has authenticated
 * the caller, hands the caller and an empty {@link Disclosure} to what serves the
 * request, holds the response back until the entry is written, and answers 503 with
 * nothing of the response when the trail cannot be written.
 */
class AuditFilter extends OncePerRequestFilter {

	/** The header the request id is answered in (and the transactions carry). */
	static final String REQUEST_ID = "X-Request-Id";

	private static final String STARTED = AuditFilter.class.getName() + ".started";

	private static final Set<String> PREFIXES = Set.of("/graphql", "/graph/", "/reports/", "/audit");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditLog log;

	AuditFilter(AuditLog log) {
		this.log = log;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		return PREFIXES.stream().noneMatch(path::startsWith);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isAsyncDispatch(request)) {
			chain.doFilter(request, response);
			finish(request, WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class));
			return;
		}
		String requestId = UUID.randomUUID().toString();
		request.setAttribute(STARTED, System.nanoTime());
		request.setAttribute(REQUEST_ID, requestId);
		request.setAttribute(Caller.KEY, Callers.of(request));
		request.setAttribute(Disclosure.KEY, new Disclosure());
		response.setHeader(REQUEST_ID, requestId);
		ContentCachingRequestWrapper cachedRequest = new ContentCachingRequestWrapper(request, 1 << 20);
		ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
		TransactionMetadata.set(requestId, ((Caller) request.getAttribute(Caller.KEY)).name());
		try {
			chain.doFilter(cachedRequest, cachedResponse);
		}
		finally {
			TransactionMetadata.clear();
		}
		if (!isAsyncStarted(cachedRequest)) {
			finish(cachedRequest, cachedResponse);
		}
	}

	private void finish(HttpServletRequest request, ContentCachingResponseWrapper response) throws IOException {
		if (response == null) {
			return;
		}
		try {
			log.record(entry(request, response));
		}
		catch (AuditUnavailableException ex) {
			response.resetBuffer();
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"title\":\"Service Unavailable\",\"status\":503,"
						+ "\"detail\":\"The audit trail cannot be written, so nothing is answered.\"}");
			response.getWriter().flush();
		}
		response.copyBodyToResponse();
	}

	private AuditLog.Request entry(HttpServletRequest request, ContentCachingResponseWrapper response) {
		Caller caller = (Caller) request.getAttribute(Caller.KEY);
		Disclosure disclosure = (Disclosure) request.getAttribute(Disclosure.KEY);
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		String channel = path.startsWith("/graphql") ? "graphql"
				: path.startsWith("/graph/") ? "download" : path.startsWith("/reports/") ? "report" : "audit";
		String documentHash;
		String variablesHash = null;
		JsonNode body = requestBody(request);
		if (body != null && body.has("query")) {
			documentHash = DigestUtils.sha256Hex(body.get("query").asString(""));
			variablesHash = body.has("variables") ? DigestUtils.sha256Hex(body.get("variables").toString()) : null;
		}
		else {
			documentHash = DigestUtils.sha256Hex(path + "?" + String.valueOf(request.getQueryString()));
		}
		String operation = (disclosure.operation() != null) ? disclosure.operation() : request.getMethod() + " " + path;
		long started = (Long) request.getAttribute(STARTED);
		return new AuditLog.Request(caller, channel, (String) request.getAttribute(REQUEST_ID), operation, documentHash,
				variablesHash, request.getRemoteAddr(), request.getHeader("User-Agent"), disclosure,
				disclosure.denials().isEmpty() ? outcome(response, disclosure) : "denied", response.getStatus(),
				(System.nanoTime() - started) / 1_000_000, Map.of());
	}

	private static JsonNode requestBody(HttpServletRequest request) {
		ContentCachingRequestWrapper cached = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
		if (cached == null || cached.getContentAsByteArray().length == 0) {
			return null;
		}
		try {
			return JSON.readTree(new String(cached.getContentAsByteArray(), StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * success, denied, limit or error: from the status and what the GraphQL interceptor
	 * or the graph download noted on the disclosure from the classifications of the
	 * answer's errors, never from the answer's text, which may hold any word.
	 */
	private static String outcome(ContentCachingResponseWrapper response, Disclosure disclosure) {
		int status = response.getStatus();
		if (status == 401 || status == 403) {
			return "denied";
		}
		if (disclosure.outcome() != null) {
			return disclosure.outcome();
		}
		return (status >= 400) ? "error" : "success";
	}

}
